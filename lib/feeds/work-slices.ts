/**
 * Long feed work (building a feed's items, linking them) in short slices: the caller
 * asks `pause()` between items, which gives the thread back (a zero timeout) once
 * `budgetMs` of work has passed since the last time. The background then answers
 * scans, hovers and the popup between slices instead of after a whole round.
 */
import { nextTask } from '../search/next-task';

/** Work between two pauses: well under the 50 ms of a long task, even on a loaded machine. */
const SLICE_MS = 15;

export type Pause = () => Promise<void> | void;

export function createPause(budgetMs = SLICE_MS, now: () => number = () => performance.now()): Pause {
  let sliceStart = now();
  return async () => {
    if (now() - sliceStart < budgetMs) return;
    await nextTask();
    sliceStart = now();
  };
}

/** Runs a generator of steps to its end, pausing between steps: the sliced way of running it. */
export async function runInSlices<T>(steps: Generator<unknown, T>, pause: Pause): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** Runs a generator of steps to its end without pausing: the at-once way of running it. */
export function runAtOnce<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
