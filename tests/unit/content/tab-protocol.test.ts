import { describe, expect, it } from 'vitest';
import type { PageMention } from '../../../entrypoints/content/mention-index';
import { answerTabMessage, isFromExtensionPage, summarizeMentions } from '../../../entrypoints/content/tab-protocol';

const mention = (text: string, keys: string[]) => ({ text, entityKeys: keys, range: new Range() }) as PageMention;

describe('tab protocol', () => {
  const deps = {
    mentions: () => [mention('Putin', ['putin']), mention('Jordan', ['jordan', 'mj']), mention('Vladimir Putin', ['putin'])],
    enabled: () => true,
    reveal: (key: string) => key === 'putin',
  };

  it('summarizes one row per entity, most mentioned first', () => {
    expect(summarizeMentions(deps.mentions())).toEqual([
      { entityKey: 'putin', count: 2, text: 'Putin' },
      { entityKey: 'jordan', count: 1, text: 'Jordan' },
      { entityKey: 'mj', count: 1, text: 'Jordan' },
    ]);
  });

  it('trusts only this extension, from no tab or from its own pages', () => {
    const origin = 'chrome-extension://abc/';
    expect(isFromExtensionPage({ id: 'abc' }, 'abc', origin)).toBe(true);
    expect(isFromExtensionPage({ id: 'abc', tab: {}, url: 'chrome-extension://abc/popup.html' }, 'abc', origin)).toBe(true);
    expect(isFromExtensionPage({ id: 'abc', tab: {}, url: 'https://evil.example/' }, 'abc', origin)).toBe(false);
    expect(isFromExtensionPage({ id: 'other' }, 'abc', origin)).toBe(false);
  });

  it('answers only its own messages, and refuses untrusted senders', () => {
    expect(answerTabMessage({ type: 'kb.revision' }, {}, true, deps)).toBeUndefined();
    expect(answerTabMessage({ type: 'tab.reveal', payload: { entityKey: 'putin' } }, {}, true, deps)).toEqual({ ok: true, result: { found: true } });
    expect(answerTabMessage({ type: 'tab.mentions', payload: {} }, {}, false, deps)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
