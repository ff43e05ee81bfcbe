/** A WXT logger that prints only warnings and errors, for builds run by scripts and tests. */
const silent = () => {};

export const quietLogger = {
  debug: silent,
  log: silent,
  info: silent,
  success: silent,
  warn: (...args: unknown[]) => console.warn(...args),
  error: (...args: unknown[]) => console.error(...args),
  fatal: (...args: unknown[]) => console.error(...args),
  level: 1,
};
