/**
 * A compile in steps: the compile's loops are generators that yield every STEP_SIZE
 * iterations, so that one caller can run them straight through (runSteps) and another
 * can hand the thread back between slices (runStepsAsync): the service worker keeps
 * answering pages, hovers and the popup while a million names are compiled.
 */
export type Steps<T> = Generator<void, T, void>;

/** Iterations between two yields of a compile loop (a few milliseconds of work). */
const STEP_SIZE = 4096;

/** Whether iteration i of a loop should yield (every STEP_SIZE iterations). */
export function stepDue(i: number): boolean {
  return i % STEP_SIZE === STEP_SIZE - 1;
}

/** Runs steps to the end without yielding the thread. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export interface StepOptions {
  /** Longest stretch of work between two pauses, ms. */
  budgetMs: number;
  /** Gives the thread back (e.g. a zero timeout, after which waiting events run first). */
  pause: () => Promise<void>;
}

/** Runs steps, pausing whenever a slice has run budgetMs. */
export async function runStepsAsync<T>(steps: Steps<T>, options: StepOptions): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStart >= options.budgetMs) {
      await options.pause();
      sliceStart = performance.now();
    }
  }
}

/**
 * The strings sorted by UTF-16 code unit (the default sort's order), in steps: bucketed
 * by their first two units, each bucket sorted on its own (0.84M keys sort in one
 * stretch of about a second; the largest bucket in a few milliseconds).
 */
export function* sortedSteps(strings: readonly string[]): Steps<string[]> {
  const buckets = new Map<number, string[]>();
  for (let i = 0; i < strings.length; i++) {
    const s = strings[i] as string;
    // A missing second unit sorts first: 0, the others 1 + unit.
    const id = (s.charCodeAt(0) || 0) * 0x10001 + (s.length > 1 ? s.charCodeAt(1) + 1 : 0);
    const bucket = buckets.get(id);
    if (bucket) bucket.push(s);
    else buckets.set(id, [s]);
    if (stepDue(i)) yield;
  }
  const sorted: string[] = [];
  let done = 0;
  for (const id of [...buckets.keys()].sort((a, b) => a - b)) {
    const bucket = (buckets.get(id) as string[]).sort();
    for (const s of bucket) sorted.push(s);
    done += bucket.length;
    if (done >= STEP_SIZE) {
      done = 0;
      yield;
    }
  }
  return sorted;
}
