/**
 * Counts the time a page is being read: only while it is visible and focused. Pure (the
 * caller says when the state changes and what time it is), so the page script owns the
 * timers and listeners and tests own the clock.
 */
export class ReadingClock {
  private readMs = 0;
  /** When the current stretch of reading began; undefined while not reading. */
  private since: number | undefined;

  /** The page became read (visible and focused) or stopped being read, at `now` (ms). */
  setReading(reading: boolean, now: number): void {
    if (reading && this.since === undefined) this.since = now;
    if (!reading && this.since !== undefined) {
      this.readMs += Math.max(0, now - this.since);
      this.since = undefined;
    }
  }

  get reading(): boolean {
    return this.since !== undefined;
  }

  /** Milliseconds read so far. */
  elapsedMs(now: number): number {
    return this.readMs + (this.since === undefined ? 0 : Math.max(0, now - this.since));
  }

  /** Milliseconds of reading still needed to reach `thresholdMs` (0 when reached). */
  remainingMs(thresholdMs: number, now: number): number {
    return Math.max(0, thresholdMs - this.elapsedMs(now));
  }
}
