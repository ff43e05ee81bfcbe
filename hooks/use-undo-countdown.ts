import { useEffect, useState } from 'preact/hooks';

/** How long a removal can be undone, in seconds. */
const UNDO_SECONDS = 10;

/**
 * What an Undo notice would put back, and the seconds left to do it: `offer` starts the
 * countdown (a new offer replaces the last), `take` ends it and returns what to restore.
 */
export function useUndoCountdown<T>(): { pending?: { value: T; secondsLeft: number }; offer(value: T): void; take(): T | undefined } {
  const [pending, setPending] = useState<{ value: T; secondsLeft: number }>();
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setPending(pending.secondsLeft > 1 ? { ...pending, secondsLeft: pending.secondsLeft - 1 } : undefined), 1000);
    return () => clearTimeout(timer);
  }, [pending]);
  return {
    pending,
    offer: (value) => setPending({ value, secondsLeft: UNDO_SECONDS }),
    take: () => {
      const value = pending?.value;
      setPending(undefined);
      return value;
    },
  };
}
