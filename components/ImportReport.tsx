import { WHOLE_FILE, type PackIssue } from '../lib/pack/validate';

export interface ImportReportProps {
  tone: 'success' | 'error';
  summary: string;
  issues?: readonly PackIssue[];
  total?: number;
  /** A follow-up the user may take, such as "Replace anyway". */
  action?: { label: string; onClick(): void };
}

/** The outcome of an import: a summary line and, for a rejected pack, every problem with its JSON path. */
export function ImportReport({ tone, summary, issues = [], total = issues.length, action }: ImportReportProps) {
  return (
    <div class={`report report--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <p class="report__summary">{summary}</p>
      {issues.length > 0 && (
        <ul class="report__issues" aria-label="Problems">
          {issues.map((issue, i) => (
            <li key={i}>
              {/* Reads as formatIssue() writes it: "path: message". */}
              <code>{issue.path || WHOLE_FILE}</code>: {issue.message}
            </li>
          ))}
        </ul>
      )}
      {total > issues.length && <p class="report__more">…and {total - issues.length} more.</p>}
      {action && (
        <button type="button" class="button button--quiet report__action" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </div>
  );
}
