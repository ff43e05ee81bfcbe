/**
 * The one line an OPML import ends with: what was added, what was followed already, and
 * what was not followed and why (outlines that are no web address, feeds past the cap of
 * one file, addresses the background refused), by name.
 */
import { nameList } from '../text/name-list';
import { countOf } from '../text/plural';
import { MAX_OPML_FEEDS, type OpmlList } from './opml';

export interface OpmlOutcome {
  added: number;
  alreadyFollowed: number;
  refused: ReadonlyArray<{ name: string; message: string }>;
  /** Feeds not sent, because a batch failed (the extension was reloaded meanwhile…). */
  notNoted: number;
  read: OpmlList;
}

export function opmlSummary(fileName: string, { added, alreadyFollowed, refused, notNoted, read }: OpmlOutcome): string {
  const parts = [`${fileName}: ${countOf(added, 'feed')} added, ${countOf(alreadyFollowed, 'feed')} already followed.`];
  if (added > 0) parts.push('Their articles are being fetched in the background.');
  if (read.skipped.length > 0) parts.push(`${read.skipped.length.toLocaleString()} skipped (not a web address): ${nameList(read.skipped)}.`);
  if (read.leftOut > 0) parts.push(`${countOf(read.leftOut, 'more feed')} left out: Backstory takes at most ${MAX_OPML_FEEDS.toLocaleString()} from one file.`);
  if (refused.length > 0) parts.push(`${countOf(refused.length, 'feed')} refused: ${nameList(refused.map((r) => `${r.name} (${r.message.replace(/\.$/u, '')})`))}.`);
  if (notNoted > 0) parts.push(`${countOf(notNoted, 'feed')} could not be followed: Backstory stopped answering. Import the file again to add them.`);
  return parts.join(' ');
}
