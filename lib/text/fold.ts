/**
 * The form names and headlines are stored in for indexed, case- and accent-blind
 * browsing: lowercase, no combining marks ("Erdoğan" → "erdogan").
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}
