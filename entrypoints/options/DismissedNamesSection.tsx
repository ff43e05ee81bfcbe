import { useEffect, useState } from 'preact/hooks';
import { DismissedNamesList, type DismissedNameRow } from '../../components/DismissedNamesList';
import { getDatabase } from '../../lib/db/database';
import { dismissalsItem } from '../../lib/extension/dismissals-item';
import { listDismissals, removeDismissal, type SiteDismissals } from '../../lib/settings/site-dismissals';

/**
 * Names hidden per site from a card, each with a Remove. An extension page writes the
 * choice itself (as it writes settings); open tabs of the site follow through storage.
 */
export function DismissedNamesSection() {
  const [all, setAll] = useState<SiteDismissals>();
  const [rows, setRows] = useState<DismissedNameRow[]>();
  const [status, setStatus] = useState('');

  useEffect(() => {
    void dismissalsItem.getValue().then(setAll);
    return dismissalsItem.watch(setAll);
  }, []);

  useEffect(() => {
    if (!all) return;
    const list = listDismissals(all);
    let current = true;
    void getDatabase()
      .entities.bulkGet([...new Set(list.map((d) => d.entityKey))])
      .then((entities) => {
        if (!current) return;
        const byKey = new Map(entities.flatMap((e) => (e ? [[e.key, { name: e.name, type: e.type }] as const] : [])));
        setRows(list.map((d) => ({ ...d, entity: byKey.get(d.entityKey) })));
      });
    return () => {
      current = false;
    };
  }, [all]);

  async function remove(row: DismissedNameRow) {
    await dismissalsItem.setValue(removeDismissal(await dismissalsItem.getValue(), row.site, row.name, row.entityKey));
    setStatus(`“${row.name}” is highlighted on ${row.site} again.`);
  }

  return (
    <section class="panel" aria-labelledby="dismissed-title">
      <h2 id="dismissed-title">Names hidden on sites</h2>
      {rows ? <DismissedNamesList rows={rows} onRemove={(row) => void remove(row)} /> : <p class="muted">Loading…</p>}
      <p class="visually-hidden" role="status">
        {status}
      </p>
    </section>
  );
}
