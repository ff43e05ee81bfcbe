import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntityCardView } from '../../../components/EntityCardView';
import { EntityPopover } from '../../../components/EntityPopover';
import type { EntityCard } from '../../../lib/kb/entity-card';

afterEach(cleanup);

const CARD: EntityCard = {
  key: 'p:putin',
  name: 'Vladimir Putin',
  type: 'Person',
  alternateName: [],
  packName: 'Starter',
  articles: [{ key: 'a1', headline: 'Talks in Astana', sentence: 'Putin met Xi.' }],
  articleCount: 4,
  related: [
    { key: 'p:xi', name: 'Xi Jinping', type: 'Person' },
    { key: 'o:sco', name: 'SCO', type: 'Organization' },
  ],
};

describe('EntityCardView: related names and "N more"', () => {
  it('makes each related name a button that opens it, when the host can', () => {
    const onOpenRelated = vi.fn();
    render(<EntityCardView card={CARD} onOpenArticle={() => {}} onOpenRelated={onOpenRelated} />);
    const related = within(screen.getByRole('region', { name: 'Related' }));
    fireEvent.click(related.getByRole('button', { name: 'SCO' }));
    expect(onOpenRelated).toHaveBeenCalledWith(CARD.related[1]);
  });

  it('shows related names as plain text, not as buttons that do nothing, when the host cannot open them', () => {
    render(<EntityCardView card={CARD} onOpenArticle={() => {}} />);
    const related = within(screen.getByRole('region', { name: 'Related' }));
    expect(related.getByText('Xi Jinping')).toBeTruthy();
    expect(related.queryAllByRole('button')).toEqual([]);
  });

  it('opens the full list from "N more articles"', () => {
    const onShowMore = vi.fn();
    render(<EntityCardView card={CARD} onOpenArticle={() => {}} onShowMore={onShowMore} />);
    fireEvent.click(screen.getByRole('button', { name: '3 more articles' }));
    expect(onShowMore).toHaveBeenCalledWith(CARD);
  });
});

describe('EntityPopover: Back to the card a related name was opened from', () => {
  it('offers Back, named after that card, only when there is one', () => {
    const onBack = vi.fn();
    const { rerender } = render(<EntityPopover content={{ status: 'ready', cards: [CARD] }} theme="light" onClose={() => {}} onOpenArticle={() => {}} onBack={onBack} />);
    expect(screen.queryByRole('button', { name: /Back/u })).toBeNull();
    rerender(<EntityPopover content={{ status: 'ready', cards: [CARD], back: 'Zhang Ming' }} theme="light" onClose={() => {}} onOpenArticle={() => {}} onBack={onBack} />);
    fireEvent.click(screen.getByRole('button', { name: '← Back to Zhang Ming' }));
    expect(onBack).toHaveBeenCalledOnce();
    expect(screen.getByRole('dialog', { name: 'Vladimir Putin' })).toBeTruthy();
  });
});

describe('EntityPopover: a name with several candidates', () => {
  const XI: EntityCard = { ...CARD, key: 'p:xi', name: 'Xi Jinping', related: [] };
  const popover = (hiddenKeys: ReadonlySet<string>) => (
    <EntityPopover content={{ status: 'ready', cards: [CARD, XI] }} theme="light" onClose={() => {}} onOpenArticle={() => {}} onDismissCandidate={() => {}} hiddenKeys={hiddenKeys} onUndoDismiss={() => {}} site="example.org" />
  );

  it('counts only the candidates still shown after "Not this one"', () => {
    const { rerender } = render(popover(new Set()));
    expect(screen.getByText('This name may refer to 2 entries:')).toBeTruthy();
    rerender(popover(new Set(['p:putin'])));
    expect(screen.queryByText(/may refer to/u)).toBeNull();
    // The dialog is still named after a card it shows, not after the hidden one.
    expect(screen.getByRole('dialog', { name: 'Xi Jinping' })).toBeTruthy();
  });
});
