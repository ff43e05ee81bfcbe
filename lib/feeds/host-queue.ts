/**
 * Requests to other people's sites, spaced: at most one request per site at a time, each
 * starting at least `intervalMs` after the previous one to the same site began. Sites
 * do not wait for each other. Held in memory only: what was queued when the background
 * stopped is queued again by the next feed round (the articles are still marked).
 */

export interface HostQueueOptions {
  /** The least time between the starts of two requests to one site. */
  intervalMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface HostQueue {
  /**
   * Queues `job` behind the earlier ones of `site`. A `key` already queued (the same
   * article from two rounds) is not queued twice: returns false then.
   */
  add(site: string, key: string, job: () => Promise<void>): boolean;
  /** Resolves when every job queued so far has run. */
  idle(): Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

export function createHostQueue({ intervalMs, now = Date.now, sleep = realSleep }: HostQueueOptions): HostQueue {
  const tails = new Map<string, Promise<void>>();
  const lastStart = new Map<string, number>();
  const queued = new Set<string>();

  return {
    add(site, key, job) {
      if (queued.has(key)) return false;
      queued.add(key);
      const run = async () => {
        const wait = (lastStart.get(site) ?? Number.NEGATIVE_INFINITY) + intervalMs - now();
        if (wait > 0) await sleep(wait);
        lastStart.set(site, now());
        try {
          await job();
        } catch (error) {
          console.warn('Backstory: a queued request failed', error);
        } finally {
          queued.delete(key);
        }
      };
      const tail = (tails.get(site) ?? Promise.resolve()).then(run);
      tails.set(site, tail);
      // The site's chain is dropped once it is done, so the map holds only busy sites.
      void tail.then(() => {
        if (tails.get(site) === tail) tails.delete(site);
      });
      return true;
    },
    async idle() {
      while (tails.size > 0) await Promise.all(tails.values());
    },
  };
}
