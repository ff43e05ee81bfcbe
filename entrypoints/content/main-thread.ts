/**
 * Small helpers to keep the content script off the page's critical path: work is cut
 * into slices that each end well before a long task (50 ms), and the rest waits for the
 * browser to be idle.
 */

/** Work per slice before giving the main thread back (ms). */
const SLICE_BUDGET_MS = 8;
/** Longest wait for an idle period before running anyway (ms). */
const IDLE_TIMEOUT_MS = 1000;

/** Gives the main thread back to the page (input, rendering), then resumes. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves when the browser is idle (or after a timeout, so work is never starved). */
export function whenIdle(timeoutMs = IDLE_TIMEOUT_MS): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 1);
  });
}

/** Longest wait for the page's next frame before reading layout anyway (ms): hidden tabs render none. */
const NEXT_FRAME_TIMEOUT_MS = 100;

/**
 * Resolves in a task after the page's next frame has been rendered (or after a timeout, in a
 * tab that renders no frames). A page still laying itself out at document idle then does so
 * in its own frame, not inside our first layout read.
 */
export function afterNextFrame(timeoutMs = NEXT_FRAME_TIMEOUT_MS): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

/** A deadline `budgetMs` from now, as a `shouldYield` predicate. */
export function deadline(budgetMs = SLICE_BUDGET_MS): () => boolean {
  const end = performance.now() + budgetMs;
  return () => performance.now() >= end;
}

/** Name of our performance measures: benchmarks sum them as the content script's main-thread time. */
const MEASURE_NAME = 'backstory:task';
/** Our measures are cleared beyond this many, so a long-lived tab does not accumulate them. */
const MAX_MEASURES = 2000;
let measures = 0;
/**
 * Only a benchmark build (`wxt build --mode bench`) writes marks and measures: the page
 * shares the performance timeline, and they would tell it that Backstory is there and
 * when the user hovers a name. A user's build writes none.
 */
const BENCH_BUILD = import.meta.env.MODE === 'bench';
/** Whether marks and measures are written: in a benchmark build, unless the hover-only privacy mode is on. */
let instrumented = BENCH_BUILD;

export function setInstrumentation(enabled: boolean): void {
  instrumented = BENCH_BUILD && enabled;
}

/** Runs a synchronous slice of work and records its duration as a performance measure. */
export function measured<T>(work: () => T): T {
  if (!instrumented) return work();
  const start = performance.now();
  try {
    return work();
  } finally {
    if (++measures > MAX_MEASURES) {
      performance.clearMeasures(MEASURE_NAME);
      measures = 0;
    }
    performance.measure(MEASURE_NAME, { start, end: performance.now() });
  }
}

/** Sets a performance mark (benchmarks read them), unless instrumentation is off. */
export function mark(name: string, startTime?: number): void {
  if (instrumented) performance.mark(name, startTime === undefined ? undefined : { startTime });
}

/** Records the wall time of an asynchronous step (a round trip to the background). */
export function measureSince(name: string, start: number): void {
  if (instrumented) performance.measure(name, { start, end: performance.now() });
}
