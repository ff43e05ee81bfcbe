import type { ImportOutcome, ImportStage } from '../../../lib/kb/import-pipeline';
import { formatByteSize } from '../../../lib/pack/limits';
import type { ImportReportProps } from '../../../components/ImportReport';
import { countOf } from '../../../lib/text/plural';
import { describeSource } from '../../../lib/kb/pack-sources';

/** Names of the import stages, as the progress list shows them. */
export const STAGE_LABELS: Readonly<Record<ImportStage, string>> = {
  download: 'Download',
  read: 'Read',
  validate: 'Validate',
  prepare: 'Prepare',
  write: 'Write',
};

/** Failures that happen around the import pipeline rather than in it. */
export type OuterFailure =
  | { ok: false; code: 'worker-failed'; issues: []; total: 0 }
  | { ok: false; code: 'download-failed'; host: string; issues: []; total: 0 }
  | { ok: false; code: 'http-error'; status: number; statusText: string; issues: []; total: 0 };

export type AnyImportOutcome = ImportOutcome | OuterFailure;

const UNCHANGED = 'Your library is unchanged.';

function error(summary: string): ImportReportProps {
  return { tone: 'error', summary };
}

/**
 * What the user reads after an import: one clear sentence and what to do next for
 * every failure code, never a raw error.
 */
export function describeOutcome(outcome: AnyImportOutcome, fileLabel: string): ImportReportProps {
  if (outcome.ok) {
    const r = outcome.result;
    if (r.status === 'already-installed') {
      return {
        tone: 'success',
        summary: `${outcome.packName} version ${r.installedVersion} is already installed. Nothing changed.`,
      };
    }
    if (r.status === 'merged') {
      const already = r.alreadyThere > 0 ? ` Already there, left unchanged: ${countOf(r.alreadyThere, 'article')}.` : '';
      return { tone: 'success', summary: `Added to My articles from ${fileLabel}: ${countOf(r.articles, 'article')}, ${countOf(r.entities, 'entity', 'entities')}.${already}` };
    }
    const verb = r.status === 'updated' ? `Updated ${outcome.packName} from version ${r.previousVersion} to ${outcome.version}` : `Imported ${outcome.packName}`;
    return { tone: 'success', summary: `${verb}: ${countOf(r.entities, 'entity', 'entities')}, ${countOf(r.articles, 'article')}.` };
  }
  switch (outcome.code) {
    case 'invalid-pack':
      return {
        tone: 'error',
        summary: `${fileLabel} is not a valid article pack: ${countOf(outcome.total, 'problem')} found. Nothing was imported.`,
        issues: outcome.issues,
        total: outcome.total,
      };
    case 'too-large':
      return error(`${outcome.message} Ask its publisher for a smaller pack. Nothing was imported.`);
    case 'bad-gzip':
      return error(`${outcome.message} Download it again: it may be incomplete. Nothing was imported.`);
    case 'bad-json':
      // The reader's message starts "The pack is not valid JSON: …": said once, naming the file.
      return error(`${fileLabel} is not valid JSON: ${(outcome.message ?? '').replace(/^The pack is not valid JSON: /u, '').replace(/\.$/u, '')}. If you wrote it, correct it there; if you downloaded it, it may be incomplete: download it again. Nothing was imported.`);
    case 'bad-encoding':
      return error(`${outcome.message} Nothing was imported.`);
    case 'reserved-id':
      return error(
        `${fileLabel} names the pack “${outcome.packId}”, which is Backstory’s own (the starter pack, or My articles, which only takes articles added to it); no file may replace it. ${UNCHANGED}`,
      );
    case 'wrong-pack':
      return error(`${fileLabel} is another pack (“${outcome.packName}”, id ${outcome.packId}) than the one being updated. ${UNCHANGED}`);
    case 'other-source':
      return {
        tone: 'error',
        summary: `${outcome.packName} is installed from ${outcome.installedSource ? describeSource(outcome.installedSource) : 'elsewhere'}; ${fileLabel} would replace it. Replace it? ${UNCHANGED}`,
      };
    case 'no-space':
      return error(
        `This pack needs about ${formatByteSize(outcome.needed ?? 0)} of storage, but the browser has only ${formatByteSize(outcome.available ?? 0)} left for Backstory. Free some disk space or remove a pack you no longer need, then try again. Nothing was imported.`,
      );
    case 'quota':
      return error(`The browser ran out of space while saving this pack. Free some disk space or remove a pack, then try again. ${UNCHANGED}`);
    case 'newer-database':
      return error('Your library was saved by a newer version of Backstory. Update Backstory to change it; nothing was changed or deleted.');
    case 'write-failed':
      return error(`The browser refused to save this pack. Try again; if it keeps failing, restart the browser. ${UNCHANGED}`);
    case 'worker-failed':
      return error(`The import stopped unexpectedly (the pack may be too big for this browser's memory). ${UNCHANGED}`);
    case 'download-failed':
      return error(`Could not download the pack from ${outcome.host}. Check the address and your connection, then try again. ${UNCHANGED}`);
    case 'http-error':
      return error(
        `The server answered ${outcome.status}${outcome.statusText ? ` (${outcome.statusText})` : ''} instead of sending the pack. Check the address, then try again. ${UNCHANGED}`,
      );
  }
}
