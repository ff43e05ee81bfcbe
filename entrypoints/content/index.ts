import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createMessageClient } from '../../lib/messages/client';
import type { KnowledgeBaseChangedEvent } from '../../lib/messages/protocol';
import { HighlightPainter } from './highlight-painter';
import './highlights.css';
import { HoverController } from './hover-controller';
import { MentionIndex } from './mention-index';
import { PageScanner } from './page-scanner';
import { PopoverHost } from './popover-host';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return; // No Custom Highlight API: stay out of the way.

    const client = createMessageClient((envelope) => browser.runtime.sendMessage(envelope));
    const index = new MentionIndex();
    const painter = new HighlightPainter();
    let hover: HoverController | undefined;
    const popover = new PopoverHost({
      onOpenArticle: (articleKey) => void client.send('article.open', { articleKey }).catch(goQuiet),
      onClose: () => hover?.close(),
      onPointerEnter: () => hover?.onPopoverPointerEnter(),
      onPointerLeave: () => hover?.onPopoverPointerLeave(),
    });
    hover = new HoverController({
      index,
      painter,
      popover,
      loadCards: async (entityKeys) => (await client.send('entity.cards', { entityKeys: [...entityKeys] })).cards,
    });
    const scanner = new PageScanner({
      index,
      painter,
      ownHost: popover.host,
      scan: async (texts) => (await client.send('page.scan', { texts })).mentions,
    });

    const controller = hover;
    ctx.addEventListener(document, 'pointermove', (e) => controller.onPointerMove(e), { passive: true, capture: true });
    ctx.addEventListener(document, 'pointerdown', (e) => controller.onPointerDown(e), { capture: true });
    ctx.addEventListener(document, 'keydown', (e) => controller.onKeyDown(e), { capture: true });

    const onMessage = (message: unknown) => {
      if ((message as KnowledgeBaseChangedEvent)?.type === 'kb.revision') void scanner.rescan().catch(goQuiet);
    };
    browser.runtime.onMessage.addListener(onMessage);

    // After the extension is updated or reloaded under the page, this copy goes quiet.
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      scanner.cancel();
      controller.dispose();
      painter.dispose();
    });

    function goQuiet(error: unknown): void {
      if (ctx.isInvalid) return;
      console.info('Backstory: paused on this page', error instanceof Error ? error.message : error);
    }

    void scanner.rescan().catch(goQuiet);
  },
});
