import type { MarkedText } from '../lib/search/types';
import { MarkedTextView } from './MarkedTextView';

/** One choosable row. `id` is its DOM id, referenced by the combobox's aria-activedescendant. */
export interface ResultOption {
  id: string;
  title: MarkedText;
  /** Entity type, or an article's publisher and date. */
  detail?: string;
  /** 'inline' beside the title (a short type), or 'below' it (a publisher and date, which a long headline would squeeze out). */
  detailPlacement?: 'inline' | 'below';
  snippet?: MarkedText;
  /** A short figure at the end of the row ("3×" mentions on the page). */
  badge?: string;
  badgeLabel?: string;
}

export interface ResultGroup {
  id: string;
  title: string;
  options: ResultOption[];
}

export interface SearchResultsListProps {
  /** The listbox's id, for the combobox's aria-controls. */
  id: string;
  label: string;
  groups: ResultGroup[];
  activeId: string | undefined;
  onChoose(optionId: string): void;
  onActivate(optionId: string): void;
}

/**
 * Results as an ARIA listbox of grouped options. Focus stays in the search box; the
 * active option is announced through aria-activedescendant and chosen with Enter or a click.
 */
export function SearchResultsList({ id, label, groups, activeId, onChoose, onActivate }: SearchResultsListProps) {
  return (
    <div class="results" id={id} role="listbox" aria-label={label}>
      {groups
        .filter((g) => g.options.length > 0)
        .map((group) => (
          <div key={group.id} class="results__group" role="group" aria-labelledby={`${group.id}-title`}>
            <div class="results__title" id={`${group.id}-title`} role="presentation">
              {group.title}
            </div>
            {group.options.map((option) => (
              <div
                key={option.id}
                id={option.id}
                class={option.id === activeId ? 'results__option results__option--active' : 'results__option'}
                role="option"
                aria-selected={option.id === activeId}
                // Keep focus in the search box: the listbox is driven from there.
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => option.id !== activeId && onActivate(option.id)}
                onClick={() => onChoose(option.id)}
              >
                <div class="results__line">
                  <span class="results__name">
                    <MarkedTextView value={option.title} />
                  </span>
                  {option.detail && option.detailPlacement !== 'below' && <span class="results__detail">{option.detail}</span>}
                  {option.badge && (
                    <span class="results__badge" aria-label={option.badgeLabel}>
                      {option.badge}
                    </span>
                  )}
                </div>
                {option.detail && option.detailPlacement === 'below' && <div class="results__detail results__detail--below">{option.detail}</div>}
                {option.snippet && (
                  <div class="results__snippet">
                    <MarkedTextView value={option.snippet} />
                  </div>
                )}
              </div>
            ))}
          </div>
        ))}
    </div>
  );
}
