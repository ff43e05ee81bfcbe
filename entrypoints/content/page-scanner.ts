import type { ScannedMention } from '../../lib/messages/protocol';
import type { HighlightPainter } from './highlight-painter';
import type { MentionIndex } from './mention-index';
import { collectTextBlocks, type TextBlock } from './text-blocks';

/** Text per scan request (UTF-16 code units): keeps each message and each reply small. */
const BATCH_CHARS = 200_000;

export interface ScannerDeps {
  index: MentionIndex;
  painter: HighlightPainter;
  scan(texts: string[]): Promise<ScannedMention[][]>;
  /** Our own UI, never scanned. */
  ownHost: Element;
}

/**
 * Finds the page's text, asks the background which known names it contains, and paints
 * them. Matching runs in the background, so a tab holds no copy of the matcher.
 */
export class PageScanner {
  private generation = 0;

  constructor(private readonly deps: ScannerDeps) {}

  /** Scans the whole page afresh; a newer call supersedes an older one still running. */
  async rescan(): Promise<number> {
    const generation = ++this.generation;
    const blocks = collectTextBlocks(document.body ?? document.documentElement, { exclude: this.deps.ownHost });
    this.deps.index.clear();
    this.deps.painter.clear();
    let found = 0;
    for (const batch of batches(blocks)) {
      const results = await this.deps.scan(batch.map((b) => b.text));
      if (generation !== this.generation) return found;
      batch.forEach((block, i) => {
        const mentions = this.deps.index.add(block, results[i] ?? []);
        this.deps.painter.add(mentions.map((m) => m.range));
        found += mentions.length;
      });
    }
    return found;
  }

  /** Stops a scan in progress from painting anything more. */
  cancel(): void {
    this.generation++;
  }
}

function* batches(blocks: readonly TextBlock[]): Generator<TextBlock[]> {
  let batch: TextBlock[] = [];
  let size = 0;
  for (const block of blocks) {
    if (size + block.text.length > BATCH_CHARS && batch.length > 0) {
      yield batch;
      batch = [];
      size = 0;
    }
    batch.push(block);
    size += block.text.length;
  }
  if (batch.length > 0) yield batch;
}
