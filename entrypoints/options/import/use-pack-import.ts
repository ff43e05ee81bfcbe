import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PackSource } from '../../../lib/db/rows';
import type { ImportProgress } from '../../../lib/kb/import-pipeline';
import { downloadPack } from './download-pack';
import type { AnyImportOutcome } from './import-messages';
import { runImportInWorker } from '../../../workers/library-worker';

/** Something to import: a file the user chose or dropped, or an address they typed. */
export type ImportInput = { kind: 'file'; file: File } | { kind: 'url'; url: string };

export interface RunningImport {
  input: ImportInput;
  progress: ImportProgress;
}

/** The label of an input in messages: its file name or address. */
export function inputLabel(input: ImportInput): string {
  return input.kind === 'file' ? input.file.name : input.url;
}

/**
 * Runs imports one at a time: download (for an address), then the worker. While one
 * runs, leaving the page asks for confirmation.
 */
export function usePackImport(): {
  running: RunningImport | undefined;
  run(input: ImportInput, options?: { replace?: boolean }): Promise<AnyImportOutcome>;
} {
  const [running, setRunning] = useState<RunningImport>();
  const busy = useRef(false);

  useEffect(() => {
    if (!running) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium needs returnValue set to show the prompt.
      event.returnValue = '';
    };
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [running !== undefined]);

  const run = useCallback(async (input: ImportInput, options: { replace?: boolean } = {}): Promise<AnyImportOutcome> => {
    if (busy.current) throw new Error('An import is already running');
    busy.current = true;
    try {
      void requestPersistence();
      let bytes: Uint8Array;
      let source: PackSource;
      if (input.kind === 'url') {
        setRunning({ input, progress: { stage: 'download' } });
        const download = await downloadPack(input.url, (done, total) => setRunning({ input, progress: { stage: 'download', done, total } }));
        if (!download.ok) return download;
        bytes = download.bytes;
        source = { kind: 'url', url: input.url };
      } else {
        setRunning({ input, progress: { stage: 'read' } });
        bytes = new Uint8Array(await input.file.arrayBuffer());
        source = { kind: 'file', fileName: input.file.name };
      }
      const outcome = await runImportInWorker({ bytes, source, replace: options.replace ?? false }, (progress) => setRunning({ input, progress }));
      // The write announced itself (lib/kb/write-library.ts); the background recompiles
      // in its own time, so the success message does not wait for it.
      return outcome;
    } finally {
      busy.current = false;
      setRunning(undefined);
    }
  }, []);

  return { running, run };
}

/** Asks once that the browser never evict the library to free space. */
async function requestPersistence(): Promise<void> {
  if (!navigator.storage?.persist || (await navigator.storage.persisted())) return;
  await navigator.storage.persist();
}
