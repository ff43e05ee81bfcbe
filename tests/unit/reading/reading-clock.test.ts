import { describe, expect, it } from 'vitest';
import { ReadingClock } from '../../../lib/reading/reading-clock';

describe('ReadingClock', () => {
  it('counts only the stretches the page is read, and pauses in between', () => {
    const clock = new ReadingClock();
    expect(clock.elapsedMs(100)).toBe(0);
    clock.setReading(true, 1000);
    expect(clock.elapsedMs(4000)).toBe(3000);
    clock.setReading(false, 5000); // hidden or blurred
    expect(clock.elapsedMs(60_000)).toBe(4000);
    clock.setReading(true, 70_000);
    clock.setReading(true, 75_000); // a second "focus" does not restart the stretch
    expect(clock.elapsedMs(80_000)).toBe(14_000);
    expect(clock.remainingMs(30_000, 80_000)).toBe(16_000);
    expect(clock.remainingMs(10_000, 80_000)).toBe(0);
  });

  it('never counts time backwards', () => {
    const clock = new ReadingClock();
    clock.setReading(true, 5000);
    clock.setReading(false, 4000);
    expect(clock.elapsedMs(4000)).toBe(0);
    expect(clock.reading).toBe(false);
  });
});
