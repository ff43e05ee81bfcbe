import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AutoBackupStatus, type AutoBackupStatusProps } from '../../../components/AutoBackupStatus';
import { LibraryLossNotice } from '../../../components/LibraryLossNotice';
import { RestoreConfirm } from '../../../components/RestoreConfirm';
import type { LibraryLoss } from '../../../lib/kb/library-marker';

afterEach(cleanup);

const LOSS: LibraryLoss = {
  marker: { packs: 2, articles: 13, entities: 41, entityEdits: 2, ownItems: 7, revision: 9, at: Date.UTC(2026, 11, 1, 8) },
  found: { packs: 0, articles: 0, entities: 0, entityEdits: 0, ownItems: 0, revision: 0 },
  noticedAt: Date.UTC(2026, 11, 6, 8),
};

describe('LibraryLossNotice', () => {
  it('says plainly what was lost, and restores the stored backup in one click', () => {
    const onRestore = vi.fn();
    render(<LibraryLossNotice loss={LOSS} stored={{ fileName: 'Backstory/b.json.gz', at: Date.UTC(2026, 11, 5, 8) }} onRestore={onRestore} onPickFile={vi.fn()} onStartOver={vi.fn()} />);
    const alert = screen.getByRole('alert', { name: 'Your library was cleared' });
    expect(alert.textContent).toContain('13 articles, 41 entities and 2 edits in 2 packs');
    fireEvent.click(screen.getByRole('button', { name: /^Restore from the backup of / }));
    expect(onRestore).toHaveBeenCalledOnce();
    expect(screen.getByLabelText('Restore from a file…')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start over without it' })).toBeTruthy();
  });

  it('without a stored backup, points to the downloads folder; in the popup, to the restore', () => {
    const onOpenRestore = vi.fn();
    render(<LibraryLossNotice loss={LOSS} onOpenRestore={onOpenRestore} />);
    expect(screen.getByRole('alert').textContent).toContain('“Backstory” folder of your downloads');
    expect(screen.queryByRole('button', { name: /^Restore from the backup/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Restore my library…' }));
    expect(onOpenRestore).toHaveBeenCalledOnce();
  });
});

describe('AutoBackupStatus', () => {
  const base: AutoBackupStatusProps = { schedule: 'weekly', hasOwnContent: true, busy: false, onScheduleChange: vi.fn(), onBackUpNow: vi.fn() };

  it('shows the last and the next backup, and changes the schedule from a labelled control', () => {
    const onScheduleChange = vi.fn();
    render(<AutoBackupStatus {...base} last={{ at: Date.UTC(2026, 11, 6, 4), bytes: 9_400, fileName: 'Backstory/backstory-backup-2026-12-06-0400.json.gz' }} next={Date.UTC(2026, 11, 13, 4)} onScheduleChange={onScheduleChange} />);
    expect(screen.getByText(/9\.4 kB \(Backstory\/backstory-backup-2026-12-06-0400\.json\.gz\)/u)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Automatic backups'), { target: { value: 'daily' } });
    expect(onScheduleChange).toHaveBeenCalledWith('daily');
  });

  it('says when none will be written, and why', () => {
    render(<AutoBackupStatus {...base} hasOwnContent={false} />);
    expect(screen.getByText(/Once your library holds something of your own/u)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Back up now' }) as HTMLButtonElement).disabled).toBe(true);
    cleanup();
    render(<AutoBackupStatus {...base} schedule="off" problem={{ at: Date.UTC(2026, 11, 6), message: 'disk full' }} />);
    expect(screen.getByText('None: automatic backups are off')).toBeTruthy();
    expect(screen.getByText(/failed: disk full/u)).toBeTruthy();
  });
});

describe('RestoreConfirm', () => {
  const backup = { packs: 5, articles: 12, entities: 40, entityEdits: 1, packNames: ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon'] };

  it('names the first three packs of the backup and counts the rest', () => {
    render(<RestoreConfirm fileName="backup.json.gz" backup={backup} onConfirm={() => undefined} onCancel={() => undefined} />);
    expect(screen.getByText(/5 packs/u).textContent).toBe('5 packs: “Alpha”, “Beta”, “Gamma” and 2 more');
  });

  it('names every pack when there are no more than three', () => {
    render(<RestoreConfirm fileName="backup.json.gz" backup={{ ...backup, packs: 2, packNames: ['Alpha', 'Beta'] }} onConfirm={() => undefined} onCancel={() => undefined} />);
    expect(screen.getByText(/2 packs/u).textContent).toBe('2 packs: “Alpha”, “Beta”');
  });
});
