import type { PackIssue } from '../lib/pack';

export interface ImportReportProps {
  tone: 'success' | 'error';
  summary: string;
  issues?: readonly PackIssue[];
  total?: number;
}

/** The outcome of an import: a summary line and, for a rejected pack, every problem with its JSON path. */
export function ImportReport({ tone, summary, issues = [], total = issues.length }: ImportReportProps) {
  return (
    <div class={`report report--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <p class="report__summary">{summary}</p>
      {issues.length > 0 && (
        <ul class="report__issues" aria-label="Problems">
          {issues.map((issue, i) => (
            <li key={i}>
              <code>{issue.path || '(whole file)'}</code> {issue.message}
            </li>
          ))}
        </ul>
      )}
      {total > issues.length && <p class="report__more">…and {total - issues.length} more.</p>}
    </div>
  );
}
