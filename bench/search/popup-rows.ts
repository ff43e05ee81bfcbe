/**
 * The popup's rows for a one-table scale benchmark (bench/scale): the same library
 * imported into two builds, one after the other in one run, each measured as a user
 * meets it. Plug in as `rows.push(...(await popupRows({ packPath, before, after })))`
 * with `before` and `after` the two builds' `.output/chrome-mv3-bench` folders
 * (`wxt build --mode bench`: the popup sets the marks read here).
 */
import { launchExtensionBrowser } from '../../tests/e2e/support/extension-browser';
import { heapAfterGc } from '../page/interactions';
import { seededRandom } from '../random';
import { keystrokes, openToUsable, percentile, usableAfter } from './popup-measures';

/** One row of the scale table. */
export interface ScaleRow {
  what: string;
  goal: string;
  before: string;
  after: string;
}

interface PopupFigures {
  usableAwakeMs: number;
  usableAsleepMs: number;
  keyP50Ms: number;
  keyP95Ms: number;
  heapBytes: number;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

/** Building the index after a big import, and importing it, can take minutes. */
const IMPORT_TIMEOUT_MS = 1_800_000;

/** Imports the pack at `packPath` into a fresh profile with the build in `extensionDir`, then measures its popup. */
async function measurePopup(extensionDir: string, packPath: string): Promise<PopupFigures> {
  const browser = await launchExtensionBrowser({ extensionDir });
  try {
    const options = await browser.openExtensionPage('options.html');
    await options.locator('input[type=file]').setInputFiles(packPath);
    await options.getByRole('status').filter({ hasText: 'Imported' }).waitFor({ timeout: IMPORT_TIMEOUT_MS });
    // The first opening after an import waits for the background's index build.
    const first = await browser.openExtensionPage('popup.html');
    await first.waitForFunction(() => performance.getEntriesByName('backstory:usable').length > 0, undefined, { timeout: IMPORT_TIMEOUT_MS, polling: 100 });
    await first.close();
    const awake = await openToUsable(browser, 'popup.html', { asleep: false, helper: options });
    const asleep = await openToUsable(browser, 'popup.html', { asleep: true, helper: options });
    const popup = await browser.openExtensionPage('popup.html');
    await usableAfter(popup);
    const keys = (await keystrokes(popup, seededRandom(7))).map((k) => k.ms);
    const heapBytes = await heapAfterGc(popup);
    await popup.close();
    return {
      usableAwakeMs: percentile(awake, 50),
      usableAsleepMs: percentile(asleep, 50),
      keyP50Ms: percentile(keys, 50),
      keyP95Ms: percentile(keys, 95),
      heapBytes,
    };
  } finally {
    await browser.close();
  }
}

/** The popup's goals (issue 16), before and after, measured one build after the other. */
export async function popupRows({ packPath, before, after }: { packPath: string; before: string; after: string }): Promise<ScaleRow[]> {
  const was = await measurePopup(before, packPath);
  const now = await measurePopup(after, packPath);
  return [
    { what: 'popup open → usable, worker awake (median)', goal: '≤ 150 ms', before: ms(was.usableAwakeMs), after: ms(now.usableAwakeMs) },
    { what: 'popup open → usable, worker asleep (median)', goal: '≤ 400 ms', before: ms(was.usableAsleepMs), after: ms(now.usableAsleepMs) },
    {
      what: 'popup keydown → results painted, p50 / p95',
      goal: 'p95 ≤ 20 ms',
      before: `${was.keyP50Ms.toFixed(1)} / ${was.keyP95Ms.toFixed(1)} ms`,
      after: `${now.keyP50Ms.toFixed(1)} / ${now.keyP95Ms.toFixed(1)} ms`,
    },
    { what: 'popup JS heap after typing (after GC)', goal: '≤ 40 MB', before: `${(was.heapBytes / 1e6).toFixed(0)} MB`, after: `${(now.heapBytes / 1e6).toFixed(0)} MB` },
  ];
}
