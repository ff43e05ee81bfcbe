/** Resolves in a later task, so that long work in parts lets the page (or worker) answer in between. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
