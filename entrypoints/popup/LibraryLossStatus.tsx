import { browser } from 'wxt/browser';
import { LibraryLossNotice } from '../../components/LibraryLossNotice';
import { useStoredItem } from '../../hooks/use-stored-item';
import { autoBackupStateItem, libraryLossItem } from '../../lib/extension/backup-items';
import { optionsPath } from '../../lib/routes/extension-routes';
import './loss-status.css';

/** The popup's word that the library was cleared (found by the background at start); restoring happens on the options page. */
export function LibraryLossStatus() {
  const loss = useStoredItem(libraryLossItem);
  // The record, not the stored copy: the popup must not read megabytes to open.
  const stored = useStoredItem(autoBackupStateItem)?.records[0];
  if (!loss) return null;
  return <LibraryLossNotice loss={loss} stored={stored} onOpenRestore={() => void browser.tabs.create({ url: browser.runtime.getURL(optionsPath({ name: 'storage' })) })} />;
}
