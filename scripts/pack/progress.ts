/** How often a progress line is printed when stderr is not a terminal (a log, CI). */
const LOG_EVERY_MS = 2_000;

export interface Progress {
  update(stage: string, done: number, total: number): void;
  done(): void;
}

/**
 * Progress on stderr: one line rewritten in place on a terminal; otherwise a line every
 * {@link LOG_EVERY_MS} and at the end of each stage, so logs stay short.
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr, now: () => number = Date.now): Progress {
  let last = 0;
  let drawn = false;
  return {
    update(stage, done, total) {
      const line = `${stage}: ${done}/${total}`;
      if (stream.isTTY) {
        stream.write(`\r${line}\u001b[K`);
        drawn = true;
      } else if (done === total || now() - last >= LOG_EVERY_MS) {
        stream.write(`${line}\n`);
        last = now();
      }
    },
    done() {
      if (drawn) stream.write('\r\u001b[K');
      drawn = false;
    },
  };
}
