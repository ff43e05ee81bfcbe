import { describe, expect, it, vi } from 'vitest';
import type { ProtocolMap } from '../../../lib/messages/protocol';
import { HandlerError, routeMessage, type Handlers } from '../../../lib/messages/router';
import { createMessageClient } from '../../../lib/messages/client';
import { MessageError } from '../../../lib/messages/protocol';

const ok = async () => ({}) as never;

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'page.scan': async ({ texts }) => ({ mentions: texts.map(() => []), revision: 1 }),
    'entity.cards': ok,
    'article.open': ok,
    'kb.search': ok,
    'page.capture': ok,
    'search.open': ok,
    'site.dismiss': ok,
    'site.undismiss': ok,
    'kb.changed': async () => ({ revision: 2 }),
    ...overrides,
  };
}

describe('routeMessage', () => {
  it('answers a content script question', async () => {
    const reply = await routeMessage(handlers(), { type: 'page.scan', payload: { texts: ['a'] } }, { trust: 'content-script' });
    expect(reply).toEqual({ ok: true, result: { mentions: [[]], revision: 1 } });
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

describe('createMessageClient', () => {
  it('returns results and throws coded errors', async () => {
    const client = createMessageClient(async (envelope) =>
      envelope.type === 'kb.changed'
        ? { ok: true, result: { revision: 3 } satisfies ProtocolMap['kb.changed']['response'] }
        : { ok: false, error: { code: 'forbidden', message: 'no' } },
    );
    expect(await client.send('kb.changed', {})).toEqual({ revision: 3 });
    await expect(client.send('kb.search', { query: 'x' })).rejects.toEqual(new MessageError('forbidden', 'no'));
  });
});
