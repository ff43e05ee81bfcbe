import { describe, expect, it } from 'vitest';
import { latestOnly, Superseded } from '../../../lib/search/latest-only';

function deferredRequests() {
  const started: Array<{ arg: string; resolve: (v: string) => void; reject: (e: unknown) => void }> = [];
  const request = (arg: string) => new Promise<string>((resolve, reject) => started.push({ arg, resolve, reject }));
  return { started, request };
}

describe('latestOnly', () => {
  it('starts a request at once when none runs', async () => {
    const { started, request } = deferredRequests();
    const ask = latestOnly(request);
    const a = ask('a');
    expect(started.map((s) => s.arg)).toEqual(['a']);
    started[0]!.resolve('A');
    expect(await a).toBe('A');
  });

  it('while one runs, only the newest waiting request is started next; the ones in between are superseded', async () => {
    const { started, request } = deferredRequests();
    const ask = latestOnly(request);
    const a = ask('a');
    const b = ask('b');
    const c = ask('c');
    await expect(b).rejects.toBeInstanceOf(Superseded);
    expect(started.map((s) => s.arg)).toEqual(['a']);
    started[0]!.resolve('A');
    expect(await a).toBe('A');
    await expect.poll(() => started.map((s) => s.arg)).toEqual(['a', 'c']);
    started[1]!.resolve('C');
    expect(await c).toBe('C');
  });

  it('passes failures on, and carries on with the next request', async () => {
    const { started, request } = deferredRequests();
    const ask = latestOnly(request);
    const a = ask('a');
    const b = ask('b');
    started[0]!.reject(new Error('boom'));
    await expect(a).rejects.toThrow('boom');
    await expect.poll(() => started.length).toBe(2);
    started[1]!.resolve('B');
    expect(await b).toBe('B');
  });

  it('turns a request that throws at once into a rejection', async () => {
    const ask = latestOnly<string, string>((): Promise<string> => {
      throw new Error('sync');
    });
    await expect(ask('a')).rejects.toThrow('sync');
    await expect(ask('b')).rejects.toThrow('sync');
  });
});
