import { browser } from 'wxt/browser';

interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument?(): Promise<boolean>;
}

function offscreenApi(): OffscreenApi | undefined {
  return (globalThis as unknown as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;
}

let holders = 0;
let opening: Promise<void> | undefined;
let closing: Promise<void> | undefined;

async function open(offscreen: OffscreenApi): Promise<void> {
  if (await offscreen.hasDocument?.()) return;
  // Chrome allows one offscreen document per extension: it is opened for both of its jobs.
  await offscreen.createDocument({
    url: browser.runtime.getURL('/offscreen.html'),
    reasons: ['BLOBS', 'DOM_PARSER'],
    justification: 'Make a blob URL of an automatic backup for the downloads API; read the article pages of followed feeds into plain text',
  });
}

/**
 * Opens Chromium's offscreen document (entrypoints/offscreen/) for one job and returns
 * its release: the document is closed when the last holder lets go, so a backup's
 * download and an article being read never close it under each other. Throws where
 * there are no offscreen documents (Firefox, whose background page needs none).
 */
export async function holdOffscreenDocument(): Promise<() => Promise<void>> {
  const offscreen = offscreenApi();
  if (!offscreen) throw new Error('No offscreen documents here');
  holders++;
  try {
    // A document being closed is not reused: it would be gone under the new job.
    await closing;
    opening ??= open(offscreen).finally(() => (opening = undefined));
    await opening;
  } catch (error) {
    holders--;
    throw error;
  }
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    holders--;
    if (holders > 0) return;
    closing = offscreen.closeDocument().catch(() => undefined).finally(() => (closing = undefined));
    await closing;
  };
}
