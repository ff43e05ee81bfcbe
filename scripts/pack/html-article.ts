import { Window } from 'happy-dom';
import { extractArticle } from '../../lib/extract';
import type { PackArticle } from '../../lib/pack';
import { articleFromExtracted } from './article-fields';

/**
 * The article of a saved web page, read with the same extraction the extension runs in
 * the browser, over happy-dom's DOM (scripts off, nothing fetched).
 */
export async function htmlArticle(html: string, options: { url?: string }): Promise<{ article: PackArticle } | { reason: string }> {
  const window = new Window({
    url: options.url ?? 'http://localhost/',
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    const result = extractArticle(doc, options.url ? { url: options.url } : {});
    return result.ok ? { article: articleFromExtracted(result.article) } : { reason: result.message };
  } finally {
    await window.happyDOM.close();
  }
}
