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
