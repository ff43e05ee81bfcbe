import { describe, expect, it, vi } from 'vitest';
import type { PageMention } from '../../../entrypoints/content/mention-index';
import { answerTabMessage, isFromExtensionPage, summarizeMentions, tabSenderTrust, type TabProtocolDeps } from '../../../entrypoints/content/tab-protocol';

const mention = (text: string, keys: string[]) => ({ text, entityKeys: keys, range: new Range() }) as PageMention;

function fakeDeps(overrides: Partial<TabProtocolDeps> = {}): TabProtocolDeps {
  return {
    answersQuestions: true,
    mentions: async () => [mention('Putin', ['putin']), mention('Jordan', ['jordan', 'mj']), mention('Vladimir Putin', ['putin'])],
    enabled: () => true,
    cappedAt: () => undefined,
    reveal: async (key: string) => key === 'putin',
    knowledgeChanged: vi.fn(),
    configChanged: vi.fn(),
    step: vi.fn(),
    feeds: () => [{ url: 'https://example.org/feed', title: 'Example' }],
    ...overrides,
  };
}

describe('tab protocol', () => {
  it('summarizes one row per entity, most mentioned first', async () => {
    expect(summarizeMentions(await fakeDeps().mentions())).toEqual([
      { entityKey: 'putin', count: 2, text: 'Putin' },
      { entityKey: 'jordan', count: 1, text: 'Jordan' },
      { entityKey: 'mj', count: 1, text: 'Jordan' },
    ]);
  });

  it('says when the page reached the highlight cap, so the popup can tell the counts stop there', async () => {
    expect(await answerTabMessage({ type: 'tab.mentions', payload: {} }, 'extension-page', fakeDeps({ cappedAt: () => 2000 }))).toMatchObject({ ok: true, result: { cappedAt: 2000 } });
    const uncapped = (await answerTabMessage({ type: 'tab.mentions', payload: {} }, 'extension-page', fakeDeps())) as { result: { cappedAt?: number } };
    expect(uncapped.result.cappedAt).toBeUndefined();
  });

  it('trusts only this extension, from no tab or from its own pages', () => {
    const origin = 'chrome-extension://abc/';
    expect(isFromExtensionPage({ id: 'abc' }, 'abc', origin)).toBe(true);
    expect(isFromExtensionPage({ id: 'abc', tab: {}, url: 'chrome-extension://abc/popup.html' }, 'abc', origin)).toBe(true);
    expect(isFromExtensionPage({ id: 'abc', tab: {}, url: 'https://evil.example/' }, 'abc', origin)).toBe(false);
    expect(isFromExtensionPage({ id: 'other' }, 'abc', origin)).toBe(false);
    expect(tabSenderTrust({ id: 'abc', tab: {}, url: 'https://evil.example/' }, 'abc', origin)).toBe('content-script');
    expect(tabSenderTrust({ id: 'other' }, 'abc', origin)).toBe('foreign');
  });

  it("answers the popup's questions in the top frame only, and nothing it does not declare", async () => {
    expect(await answerTabMessage({ type: 'tab.reveal', payload: { entityKey: 'putin' } }, 'extension-page', fakeDeps())).toEqual({ ok: true, result: { found: true } });
    expect(answerTabMessage({ type: 'tab.mentions', payload: {} }, 'extension-page', fakeDeps({ answersQuestions: false }))).toBeUndefined();
    expect(answerTabMessage({ type: 'page.scan', payload: { texts: [] } }, 'extension-page', fakeDeps())).toBeUndefined();
    expect(answerTabMessage('kb.revision', 'extension-page', fakeDeps())).toBeUndefined();
  });

  it('refuses questions and events from anyone but extension pages', async () => {
    const deps = fakeDeps();
    expect(await answerTabMessage({ type: 'tab.mentions', payload: {} }, 'content-script', deps)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await answerTabMessage({ type: 'kb.revision', payload: { revision: 2 } }, 'foreign', deps)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await answerTabMessage({ type: 'mention.step', payload: { direction: 'next' } }, 'content-script', deps)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(deps.knowledgeChanged).not.toHaveBeenCalled();
    expect(deps.step).not.toHaveBeenCalled();
  });

  it('validates events on receipt: a malformed one never reaches the page session', async () => {
    const deps = fakeDeps({ answersQuestions: false });
    expect(await answerTabMessage({ type: 'mention.step', direction: 'next' }, 'extension-page', deps)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await answerTabMessage({ type: 'mention.step', payload: { direction: 'sideways' } }, 'extension-page', deps)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await answerTabMessage({ type: 'kb.revision', payload: { revision: '3' } }, 'extension-page', deps)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await answerTabMessage({ type: 'tab.reveal', payload: { entityKey: 5 } }, 'extension-page', fakeDeps())).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(deps.step).not.toHaveBeenCalled();
    expect(deps.knowledgeChanged).not.toHaveBeenCalled();
  });

  it('delivers valid events in every frame', async () => {
    const deps = fakeDeps({ answersQuestions: false });
    expect(await answerTabMessage({ type: 'mention.step', payload: { direction: 'previous' } }, 'extension-page', deps)).toEqual({ ok: true, result: null });
    expect(deps.step).toHaveBeenCalledWith('previous');
    await answerTabMessage({ type: 'kb.revision', payload: { revision: 3 } }, 'extension-page', deps);
    expect(deps.knowledgeChanged).toHaveBeenCalledOnce();
    expect(await answerTabMessage({ type: 'config.changed', payload: {} }, 'extension-page', deps)).toEqual({ ok: true, result: null });
    expect(deps.configChanged).toHaveBeenCalledOnce();
  });

  it('takes config.changed from extension pages only: a content script cannot make pages ask again', async () => {
    const deps = fakeDeps();
    expect(await answerTabMessage({ type: 'config.changed', payload: {} }, 'content-script', deps)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(deps.configChanged).not.toHaveBeenCalled();
  });
});

describe('tab.feeds', () => {
  it('answers the popup with the feeds the page advertises, in the top frame only', async () => {
    expect(await answerTabMessage({ type: 'tab.feeds', payload: {} }, 'extension-page', fakeDeps())).toEqual({ ok: true, result: { feeds: [{ url: 'https://example.org/feed', title: 'Example' }] } });
    expect(answerTabMessage({ type: 'tab.feeds', payload: {} }, 'extension-page', fakeDeps({ answersQuestions: false }))).toBeUndefined();
    expect(await answerTabMessage({ type: 'tab.feeds', payload: {} }, 'content-script', fakeDeps())).toMatchObject({ ok: false });
  });
});
