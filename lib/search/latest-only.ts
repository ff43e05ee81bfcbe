/** The rejection of a call that a newer one replaced before it was started. */
export class Superseded extends Error {
  constructor() {
    super('Superseded by a newer request');
    this.name = 'Superseded';
  }
}

/**
 * Wraps an asynchronous request so that at most one runs at a time and only the newest
 * waiting one runs next: while a search is answered, keystrokes do not queue up behind it;
 * the calls in between reject with `Superseded` without being sent. A call made while
 * nothing runs starts at once (no debounce).
 */
export function latestOnly<A, R>(request: (arg: A) => Promise<R>): (arg: A) => Promise<R> {
  let running = false;
  let waiting: { arg: A; resolve: (value: R) => void; reject: (error: unknown) => void } | undefined;

  function start(arg: A, resolve: (value: R) => void, reject: (error: unknown) => void): void {
    running = true;
    let started: Promise<R>;
    try {
      started = request(arg);
    } catch (error) {
      started = Promise.reject(error);
    }
    started.then(resolve, reject).finally(() => {
      running = false;
      const next = waiting;
      waiting = undefined;
      if (next) start(next.arg, next.resolve, next.reject);
    });
  }

  return (arg) =>
    new Promise<R>((resolve, reject) => {
      if (!running) return start(arg, resolve, reject);
      waiting?.reject(new Superseded());
      waiting = { arg, resolve, reject };
    });
}
