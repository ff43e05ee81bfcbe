import { browser } from 'wxt/browser';
import type { ExtractedArticle } from '../../lib/extract';
import { CAPTURE_KEY_PREFIX, type Capture } from '../../lib/extract/capture';

export type LoadedCapture = { ok: true; article: ExtractedArticle } | { ok: false; message: string };

const MESSAGES = {
  missing: 'This preview has expired. Open the page again and choose “Save to Backstory”.',
  'no-access': 'Backstory cannot read this page. Browser pages, the extension gallery and some sites do not allow it.',
  'no-result': 'Backstory could not read this page. Try again once it has finished loading.',
} as const;

/** The capture the background stored for this page (its id is the URL hash). */
export async function loadCapture(id: string): Promise<LoadedCapture> {
  const key = `${CAPTURE_KEY_PREFIX}${id}`;
  const capture = (await browser.storage.session.get(key))[key] as Capture | undefined;
  if (!capture) return { ok: false, message: MESSAGES.missing };
  if ('error' in capture) return { ok: false, message: MESSAGES[capture.error] };
  if (!capture.result.ok) return { ok: false, message: capture.result.message };
  return { ok: true, article: capture.result.article };
}
