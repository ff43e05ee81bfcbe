import type { RowKey } from '../db/rows';

/** Entity and article ids are unique only inside their pack. */
export function rowKey(packId: string, id: string): RowKey {
  return `${packId}/${id}`;
}
