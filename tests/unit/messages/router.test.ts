import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { HandlerError, MessageError } from '../../../lib/messages/channel';
import { createMessageClient } from '../../../lib/messages/client';
import { BACKGROUND_MESSAGES, CONTENT_SCRIPT_MESSAGES, MAX_CARD_KEYS, MAX_DISMISS_FIELD, MAX_SCAN_CHARS, type ResponseOfMessage } from '../../../lib/messages/protocol';
import { routeMessage, type Handlers } from '../../../lib/messages/router';

const ok = async () => ({}) as never;

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'page.scan': async ({ texts }) => ({ mentions: texts.map(() => []), revision: 1 }),
    'entity.cards': ok,
    'article.open': ok,
    'kb.search': ok,
    'page.capture': ok,
    'entity.open': ok,
    'site.dismiss': ok,
    'site.undismiss': ok,
    'site.disable': ok,
    'page.config': ok,
    'reading.remember': ok,
    'kb.changed': async () => ({ revision: 2 }),
    'backup.now': async () => ({ written: false }),
    'card.load': async () => ({ loaded: true }),
    'feeds.follow': ok,
    'feeds.followMany': ok,
    'feeds.fetch': ok,
    'feeds.fullArticles': ok,
    'feeds.unfollow': ok,
    'feeds.undoUnfollow': ok,
    ...overrides,
  };
}

