import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractArticle } from '../lib/extract';

/**
 * Injected by the background into the tab the user asked to save (scripting.executeScript
 * under activeTab), in the page's isolated world: Readability is bundled here, so the
 * page's own scripts neither see nor change it. What `main` returns is the injection's result.
 */
export default defineUnlistedScript(() => extractArticle(document, { url: location.href }));
