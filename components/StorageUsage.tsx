import { formatByteSize } from '../lib/text/byte-size';

export interface StorageUsageProps {
  /** From `navigator.storage.estimate()`; undefined while loading or when unknown. */
  usage?: number;
  quota?: number;
  /** Whether the browser promised not to clear the library to free space. */
  persisted?: boolean;
  /** Estimated size per pack, biggest first; undefined while counting. */
  packs?: ReadonlyArray<{ id: string; name: string; bytes: number }>;
  onPersist(): void;
}

/** How much room the library takes, per pack and in all, and whether it is safe from clean-up. */
export function StorageUsage({ usage, quota, persisted, packs, onPersist }: StorageUsageProps) {
  return (
    <div class="storage">
      <p>
        {usage === undefined
          ? 'Measuring…'
          : `Backstory uses ${formatByteSize(usage)}${quota ? ` of the ${formatByteSize(quota)} the browser allows it` : ''}.`}
      </p>
      {persisted === true && <p>Your library is kept safe: the browser will not clear it to free space.</p>}
      {persisted === false && (
        // Not an alarm: browsers keep an extension's storage when they clear websites' data for room (Chrome for
        // extensions with unlimitedStorage, Firefox for every extension); persist() adds a promise on top.
        <p class="muted">
          The browser has not promised to keep your library when the disk runs low (it clears websites' data first, not an extension's). Automatic backups keep a copy in your downloads.{' '}
          <button type="button" class="button button--quiet" onClick={onPersist}>
            Ask the browser to keep it
          </button>
        </p>
      )}
      {packs === undefined ? (
        <p class="muted">Counting each pack…</p>
      ) : (
        <table class="storage__table">
          <caption class="visually-hidden">Estimated size of each pack</caption>
          <thead>
            <tr>
              <th scope="col">Pack</th>
              <th scope="col">About (before the browser compresses it)</th>
            </tr>
          </thead>
          <tbody>
            {packs.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td>{formatByteSize(p.bytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
