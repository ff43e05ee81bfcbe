import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, useE2eSession } from './support/e2e-session';
import { highlightTexts, waitForHighlights } from './support/extension-browser';

/** Imports and database writes are slow on a loaded machine: wait for what the user would see. */
const POLL = { timeout: 15_000 };


const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Library test page</title></head><body>
<main><p>Vladimir Putin met Xi Jinping again. Observers called Mr Chairman Xi a careful host.</p>
<p>Later the Harbour Trust of Astana released a statement about the Harbour Trust budget.</p></main></body></html>`;

const ARTICLE = `Leaders meet again in Astana
By test-writer // 2024-07-05

Vladimir Putin and Xi Jinping met in Astana on Friday, their second meeting in a month.

Kazakhstan hosted the talks. The Harbour Trust was not invited.
`;

describe('options page: library', () => {
  let options: Page;

  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'backstory-library-'));
    await writeFile(join(dir, 'library.html'), PAGE);
  });
  const session = useE2eSession({ pages: () => [dir] });

  beforeAll(async () => {
    options = await session.browser.openExtensionPage('options.html#/articles');
  });

  it('lists the articles newest first and finds them by headline', async () => {
    const list = options.getByRole('list', { name: 'Articles' });
    await expect.poll(() => list.getByRole('listitem').count(), POLL).toBe(10);
    const headlines = () => list.getByRole('link').allInnerTexts();
    await expect.poll(async () => (await headlines())[0], POLL).toMatch(/^NATO summit declaration calls China/u);
    await options.getByLabel('Search articles').fill('erdogan');
    await expect.poll(headlines, POLL).toEqual(['Erdoğan meets Putin in Astana as Turkey keeps ties with SCO']);
    expect(await options.getByText(/^\d+ articles?$/u).innerText()).toBe('1 article');
    await options.screenshot({ path: `${SCREENSHOTS}/options-articles.png`, fullPage: true });
    await options.getByLabel('Search articles').fill('');
    await expect.poll(() => list.getByRole('listitem').count(), POLL).toBe(10);
  });

  it('shows the rows of a new search that finds as many results as the one before', async () => {
    const list = options.getByRole('list', { name: 'Articles' });
    const headlines = () => list.getByRole('link').allInnerTexts();
    await options.getByLabel('Search articles').fill('Kazan');
    await expect.poll(headlines, POLL).toEqual(['Russia steers an enlarged BRICS towards October summit in Kazan']);
    await options.getByLabel('Search articles').fill('Tajikistan');
    await expect.poll(headlines, POLL).toEqual(['Xi travels from Astana to Dushanbe for state visit to Tajikistan']);
    expect(await list.getByText('Loading…').count()).toBe(0);
    await options.screenshot({ path: `${SCREENSHOTS}/options-articles-same-count.png`, fullPage: true });
    await options.getByLabel('Search articles').fill('');
    await expect.poll(() => list.getByRole('link').count(), POLL).toBe(10);
  });

  it('reads an article with its known names linked, and opens an entity page from one', async () => {
    await options.getByRole('list', { name: 'Articles' }).getByRole('link').first().click();
    const reader = options.getByRole('article');
    await reader.getByRole('heading', { level: 2 }).waitFor();
    const names = await reader.locator('a.reader__mention').allInnerTexts();
    expect(names.length).toBeGreaterThan(2);
    await options.screenshot({ path: `${SCREENSHOTS}/options-article-reader.png`, fullPage: true });
    const first = names[0]!;
    await reader.locator('a.reader__mention').first().click();
    await options.getByRole('heading', { level: 3, name: /^Mentioned in \d+ articles?$/u }).waitFor();
    expect(await options.getByRole('heading', { level: 2 }).innerText()).toBeTruthy();
    expect(first.length).toBeGreaterThan(1);
  });

  it('edits an entity: a new alias is highlighted on pages, and hiding removes its highlights', async () => {
    await options.goto(`chrome-extension://${session.browser.extensionId}/options.html#/entities`);
    await options.getByLabel('Search entities').fill('xi jin');
    await options.getByRole('list', { name: 'Entities' }).getByRole('link', { name: 'Xi Jinping' }).click();
    await options.getByRole('heading', { level: 2, name: 'Xi Jinping' }).waitFor();
    const aliases = options.getByLabel('Other names of Xi Jinping, one per line');
    await aliases.fill(`${await aliases.inputValue()}\nMr Chairman Xi`);
    await options.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => options.getByRole('article').innerText(), POLL).toContain('Mr Chairman Xi');
    // The save says so, politely, beside the button; the next edit clears it.
    // The form's own status, after the note of the aliases field (a status too).
    const saved = options.getByRole('article').getByRole('status').last();
    await expect.poll(() => saved.innerText(), POLL).toBe('Saved.');
    expect(await saved.evaluate((el) => getComputedStyle(el).display)).not.toBe('none');
    await options.screenshot({ path: `${SCREENSHOTS}/options-entity-page.png`, fullPage: true });

    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('library.html'));
    await waitForHighlights(page, 3);
    expect(await highlightTexts(page)).toEqual(expect.arrayContaining(['Vladimir Putin', 'Xi Jinping', 'Mr Chairman Xi']));

    await options.getByRole('checkbox', { name: 'Do not highlight Xi Jinping on pages' }).check();
    expect(await saved.innerText()).toBe('');
    await options.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => saved.innerText(), POLL).toBe('Saved.');
    await expect.poll(async () => (await highlightTexts(page)).filter((t) => t.includes('Xi')), { timeout: 10_000 }).toEqual([]);
    expect(await highlightTexts(page)).toContain('Vladimir Putin');

    // Back to the pack's names: "Mr Chairman Xi" is only the pack's alias "Xi" again.
    await options.getByRole('button', { name: 'Use the pack’s version' }).click();
    await expect.poll(() => saved.innerText(), POLL).toBe('Back to the pack’s version.');
    await expect.poll(async () => (await highlightTexts(page)).filter((t) => t.includes('Xi')), { timeout: 10_000 }).toEqual(['Xi Jinping', 'Xi']);
    await page.close();
  });

  it('refuses to save an alias over the name limits, saying why beside the field', async () => {
    await options.goto(`chrome-extension://${session.browser.extensionId}/options.html#/entities`);
    await options.getByLabel('Search entities').fill('xi jin');
    await options.getByRole('list', { name: 'Entities' }).getByRole('link', { name: 'Xi Jinping' }).click();
    await options.getByRole('heading', { level: 2, name: 'Xi Jinping' }).waitFor();
    const aliases = options.getByLabel('Other names of Xi Jinping, one per line');
    const before = await aliases.inputValue();
    await aliases.fill(`${before}\n${'The chairman of everything '.repeat(8).trim()}`);
    await options.getByRole('button', { name: 'Save changes' }).click();
    const note = options.locator(`[id="${await aliases.getAttribute('aria-describedby')}"]`);
    await expect.poll(() => note.innerText(), POLL).toMatch(/is too long to match on pages: 215 characters, at most 200 allowed\. Shorten it or leave it out\./u);
    expect(await aliases.getAttribute('aria-invalid')).toBe('true');
    expect(await aliases.evaluate((el) => el === document.activeElement)).toBe(true);
    await options.screenshot({ path: `${SCREENSHOTS}/options-entity-alias-too-long.png`, fullPage: true });
    // Nothing was saved: the page, opened again, shows the aliases as they were.
    await options.reload();
    await options.getByRole('heading', { level: 2, name: 'Xi Jinping' }).waitFor();
    expect(await aliases.inputValue()).toBe(before);
  });

  it('adds an entity by hand, and it is highlighted on pages', async () => {
    await options.goto(`chrome-extension://${session.browser.extensionId}/options.html#/entities`);
    await options.getByLabel('Name', { exact: true }).fill('Harbour Trust');
    // No type is preselected: adding without one is refused beside the field.
    await options.getByRole('button', { name: 'Add entity' }).click();
    await expect.poll(() => options.getByText('Choose what kind of thing it is.').isVisible(), POLL).toBe(true);
    await options.screenshot({ path: `${SCREENSHOTS}/options-new-entity-type-missing.png`, fullPage: true });
    await options.getByLabel('Type').selectOption('Organization');
    await options.getByRole('button', { name: 'Add entity' }).click();
    await options.getByRole('heading', { level: 2, name: 'Harbour Trust' }).waitFor();
    expect(await options.getByRole('article').innerText()).toContain('from My articles');
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('library.html'));
    await expect.poll(async () => (await highlightTexts(page)).filter((t) => t === 'Harbour Trust').length, { timeout: 10_000 }).toBe(2);
    await page.close();
  });

  it('adds a pasted article to My articles, linked to what the library knows', async () => {
    await options.getByRole('link', { name: 'Add an article' }).first().click();
    await options.getByLabel('Article text').fill(ARTICLE);
    const preview = options.getByLabel('Preview');
    await expect.poll(() => preview.innerText(), POLL).toContain('test-writer');
    // The headline taken from the first line is shown as a field, and says where it came from.
    const headline = preview.getByLabel('Headline', { exact: true });
    expect(await headline.inputValue()).toBe('Leaders meet again in Astana');
    expect(await preview.innerText()).toContain('Taken from the first line of the text.');
    expect(await preview.innerText()).toMatch(/ · 2 paragraphs$/mu);
    await options.screenshot({ path: `${SCREENSHOTS}/options-add-article.png`, fullPage: true });
    await options.getByRole('button', { name: 'Save to My articles' }).click();
    const reader = options.getByRole('article');
    await reader.getByRole('heading', { level: 2, name: 'Leaders meet again in Astana' }).waitFor();
    await expect.poll(() => reader.locator('a.reader__mention').allInnerTexts(), POLL).toEqual(
      expect.arrayContaining(['Vladimir Putin', 'Xi Jinping', 'Astana', 'Kazakhstan', 'Harbour Trust']),
    );
    options.once('dialog', (dialog) => void dialog.accept());
    await reader.getByRole('button', { name: 'Delete article' }).click();
    await options.getByRole('heading', { level: 2, name: 'Articles' }).waitFor();
    await expect.poll(() => options.getByRole('list', { name: 'Articles' }).getByRole('listitem').count(), POLL).toBe(10);
  });

  it('lets pasted text without a headline keep its first line, under a headline the user types', async () => {
    await options.goto(`chrome-extension://${session.browser.extensionId}/options.html#/add`);
    await options.getByLabel('Article text').fill('Vladimir Putin arrived in Astana on Friday.\n\nTalks ran late into the night.');
    const preview = options.getByLabel('Preview');
    // The first line became the headline, the preview says so, and one paragraph is "1 paragraph".
    await expect.poll(() => preview.getByLabel('Headline', { exact: true }).inputValue(), POLL).toBe('Vladimir Putin arrived in Astana on Friday.');
    expect(await preview.innerText()).toContain('Taken from the first line of the text.');
    expect(await preview.innerText()).toMatch(/^1 paragraph$/mu);
    await preview.getByRole('checkbox', { name: /The first line is the headline/u }).uncheck();
    expect(await preview.getByLabel('Headline', { exact: true }).inputValue()).toBe('');
    expect(await preview.getByRole('button', { name: 'Save to My articles' }).isDisabled()).toBe(true);
    expect(await preview.innerText()).toMatch(/Type a headline to save the article\.[\s\S]*^2 paragraphs$/mu);
    await preview.getByLabel('Headline', { exact: true }).fill('Putin in Astana');
    await options.screenshot({ path: `${SCREENSHOTS}/options-add-article-headline.png`, fullPage: true });
    await preview.getByRole('button', { name: 'Save to My articles' }).click();
    const reader = options.getByRole('article');
    await reader.getByRole('heading', { level: 2, name: 'Putin in Astana' }).waitFor(POLL);
    expect(await reader.innerText()).toContain('Vladimir Putin arrived in Astana on Friday.');
    options.once('dialog', (dialog) => void dialog.accept());
    await reader.getByRole('button', { name: 'Delete article' }).click();
    await options.getByRole('heading', { level: 2, name: 'Articles' }).waitFor();
  });

  it('takes an exported My articles file back: its articles return to My articles, which is not replaced', async () => {
    await options.goto(`chrome-extension://${session.browser.extensionId}/options.html#/add`);
    await options.getByLabel('Article text').fill(ARTICLE);
    await options.getByLabel('Preview').getByRole('button', { name: 'Save to My articles' }).click();
    const reader = options.getByRole('article');
    await reader.getByRole('heading', { level: 2, name: 'Leaders meet again in Astana' }).waitFor(POLL);

    await options.goto(`chrome-extension://${session.browser.extensionId}/options.html#/packs`);
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export My articles' }).click()]);
    const file = join(await mkdtemp(join(tmpdir(), 'backstory-mine-')), download.suggestedFilename());
    await download.saveAs(file);

    await options.goto(`chrome-extension://${session.browser.extensionId}/options.html#/articles`);
    await options.getByRole('list', { name: 'Articles' }).getByRole('link', { name: 'Leaders meet again in Astana' }).click();
    options.once('dialog', (dialog) => void dialog.accept());
    await reader.getByRole('button', { name: 'Delete article' }).click();
    await options.getByRole('heading', { level: 2, name: 'Articles' }).waitFor();

    await options.goto(`chrome-extension://${session.browser.extensionId}/options.html#/packs`);
    await options.locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => options.getByRole('status').innerText(), POLL).toContain(`Added to My articles from ${download.suggestedFilename()}: 1 article, 0 entities.`);
    const mine = options.getByRole('list', { name: 'Installed packs' }).getByRole('listitem').filter({ hasText: 'My articles' });
    await expect.poll(() => mine.innerText(), POLL).toMatch(/ · 1 article\b/u);
    await options.screenshot({ path: `${SCREENSHOTS}/options-my-articles-imported.png`, fullPage: true });
    await options.goto(`chrome-extension://${session.browser.extensionId}/options.html#/articles`);
    await expect.poll(() => options.getByRole('list', { name: 'Articles' }).getByRole('link', { name: 'Leaders meet again in Astana' }).count(), POLL).toBe(1);
  });

  it('says what is wrong with text that is not an article', async () => {
    await options.goto(`chrome-extension://${session.browser.extensionId}/options.html#/add`);
    await options.getByLabel('Article text').fill('{"format": "article-pack"}');
    await expect.poll(() => options.getByRole('alert').innerText(), POLL).toContain('looks like JSON');
  });

  it('refuses pasted text far longer than an article, before reading it, and offers no save', async () => {
    await options.goto(`chrome-extension://${session.browser.extensionId}/options.html#/add`);
    const huge = `A headline\nBy Kim // 2025-01-01\n\n${'Vladimir Putin spoke.\n\n'.repeat(50_000)}`;
    // As a paste arrives: the whole value at once, one input event (Playwright's fill of a megabyte takes longer than the test).
    await options.getByLabel('Article text').evaluate((field: HTMLTextAreaElement, value: string) => {
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }, huge);
    await expect.poll(() => options.getByRole('alert').innerText(), POLL).toMatch(/This text is 1,150,033 characters long: too long for one article \(at most 1,000,000\)/u);
    expect(await options.getByRole('button', { name: 'Save to My articles' }).count()).toBe(0);
  });
});
