import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntityChoices, type CandidateChoice } from '../../../components/EntityChoices';
import { SaveArticleForm, type ArticleDraft } from '../../../components/SaveArticleForm';
import { SaveThisPage } from '../../../components/SaveThisPage';
import { fieldErrors } from '../../../entrypoints/save/draft';

afterEach(cleanup);

const DRAFT: ArticleDraft = { headline: 'A headline', author: 'Ann Lee', datePublished: '2024-01-02', publisher: 'Site', url: 'https://example.com/a', text: 'One.\n\nTwo.' };

describe('SaveArticleForm', () => {
  it('shows every field labelled, and reports an edit with the other fields kept', () => {
    const onChange = vi.fn();
    render(<SaveArticleForm draft={DRAFT} errors={{}} onChange={onChange} />);
    for (const label of ['Headline', 'Author', 'Date', 'Site', 'URL', 'Text']) expect(screen.getByLabelText(label)).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Headline'), { target: { value: 'Better headline' } });
    expect(onChange).toHaveBeenCalledWith({ ...DRAFT, headline: 'Better headline' });
  });

  it('marks a field with a problem and says what it is', () => {
    const { fields } = fieldErrors([{ path: 'article.datePublished', message: 'not an ISO 8601 date or date-time (for example 2024-07-10)' }]);
    render(<SaveArticleForm draft={{ ...DRAFT, datePublished: '2/1/2024' }} errors={fields} onChange={() => {}} />);
    const date = screen.getByLabelText('Date');
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(date.getAttribute('aria-describedby')!)?.textContent).toBe('Not an ISO 8601 date or date-time (for example 2024-07-10).');
  });
});

describe('EntityChoices', () => {
  const candidates: CandidateChoice[] = [
    { name: 'Sarah Thompson', type: 'Person', count: 3, alternateName: ['Thompson'] },
    { name: 'Aktau', type: 'Thing', count: 2, alternateName: [], decision: 'accepted' },
  ];

  it('links known names and lets each new one be accepted, ignored, undone or retyped with one action', () => {
    const onDecide = vi.fn();
    const onTypeChange = vi.fn();
    render(
      <EntityChoices
        known={[{ key: 'p/kz', name: 'Kazakhstan', type: 'Place', count: 2, href: 'chrome-extension://x/options.html#/entities/p%2Fkz' }]}
        candidates={candidates}
        onDecide={onDecide}
        onTypeChange={onTypeChange}
      />,
    );
    expect(screen.getByRole('link', { name: 'Kazakhstan' }).getAttribute('href')).toMatch(/#\/entities\/p%2Fkz$/u);
    fireEvent.click(screen.getByRole('button', { name: 'Accept Sarah Thompson' }));
    expect(onDecide).toHaveBeenLastCalledWith('Sarah Thompson', 'accepted');
    fireEvent.click(screen.getByRole('button', { name: 'Ignore Sarah Thompson' }));
    expect(onDecide).toHaveBeenLastCalledWith('Sarah Thompson', 'ignored');
    // Pressing the pressed button again undoes the decision.
    expect(screen.getByRole('button', { name: 'Accept Aktau' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Accept Aktau' }));
    expect(onDecide).toHaveBeenLastCalledWith('Aktau', undefined);
    fireEvent.change(screen.getByRole('combobox', { name: 'Type of Aktau' }), { target: { value: 'Place' } });
    expect(onTypeChange).toHaveBeenCalledWith('Aktau', 'Place');
  });

  it('says when there is nothing to show', () => {
    render(<EntityChoices known={[]} candidates={[]} onDecide={() => {}} onTypeChange={() => {}} />);
    expect(screen.getByText('No name your library knows.')).toBeTruthy();
    expect(screen.getByText('No other names found.')).toBeTruthy();
  });
});

describe('SaveThisPage', () => {
  it('offers to save, and to open the article when the page is already saved', () => {
    const onSave = vi.fn();
    const onOpen = vi.fn();
    const { rerender } = render(<SaveThisPage saved={[]} busy={false} onSave={onSave} onOpen={onOpen} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save this page' }));
    expect(onSave).toHaveBeenCalledOnce();
    rerender(<SaveThisPage saved={[{ key: 'my-articles/a', headline: 'Saved before' }]} busy={false} onSave={onSave} onOpen={onOpen} />);
    expect(screen.getByRole('region', { name: 'This page' }).textContent).toMatch(/Already in your library/u);
    fireEvent.click(screen.getByRole('button', { name: 'Saved before' }));
    expect(onOpen).toHaveBeenCalledWith('my-articles/a');
    expect(screen.getByRole('button', { name: 'Save this page again' })).toBeTruthy();
  });

  it('is busy while the page is read, and says when it cannot be', () => {
    render(<SaveThisPage saved={[]} busy error="Backstory could not read this page." onSave={() => {}} onOpen={() => {}} />);
    expect((screen.getByRole('button', { name: 'Reading the page…' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('alert').textContent).toBe('Backstory could not read this page.');
  });
});
