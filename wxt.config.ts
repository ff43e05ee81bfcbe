import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { privacyPageAsset } from './scripts/release/privacy-page';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // BACKSTORY_UNMINIFIED=1 keeps function names readable in CPU profiles (bench:feeds with BENCH_PROFILE=1, bench/page/profile.ts).
  vite: () => ({ plugins: [preact()], ...(process.env.BACKSTORY_UNMINIFIED === '1' ? { build: { minify: false } } : {}) }),
  // `wxt zip` writes the extension only: the sources archive AMO asks for is the committed
  // tree (`git archive`, in scripts/release/release.ts), not whatever lies in this folder.
  zip: { zipSources: false },
  hooks: {
    // docs/privacy.md, as a page inside the extension (linked from the options page).
    'build:publicAssets': (wxt, files) => {
      files.push(privacyPageAsset(wxt.config.root));
    },
  },
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description:
      'Highlights the people, organizations, places and events your article library knows, with the articles that mention them.',
    // activeTab + scripting: "Save to Backstory" reads the page the user asked for;
    // activeTab also lets the popup read the URL of the tab it was opened on (for the site switch);
    // scripting also registers the page script at run time, so disabled sites can be left out of it,
    // and starts it in tabs already open at install or when a site is turned back on.
    // alarms: the daily check of packs for newer versions, and the automatic backups' schedule.
    // downloads: automatic backups into a Backstory folder of the downloads folder, and
    // removing the older ones Backstory wrote itself (by the ids it recorded).
    // offscreen (Chromium only): its service worker can neither make a blob URL for the backup
    // file nor parse an article page's HTML (full articles of feeds).
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'scripting', 'contextMenus', 'alarms', 'downloads', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // No optional host permissions: the built manifest grants all sites at install
    // (`<all_urls>`, added because the page script is registered at run time), so the
    // extension can already fetch a pack from any address; one could never be asked.
    action: { default_title: 'Backstory' },
    // Rebindable in chrome://extensions/shortcuts; never a single key that would steal typing.
    commands: {
      'next-mention': { suggested_key: { default: 'Alt+Shift+N' }, description: 'Go to the next highlighted name on the page' },
      'previous-mention': { suggested_key: { default: 'Alt+Shift+P' }, description: 'Go to the previous highlighted name on the page' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              // A GUID: the project owns no domain to name it by, and AMO keeps the ID forever (docs/releasing.md).
              id: '{d38a24b7-70ea-41fc-b832-ac82b47e8988}',
              data_collection_permissions: { required: ['none'] },
            },
            // One Firefox build serves Firefox for Android too (AMO ships the same zip to both).
            // Android lacks keyboard commands and context menus: the background feature-detects
            // both (commands.ts, context-menu.ts); taps and the popup cover what they do.
            gecko_android: {},
          },
        }
      : {}),
  }),
});
