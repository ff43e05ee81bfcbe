import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

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
  /** The text of a file read from inside a zip; files on disk are read when needed. */
  text?: string;
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
    } else if (extname(path).toLowerCase() === '.zip') {
      await visitZip(path);
    } else {
      const kind = KINDS[extname(path).toLowerCase()];
      if (kind) files.push({ path, kind });
      else skipped.push({ path, reason: explicit ? 'not a .txt, .html, .md, .jsonl or .zip file' : 'not an article file (.txt, .html, .md, .jsonl)' });
    }
  };
  // A zip (Backstory's Markdown export, say) is read like the folder it holds.
  const visitZip = async (path: string): Promise<void> => {
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(new Uint8Array(await readFile(path)));
    } catch (error) {
      skipped.push({ path, reason: `not a readable zip: ${(error as Error).message}` });
      return;
    }
    for (const name of Object.keys(entries).sort()) {
      if (name.endsWith('/') || basename(name).startsWith('.')) continue;
      const kind = KINDS[extname(name).toLowerCase()];
      if (kind) files.push({ path: `${path}/${name}`, kind, text: strFromU8(entries[name]!) });
      else skipped.push({ path: `${path}/${name}`, reason: 'not an article file (.txt, .html, .md, .jsonl)' });
    }
  };
  for (const path of paths) await visit(path, true);
  return { files, skipped };
}
