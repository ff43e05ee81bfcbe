/**
 * The text position under a viewport point, in whichever API this engine has. Open
 * shadow roots that hold mentions are passed in, so text inside them can be hit too.
 */
export function caretAt(x: number, y: number, shadowRoots: readonly ShadowRoot[] = []): { node: Node; offset: number } | undefined {
  if (typeof document.caretPositionFromPoint === 'function') {
    const position = shadowRoots.length > 0
      ? (document.caretPositionFromPoint as (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => CaretPosition | null)(x, y, { shadowRoots: [...shadowRoots] })
      : document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  const range = (document as Document & { caretRangeFromPoint?(x: number, y: number): Range | null }).caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

/**
 * The client rect of `range` under the point, if any. The caret APIs snap to the nearest
 * character, so a point in the margin beside a line would otherwise count as a hit.
 */
export function rectUnderPoint(range: Range, x: number, y: number): DOMRect | undefined {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return rect;
  }
  return undefined;
}
