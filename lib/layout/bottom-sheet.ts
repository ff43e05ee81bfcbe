/**
 * The card as a bottom sheet on narrow screens (phones): where it sits and when a swipe
 * closes it. Pure geometry, in CSS pixels of the viewport; the popover host measures and
 * applies it (entrypoints/content/popover-host.tsx).
 */

/** Viewports narrower than this show the card as a bottom sheet; wider ones (tablets) keep the floating card. */
const SHEET_MAX_VIEWPORT_WIDTH_PX = 480;
/** The media query that says so, for matchMedia (479.98: "under 480" without rounding trouble). */
export const SHEET_MEDIA_QUERY = `(max-width: ${SHEET_MAX_VIEWPORT_WIDTH_PX - 0.02}px)`;
/** The sheet takes at most this share of the viewport's height, so the page stays in sight above it. */
const SHEET_HEIGHT_SHARE = 0.6;
/** Least height of a sheet squeezed below a name near the end of the page; under this it covers the name instead. */
export const SHEET_MIN_HEIGHT_PX = 200;
/** Room between the name and the sheet's top edge. */
const NAME_GAP_PX = 12;

export interface SheetPlacementInput {
  viewportHeight: number;
  /** The name's rect in the viewport. */
  nameTop: number;
  nameBottom: number;
  /** How far the page can still scroll down. */
  scrollRoom: number;
}

export interface SheetPlacement {
  /** How far to scroll the page down so the name shows above the sheet (0: it already does). */
  scrollBy: number;
  /** The sheet's greatest height. */
  maxHeight: number;
}

/**
 * Where the sheet leaves the name it explains in view: the page scrolls the name up above
 * the sheet's tallest extent when the page can go that far (never scrolling the name off
 * the top); where it cannot (the end of the page), the sheet shrinks to the room below the
 * name, down to SHEET_MIN_HEIGHT_PX; with less room than that it covers the name.
 */
export function placeSheet({ viewportHeight, nameTop, nameBottom, scrollRoom }: SheetPlacementInput): SheetPlacement {
  const tallest = Math.floor(viewportHeight * SHEET_HEIGHT_SHARE);
  const needed = nameBottom + NAME_GAP_PX - (viewportHeight - tallest);
  if (needed <= 0) return { scrollBy: 0, maxHeight: tallest };
  const scrollBy = Math.max(0, Math.ceil(Math.min(needed, scrollRoom, nameTop - NAME_GAP_PX)));
  const room = Math.floor(viewportHeight - (nameBottom - scrollBy) - NAME_GAP_PX);
  return { scrollBy, maxHeight: room >= tallest ? tallest : room >= SHEET_MIN_HEIGHT_PX ? room : tallest };
}

/** A drag down this far closes the sheet… */
const SWIPE_CLOSE_DISTANCE_PX = 80;
/** …as does a shorter flick at least this fast (px per ms), once past the slop. */
const SWIPE_CLOSE_SPEED = 0.5;
/** Movement under this is a tap or a jitter, not a drag. */
export const SWIPE_SLOP_PX = 10;

/** Whether a drag down the sheet by `distance` px over `durationMs` closes it. */
export function swipeCloses(distance: number, durationMs: number): boolean {
  if (distance >= SWIPE_CLOSE_DISTANCE_PX) return true;
  return distance > SWIPE_SLOP_PX && distance / Math.max(1, durationMs) >= SWIPE_CLOSE_SPEED;
}
