// One peer matcher, measured in its own worker thread so that a slow build can
// be abandoned at a time cap (terminate) and its memory measured in isolation.
// workerData: { peer, keys (folded aliases), text (folded text), scanRuns }
// Posts { stage: 'build', ms, bytes } then { stage: 'scan', ms, matches }.
import { parentPort, workerData } from 'node:worker_threads';

// oxlint-disable unicorn/require-post-message-target-origin -- a worker port, not a window
const { peer, keys: names, text, scanRuns } = workerData;

function heapBytes() {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

function escapeRegExp(s) {
  // Only syntax characters: with the u flag, escaping anything else is an error.
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Each peer: build(keys) returns a scan(text) function that returns a match count. */
const peers = {
  async regexp(keys) {
    // Longest first, so that the alternation's leftmost-first choice is the longest.
    const sorted = [...keys].sort((a, b) => b.length - a.length).map(escapeRegExp);
    const re = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${sorted.join('|')})(?![\\p{L}\\p{N}\\p{M}])`, 'gu');
    re.test('force compilation'); // V8 compiles lazily, on first use
    return (t) => {
      re.lastIndex = 0;
      let n = 0;
      while (re.exec(t) !== null) n++;
      return n;
    };
  },
  async 'modern-ahocorasick'(keys) {
    const { default: AhoCorasick } = await import('modern-ahocorasick');
    const ac = new AhoCorasick(keys);
    return (t) => ac.search(t, { strategy: 'leftmost-longest' }).length;
  },
  async 'modern-ahocorasick/fast'(keys) {
    const { default: AhoCorasick } = await import('modern-ahocorasick/fast');
    const ac = new AhoCorasick(keys);
    return (t) => ac.search(t, { strategy: 'leftmost-longest' }).length;
  },
  async ahocorasick(keys) {
    const { default: AhoCorasick } = await import('ahocorasick');
    const ac = new AhoCorasick(keys);
    return (t) => ac.search(t).length;
  },
  async '@monyone/aho-corasick/fast'(keys) {
    const { AhoCorasick } = await import('@monyone/aho-corasick/fast');
    const ac = new AhoCorasick(keys);
    return (t) => ac.matchInText(t).length;
  },
  async '@monyone/aho-corasick/greedy'(keys) {
    const { AhoCorasick } = await import('@monyone/aho-corasick/greedy');
    const ac = new AhoCorasick(keys);
    return (t) => ac.matchInText(t).length;
  },
};

const before = heapBytes();
let t0 = performance.now();
const scan = await peers[peer](names);
const buildMs = performance.now() - t0;
parentPort.postMessage({ stage: 'build', ms: buildMs, bytes: heapBytes() - before });
let best = Infinity;
let bestCpu = Infinity;
let matches = 0;
for (let r = 0; r < scanRuns; r++) {
  // Process CPU time: the main thread is idle, waiting for this worker.
  const c0 = process.cpuUsage();
  t0 = performance.now();
  matches = scan(text);
  best = Math.min(best, performance.now() - t0);
  const c = process.cpuUsage(c0);
  bestCpu = Math.min(bestCpu, (c.user + c.system) / 1000);
  parentPort.postMessage({ stage: 'scan', ms: best, cpuMs: bestCpu, matches });
}
