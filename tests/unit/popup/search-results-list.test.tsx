import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MarkedTextView } from '../../../components/MarkedTextView';
import { SearchResultsList } from '../../../components/SearchResultsList';

afterEach(cleanup);

describe('MarkedTextView', () => {
  it('renders pack text as text, never as HTML, with the marked ranges in <mark>', () => {
    const { container } = render(<MarkedTextView value={{ text: '<img src=x onerror=alert(1)> Astana <b>', marks: [[29, 35]] }} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toBe('<img src=x onerror=alert(1)> Astana <b>');
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Astana']);
  });

  it('ignores overlapping and out-of-range marks', () => {
    const { container } = render(<MarkedTextView value={{ text: 'abcdef', marks: [[0, 2], [1, 3], [4, 99], [5, 5]] }} />);
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['ab']);
    expect(container.textContent).toBe('abcdef');
  });
});

describe('SearchResultsList', () => {
  const groups = [
    { id: 'g-e', title: 'People', options: [{ id: 'o1', title: { text: 'Astana', marks: [[0, 6]] as Array<[number, number]> }, detail: 'Place' }] },
    { id: 'g-a', title: 'Articles', options: [{ id: 'o2', title: { text: 'Summit', marks: [] }, detail: 'Daily · 1 Jul 2024', detailPlacement: 'below' as const }] },
    { id: 'g-empty', title: 'Nothing', options: [] },
  ];

  it('is a labelled listbox of labelled groups of options; the active one is selected', () => {
    render(<SearchResultsList id="lb" label="Search results" groups={groups} activeId="o2" onChoose={() => undefined} onActivate={() => undefined} />);
    const listbox = screen.getByRole('listbox', { name: 'Search results' });
    expect(listbox.id).toBe('lb');
    expect(screen.getAllByRole('group').map((g) => g.getAttribute('aria-labelledby'))).toEqual(['g-e-title', 'g-a-title']);
    expect(screen.getByRole('group', { name: 'Articles' })).toBeTruthy();
    expect(screen.getByRole('option', { selected: true }).id).toBe('o2');
    expect(screen.queryByText('Nothing')).toBeNull();
  });

  it('chooses on click and activates on pointer move', () => {
    const onChoose = vi.fn();
    const onActivate = vi.fn();
    render(<SearchResultsList id="lb" label="r" groups={groups} activeId="o1" onChoose={onChoose} onActivate={onActivate} />);
    fireEvent.mouseMove(screen.getByRole('option', { name: /Summit/u }));
    expect(onActivate).toHaveBeenCalledWith('o2');
    fireEvent.click(screen.getByRole('option', { name: /Astana/u }));
    expect(onChoose).toHaveBeenCalledWith('o1');
  });
});
