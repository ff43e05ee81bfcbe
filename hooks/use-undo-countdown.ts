import { useEffect, useRef, useState } from 'preact/hooks';

/** How long a removal can be undone, in seconds. */
const UNDO_SECONDS = 10;

/**
 * What an Undo notice would put back, and the seconds left to do it: `offer` starts the
 * countdown (a new offer replaces the last), `take` ends it and returns what to restore.
 * `onExpire` is told of an offer that ended without an Undo (ran out, replaced by a new
 * one, or the notice unmounted): the removal is final then.
 */
export function useUndoCountdown<T>(onExpire?: (value: T) => void): { pending?: { value: T; secondsLeft: number }; offer(value: T): void; take(): T | undefined } {
  const [pending, setPending] = useState<{ value: T; secondsLeft: number }>();
  // The offer still open, and the latest callback: read on unmount and on a new offer.
  const open = useRef<T | undefined>(undefined);
  const expire = useRef(onExpire);
  expire.current = onExpire;
  const end = () => {
    const value = open.current;
    open.current = undefined;
    if (value !== undefined) expire.current?.(value);
  };
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => {
      if (pending.secondsLeft > 1) return setPending({ ...pending, secondsLeft: pending.secondsLeft - 1 });
      end();
      setPending(undefined);
    }, 1000);
    return () => clearTimeout(timer);
  }, [pending]);
  // Unmounted with an offer open; a page closed meanwhile leaves it to the background's next start.
  useEffect(() => end, []);
  return {
    pending,
    offer: (value) => {
      end();
      open.current = value;
      setPending({ value, secondsLeft: UNDO_SECONDS });
    },
    take: () => {
      const value = pending?.value;
      open.current = undefined;
      setPending(undefined);
      return value;
    },
  };
}
