import { describe, expect, it } from 'vitest';
import { placeSheet, SHEET_MIN_HEIGHT_PX, swipeCloses } from '../../../lib/layout/bottom-sheet';

describe('placeSheet', () => {
  // A 360×740 phone: the sheet takes up to 444 px, its top at 296 px.
  const phone = { viewportHeight: 740 };

  it('leaves the page alone when the name is above the sheet', () => {
    expect(placeSheet({ ...phone, nameTop: 100, nameBottom: 120, scrollRoom: 5000 })).toEqual({ scrollBy: 0, maxHeight: 444 });
  });

  it('scrolls a name the sheet would cover up above it', () => {
    const { scrollBy, maxHeight } = placeSheet({ ...phone, nameTop: 600, nameBottom: 620, scrollRoom: 5000 });
    expect(maxHeight).toBe(444);
    expect(620 - scrollBy + 12).toBeLessThanOrEqual(740 - 444);
    expect(600 - scrollBy).toBeGreaterThan(0);
  });

  it('at the end of the page, shrinks the sheet to the room below the name', () => {
    const { scrollBy, maxHeight } = placeSheet({ ...phone, nameTop: 480, nameBottom: 500, scrollRoom: 100 });
    expect(scrollBy).toBe(100);
    expect(maxHeight).toBe(740 - 400 - 12);
    expect(400 + 12 + maxHeight).toBeLessThanOrEqual(740);
  });

  it('covers the name only when less than the least sheet height would be left', () => {
    const { scrollBy, maxHeight } = placeSheet({ ...phone, nameTop: 700, nameBottom: 720, scrollRoom: 0 });
    expect(scrollBy).toBe(0);
    expect(740 - 720 - 12).toBeLessThan(SHEET_MIN_HEIGHT_PX);
    expect(maxHeight).toBe(444);
  });

  it('never scrolls the name off the top of the screen', () => {
    // A tall name (a wrapped headline) low on the screen.
    const { scrollBy } = placeSheet({ ...phone, nameTop: 250, nameBottom: 560, scrollRoom: 5000 });
    expect(250 - scrollBy).toBeGreaterThanOrEqual(12);
  });
});

describe('swipeCloses', () => {
  it('closes on a long drag or a quick flick, not on a jitter or a slow short drag', () => {
    expect(swipeCloses(120, 900)).toBe(true);
    expect(swipeCloses(40, 50)).toBe(true);
    expect(swipeCloses(8, 5)).toBe(false);
    expect(swipeCloses(40, 400)).toBe(false);
  });
});
