/**
 * Runs one peer matcher in a worker (peer-worker.mjs) with a time cap, so that a
 * build that would take minutes is reported as such instead of stalling the run.
 */
import { Worker } from 'node:worker_threads';

export const PEERS = [
  'regexp',
  'modern-ahocorasick',
  'modern-ahocorasick/fast',
  'ahocorasick',
  '@monyone/aho-corasick/fast',
  '@monyone/aho-corasick/greedy',
] as const;
export type PeerName = (typeof PEERS)[number];

/** What each peer lacks compared with the rules of lib/matcher (given folded text and names). */
export const PEER_NOTES: Record<PeerName, string> = {
  regexp: 'Unicode word boundaries via lookarounds; no possessive/exclude/case rules, no offsets back into unfolded text',
  'modern-ahocorasick': 'leftmost-longest, grapheme-aware; no word boundaries in this mode, no folding, no case rules',
  'modern-ahocorasick/fast': 'double-array backend of the same; same gaps',
  ahocorasick: 'all overlapping matches, no boundaries, no folding; object-of-objects trie',
  '@monyone/aho-corasick/fast': 'double array, all overlapping matches; no boundaries, no folding',
  '@monyone/aho-corasick/greedy': 'leftmost-longest; no boundaries, no folding',
};

export interface PeerResult {
  buildMs?: number;
  bytes?: number;
  scanMs?: number;
  scanCpuMs?: number;
  matches?: number;
  /** Why a figure is missing (time cap, error). */
  note?: string;
}

/** Builds and scans with one peer; resolves with whatever finished before `capMs`. */
export function runPeer(peer: PeerName, keys: string[], text: string, capMs: number): Promise<PeerResult> {
  return new Promise((resolve) => {
    const result: PeerResult = {};
    const started = performance.now();
    const worker = new Worker(new URL('./peer-worker.mjs', import.meta.url), {
      workerData: { peer, keys, text, scanRuns: 3 },
    });
    const timer = setTimeout(() => {
      const seconds = ((performance.now() - started) / 1000).toFixed(0);
      result.note = result.buildMs === undefined ? `build > ${seconds} s (cap)` : `scan stopped at ${seconds} s cap`;
      void worker.terminate();
    }, capMs);
    worker.on('message', (m: { stage: string; ms: number; cpuMs?: number; bytes?: number; matches?: number }) => {
      if (m.stage === 'build') {
        result.buildMs = m.ms;
        result.bytes = m.bytes;
      } else {
        result.scanMs = m.ms;
        result.scanCpuMs = m.cpuMs;
        result.matches = m.matches;
      }
    });
    worker.on('error', (e: Error) => {
      result.note = `error: ${e.message.slice(0, 80)}`;
    });
    worker.on('exit', () => {
      clearTimeout(timer);
      resolve(result);
    });
  });
}
