/**
 * `web-ext lint` on the Firefox zip exactly as it will be uploaded (unpacked to a temporary
 * folder, since web-ext lints folders). Errors fail the release; so does any warning not
 * in KEPT_WARNINGS, each of which says why it stays (docs/releasing.md repeats the list).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

interface KeptWarning {
  code: string;
  /** The bundled file, with its content hash replaced by `*`. */
  file: RegExp;
  /** How many such warnings that file may have. */
  count: number;
  why: string;
}

export const KEPT_WARNINGS: readonly KeptWarning[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^chunks\/jsxRuntime-[\w-]+\.js$/,
    count: 1,
    why: "Preact's renderer (extension pages): its support for dangerouslySetInnerHTML, which Backstory never uses; pack text is rendered as text.",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^card\.js$/,
    count: 1,
    why: "Preact's renderer bundled into the card script (injected into a page on the first hover): the same dangerouslySetInnerHTML branch, never used.",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^extract\.js$/,
    count: 2,
    why: "Readability (Firefox's Reader View engine), run only when the user saves a page: it copies the page's own HTML inside a detached clone of that page's document; no pack or extension text goes in.",
  },
];

export interface FirefoxLintResult {
  errors: LintMessage[];
  /** Warnings beyond the kept ones: any fails the release. */
  unexpectedWarnings: LintMessage[];
  keptWarnings: number;
  notices: number;
}

/** Splits warnings into the kept ones (up to each one's count) and the rest. */
export function sortWarnings(warnings: readonly LintMessage[]): { kept: LintMessage[]; unexpected: LintMessage[] } {
  const used = KEPT_WARNINGS.map(() => 0);
  const kept: LintMessage[] = [];
  const unexpected: LintMessage[] = [];
  for (const warning of warnings) {
    const index = KEPT_WARNINGS.findIndex((k, i) => k.code === warning.code && k.file.test(warning.file ?? '') && used[i]! < k.count);
    if (index < 0) unexpected.push(warning);
    else {
      used[index]!++;
      kept.push(warning);
    }
  }
  return { kept, unexpected };
}

export async function lintFirefoxZip(zipPath: string): Promise<FirefoxLintResult> {
  const dir = await mkdtemp(join(tmpdir(), 'backstory-lint-'));
  try {
    await run('unzip', ['-q', zipPath, '-d', dir]);
    // web-ext exits non-zero when there are errors; the JSON report is on stdout either way.
    const { stdout } = await run('node_modules/.bin/web-ext', ['lint', '--source-dir', dir, '--output', 'json', '--no-input'], {
      maxBuffer: 20_000_000,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(stdout) as { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };
    const { kept, unexpected } = sortWarnings(report.warnings);
    return { errors: report.errors, unexpectedWarnings: unexpected, keptWarnings: kept.length, notices: report.notices.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