describe('routeMessage', () => {
  it('answers a content script question', async () => {
    const reply = await routeMessage(handlers(), { type: 'page.scan', payload: { texts: ['a'] } }, { trust: 'content-script' });
    expect(reply).toEqual({ ok: true, result: { mentions: [[]], revision: 1 } });
  });

  it('loads the card into the frame that asked, and only for a page script', async () => {
    const load = vi.fn(async () => ({ loaded: true as const }));
    const reply = await routeMessage(handlers({ 'card.load': load }), { type: 'card.load', payload: {} }, { trust: 'content-script', tabId: 4, frameId: 7 });
    expect(reply).toEqual({ ok: true, result: { loaded: true } });
    expect(load).toHaveBeenCalledWith({}, { tabId: 4, frameId: 7 });
    const fromPage = await routeMessage(handlers({ 'card.load': load }), { type: 'card.load', payload: {} }, { trust: 'extension-page' });
    expect(fromPage).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('refuses a content script that asks to read another tab for saving', async () => {
    const capture = vi.fn(async () => ({ opened: true }));
    const reply = await routeMessage(handlers({ 'page.capture': capture }), { type: 'page.capture', payload: { tabId: 1 } }, { trust: 'content-script' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(capture).not.toHaveBeenCalled();
  });

  it('refuses a content script that asks to change the knowledge base', async () => {
    const changed = vi.fn(async () => ({ revision: 2 }));
    const reply = await routeMessage(handlers({ 'kb.changed': changed }), { type: 'kb.changed', payload: {} }, { trust: 'content-script' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(changed).not.toHaveBeenCalled();
  });

  it('lets extension pages send it', async () => {
    const reply = await routeMessage(handlers(), { type: 'kb.changed', payload: {} }, { trust: 'extension-page' });
    expect(reply).toEqual({ ok: true, result: { revision: 2 } });
  });

  it('refuses foreign senders, unknown and malformed messages', async () => {
    expect(await routeMessage(handlers(), { type: 'page.scan', payload: { texts: [] } }, { trust: 'foreign' })).toMatchObject({ error: { code: 'forbidden' } });
    expect(await routeMessage(handlers(), { type: 'kb.drop', payload: {} }, { trust: 'extension-page' })).toMatchObject({ error: { code: 'unknown-message' } });
    expect(await routeMessage(handlers(), { type: 'toString', payload: {} }, { trust: 'extension-page' })).toMatchObject({ error: { code: 'unknown-message' } });
    expect(await routeMessage(handlers(), 'hello', { trust: 'extension-page' })).toMatchObject({ error: { code: 'bad-request' } });
  });

  it('turns expected failures into their code and unexpected ones into "internal" without details', async () => {
    const expected = handlers({ 'entity.cards': async () => { throw new HandlerError('not-found', 'gone'); } });
    expect(await routeMessage(expected, { type: 'entity.cards', payload: { entityKeys: [] } }, { trust: 'content-script' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'gone' },
    });
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = handlers({ 'entity.cards': async () => { throw new Error('secret stack'); } });
    const reply = await routeMessage(broken, { type: 'entity.cards', payload: { entityKeys: [] } }, { trust: 'content-script' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(reply)).not.toContain('secret');
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});

describe('the declarations', () => {
  it('allow content scripts exactly the questions a page needs, derived from each message\'s senders', () => {
    expect([...CONTENT_SCRIPT_MESSAGES].sort()).toEqual(['article.open', 'card.load', 'entity.cards', 'entity.open', 'page.config', 'page.scan', 'reading.remember', 'site.disable', 'site.dismiss', 'site.undismiss']);
    for (const [type, declaration] of Object.entries(BACKGROUND_MESSAGES)) {
      expect(CONTENT_SCRIPT_MESSAGES.has(type as never), type).toBe(declaration.senders.includes('content-script'));
    }
  });

  it('SECURITY.md lists exactly what content scripts may ask, and every message it names in the table is declared', () => {
    const doc = readFileSync('docs/SECURITY.md', 'utf8');
    const row = doc.split('\n').find((line) => line.startsWith('| a content script'));
    expect(row, 'the "a content script" row of the table "Who is not trusted"').toBeDefined();
    // The "can do" cell: the second of the row.
    const canDo = row!.split('|')[2] ?? '';
    const named = [...canDo.matchAll(/`([a-z]+\.[a-z]+)`/gu)].map((m) => m[1]!);
    expect(named.toSorted()).toEqual([...CONTENT_SCRIPT_MESSAGES].sort());
  });

  it('refuses kb.search from a content script (no content script sends it)', async () => {
    const search = vi.fn(ok);
    const reply = await routeMessage(handlers({ 'kb.search': search }), { type: 'kb.search', payload: { query: 'x' } }, { trust: 'content-script', tabId: 1 });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(search).not.toHaveBeenCalled();
  });
});

describe('payloads are checked at the door', () => {
  const cases: Array<[string, unknown]> = [
    ['page.scan', {}],
    ['page.scan', { texts: 'Putin' }],
    ['page.scan', { texts: ['a', 5] }],
    ['page.scan', { texts: ['x'.repeat(MAX_SCAN_CHARS / 2), 'x'.repeat(MAX_SCAN_CHARS / 2 + 1)] }],
    ['entity.cards', { entityKeys: Array.from({ length: MAX_CARD_KEYS + 1 }, (_, i) => `e${i}`) }],
    ['entity.cards', { entityKeys: [{ toString: 'x' }] }],
    ['article.open', { articleKey: 7 }],
    ['article.open', undefined],
    ['entity.open', { entityKey: ['a'] }],
    ['site.dismiss', { text: '', entityKey: 'e' }],
    ['site.dismiss', { text: 'x'.repeat(MAX_DISMISS_FIELD + 1), entityKey: 'e' }],
    ['site.dismiss', { text: 'Turkey', entityKey: 'e'.repeat(MAX_DISMISS_FIELD + 1) }],
    ['site.dismiss', { text: 'Turkey' }],
    ['page.capture', { tabId: 1.5 }],
    ['page.capture', { tabId: '1' }],
    ['kb.search', { query: null }],
  ];

  it.each(cases)('%s with %j is a bad request and never reaches its handler', async (type, payload) => {
    const handler = vi.fn(ok);
    const all = handlers(Object.fromEntries(Object.keys(BACKGROUND_MESSAGES).map((t) => [t, handler])) as Partial<Handlers>);
    const reply = await routeMessage(all, { type, payload }, { trust: 'extension-page' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('says what is wrong, briefly, naming the message and the field', async () => {
    const reply = await routeMessage(handlers(), { type: 'site.dismiss', payload: { text: 'x'.repeat(100_000), entityKey: 5 } }, { trust: 'content-script', tabId: 1 });
    expect(reply.ok).toBe(false);
    const message = reply.ok ? '' : reply.error.message;
    expect(message).toMatch(/^site\.dismiss: /u);
    expect(message).toContain('entityKey');
    expect(message.length).toBeLessThanOrEqual(300);
  });

  it('takes the limits themselves', async () => {
    const scan = vi.fn(async ({ texts }: { texts: string[] }) => ({ mentions: texts.map(() => []), revision: 1 }));
    const full = ['x'.repeat(MAX_SCAN_CHARS / 2), 'x'.repeat(MAX_SCAN_CHARS / 2)];
    expect(await routeMessage(handlers({ 'page.scan': scan }), { type: 'page.scan', payload: { texts: full } }, { trust: 'content-script' })).toMatchObject({ ok: true });
    const keys = Array.from({ length: MAX_CARD_KEYS }, (_, i) => `e${i}`);
    expect(await routeMessage(handlers(), { type: 'entity.cards', payload: { entityKeys: keys } }, { trust: 'content-script' })).toMatchObject({ ok: true });
  });
});

describe('createMessageClient', () => {
  it('returns results and throws coded errors', async () => {
    const client = createMessageClient(async (envelope) =>
      envelope.type === 'kb.changed'
        ? { ok: true, result: { revision: 3 } satisfies ResponseOfMessage<'kb.changed'> }
        : { ok: false, error: { code: 'forbidden', message: 'no' } },
    );
    expect(await client.send('kb.changed', {})).toEqual({ revision: 3 });
    await expect(client.send('kb.search', { query: 'x' })).rejects.toEqual(new MessageError('forbidden', 'no'));
    await expect(createMessageClient(async () => undefined).send('kb.changed', {})).rejects.toMatchObject({ code: 'internal' });
  });
});
