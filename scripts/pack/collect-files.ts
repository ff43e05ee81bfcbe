import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** The kinds of input the builder reads, by file extension. */
export type InputKind = 'txt' | 'html' | 'md' | 'jsonl';

const KINDS: Record<string, InputKind> = {
  '.txt': 'txt',
  '.html': 'html',
  '.htm': 'html',
  '.md': 'md',
  '.markdown': 'md',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

export interface InputFile {
  path: string;
  kind: InputKind;
}

export interface SkippedFile {
  path: string;
  reason: string;
}

/**
 * The files to read, from files and folders (walked recursively, in name order so that
 * a build is reproducible). Hidden files and unknown extensions are skipped, with why.
 */
export async function collectFiles(paths: readonly string[]): Promise<{ files: InputFile[]; skipped: SkippedFile[] }> {
  const files: InputFile[] = [];
  const skipped: SkippedFile[] = [];
  const visit = async (path: string, explicit: boolean): Promise<void> => {
    const info = await stat(path).catch(() => undefined);
    if (!info) {
      skipped.push({ path, reason: 'not found' });
    } else if (info.isDirectory()) {
      const names = (await readdir(path)).filter((name) => !name.startsWith('.')).sort();
      for (const name of names) await visit(join(path, name), false);
    } else {
      const kind = KINDS[extname(path).toLowerCase()];
      if (kind) files.push({ path, kind });
      else skipped.push({ path, reason: explicit ? 'not a .txt, .html, .md or .jsonl file' : 'not an article file (.txt, .html, .md, .jsonl)' });
    }
  };
  for (const path of paths) await visit(path, true);
  return { files, skipped };
}
