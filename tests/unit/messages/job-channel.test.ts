import { describe, expect, it, vi } from 'vitest';
import * as v from 'valibot';
import { MessageError, returns } from '../../../lib/messages/channel';
import { createJobClient, type JobHandlersOf, type JobMessage, type JobWorker, serveJob } from '../../../lib/messages/job-channel';
import { LIBRARY_JOBS } from '../../../lib/messages/protocol';

const JOBS = {
  count: { payload: v.object({ upTo: v.number() }), senders: ['extension-page'], response: returns<{ counted: number }>(), progress: returns<number>() },
  fail: { payload: v.object({}), senders: ['extension-page'], response: returns<never>() },
} as const;

/** A worker in the same thread: what the page posts goes through `serveJob`, as in workers/library.worker.ts. */
function fakeWorker(handlers: JobHandlersOf<typeof JOBS>, options: { dies?: string; afterComplete?: JobMessage[] } = {}) {
  const posted: unknown[] = [];
  const worker: JobWorker & { terminated: boolean } = {
    terminated: false,
    post(envelope, transfer) {
      posted.push({ envelope, transfer });
    },
    listen(onMessage, onFailure) {
      queueMicrotask(() => {
        const { envelope } = posted[0] as { envelope: unknown };
        if (options.dies) return onFailure(options.dies);
        void serveJob({
          declarations: JOBS,
          handlers,
          message: envelope,
          post: (message) => {
            onMessage(message);
            if (message.kind === 'complete') for (const late of options.afterComplete ?? []) onMessage(late);
          },
        });
      });
    },
    terminate() {
      worker.terminated = true;
    },
  };
  return { worker, posted };
}

const handlers: JobHandlersOf<typeof JOBS> = {
  async count({ upTo }, job) {
    for (let i = 1; i <= upTo; i++) job.progress(i);
    return { counted: upTo };
  },
  async fail() {
    throw new Error('disk full');
  },
};

describe('job channel', () => {
  it('reports progress, then resolves with the one completion, and ends the worker', async () => {
    const { worker, posted } = fakeWorker(handlers, { afterComplete: [{ kind: 'progress', progress: 99 }, { kind: 'complete', reply: { ok: true, result: { counted: -1 } } }] });
    const progress: number[] = [];
    const buffer = new ArrayBuffer(4);
    const result = await createJobClient<typeof JOBS>(() => worker).run('count', { upTo: 3 }, { onProgress: (p) => progress.push(p), transfer: [buffer] });
    expect(result).toEqual({ counted: 3 });
    expect(progress).toEqual([1, 2, 3]);
    expect(posted).toEqual([{ envelope: { type: 'count', payload: { upTo: 3 } }, transfer: [buffer] }]);
    expect(worker.terminated).toBe(true);
  });

  it('checks the request at the worker door: a bad payload never reaches the job', async () => {
    const count = vi.fn(handlers.count);
    const { worker } = fakeWorker({ ...handlers, count });
    await expect(createJobClient<typeof JOBS>(() => worker).run('count', { upTo: 'three' } as never)).rejects.toMatchObject({ code: 'bad-request' });
    expect(count).not.toHaveBeenCalled();
  });

  it('a failing job completes once with an internal error, without its details', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { worker } = fakeWorker(handlers);
    const failure = createJobClient<typeof JOBS>(() => worker).run('fail', {});
    await expect(failure).rejects.toBeInstanceOf(MessageError);
    await expect(failure).rejects.toMatchObject({ code: 'internal', message: expect.not.stringContaining('disk full') });
  });

  it('a worker that dies rejects with internal', async () => {
    const { worker } = fakeWorker(handlers, { dies: 'out of memory' });
    await expect(createJobClient<typeof JOBS>(() => worker).run('count', { upTo: 1 })).rejects.toMatchObject({ code: 'internal', message: expect.stringContaining('out of memory') });
    expect(worker.terminated).toBe(true);
  });

  it('serveJob posts exactly one completion, after every progress message', async () => {
    const posts: JobMessage[] = [];
    await serveJob({ declarations: JOBS, handlers, message: { type: 'count', payload: { upTo: 2 } }, post: (m) => posts.push(m) });
    expect(posts.map((m) => m.kind)).toEqual(['progress', 'progress', 'complete']);
  });
});

describe('the library jobs', () => {
  it('accept the requests the pages send and refuse malformed ones', () => {
    const bytes = new Uint8Array([1, 2]);
    expect(v.is(LIBRARY_JOBS['pack.import'].payload, { bytes, source: { kind: 'url', url: 'https://packs.example/p.json' }, replace: false })).toBe(true);
    expect(v.is(LIBRARY_JOBS['pack.import'].payload, { bytes: [1, 2], source: { kind: 'file' }, replace: false })).toBe(false);
    expect(v.is(LIBRARY_JOBS['pack.import'].payload, { bytes, source: { kind: 'ftp' }, replace: false })).toBe(false);
    expect(v.is(LIBRARY_JOBS['library.restore'].payload, { bytes, fileName: 'backup.json' })).toBe(true);
    expect(v.is(LIBRARY_JOBS['article.save'].payload, { article: { headline: 'A' }, newEntities: [{ name: 'B', type: 'Person' }] })).toBe(true);
    expect(v.is(LIBRARY_JOBS['article.save'].payload, { article: 'A' })).toBe(false);
    expect(v.is(LIBRARY_JOBS['article.save'].payload, { article: {}, newEntities: ['B'] })).toBe(false);
  });
});
