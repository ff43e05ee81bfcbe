import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { MessageClient } from '../../lib/messages/client';
import { PAGE_CONFIG_BEFORE_ANSWER, type PageConfig } from '../../lib/settings/page-config';
import { siteKey } from '../../lib/settings/settings';
import { filterDismissed } from '../../lib/settings/site-dismissals';
import { orderCandidates } from '../../lib/kb/order-candidates';
import { DomWatcher } from './dom-watcher';
import { mentionsInFrames, publishFrameMentions } from './frame-mentions';
import { HighlightPainter } from './highlight-painter';
import { HoverController } from './hover-controller';
import { KeyboardNav } from './keyboard-nav';
import { mark, setInstrumentation } from './main-thread';
import { MentionIndex } from './mention-index';
import { MentionMarks } from './mention-marks';
import { listenForInput } from './page-input';
import { PageScanner } from './page-scanner';
import { LazyPopover } from './lazy-popover';
import { ReadingWatch } from './reading-watch';
import { advertisedFeeds } from '../../lib/feeds/advertised-feeds';
import { answerTabMessage, type MessageSenderLike, tabSenderTrust } from './tab-protocol';

/** How often an orphaned copy (extension reloaded under the page) notices and goes quiet (ms). */
const INVALIDATION_CHECK_MS = 2000;
/** Performance mark set when the script has its settings and starts (benchmarks read it). */
const START_MARK = 'backstory:start';
/** Wait after an in-page navigation before rescanning, so the new view can render (ms). */
const NAVIGATION_SETTLE_MS = 300;

/**
 * Everything Backstory does on one page (one frame), wired together: settings and site
 * state followed live, the scanner and DOM watcher, hover, keyboard, the popup's tab
 * protocol, and going quiet when the extension is updated or reloaded under the page.
 */
export function startPage(ctx: ContentScriptContext, client: MessageClient): void {
  const startedAt = performance.now();
  const site = frameSite();
  const isTopFrame = window === window.top;
  // Asked of the background ('page.config'): content scripts never read or write the storage.
  let settings: PageConfig = PAGE_CONFIG_BEFORE_ANSWER;
  let dismissed: ReadonlySet<string> = new Set();
  let running = false;
  const shadowRoots: ShadowRoot[] = [];

  const index = new MentionIndex();
  index.filter = (text, keys) => filterDismissed(dismissed, text, keys);
  const painter = new HighlightPainter();
  const marks = new MentionMarks();
  let hover: HoverController | undefined;
  const popover = new LazyPopover({
    callbacks: {
      onOpenArticle: (articleKey) => void client.send('article.open', { articleKey }).catch(goQuiet),
      onShowMore: (card) => void client.send('entity.open', { entityKey: card.key }).catch(goQuiet),
      onOpenRelated: (entity) => hover?.openRelated(entity),
      onBack: () => hover?.back(),
      onDismissCandidate: (entityKey) => setDismissed(entityKey, true),
      onUndoDismiss: (entityKey) => setDismissed(entityKey, false),
      onDisableSite: () => {
        hover?.close();
        // The background writes it, for this tab's site: content scripts ask, they never write.
        if (site) void client.send('site.disable', {}).catch(goQuiet);
      },
      onClose: () => hover?.close(),
      onPointerEnter: () => hover?.onPopoverPointerEnter(),
      onPointerLeave: () => hover?.onPopoverPointerLeave(),
    },
    site: site || undefined,
    // The card's code comes on the first hover, not with every page (lib/extension/card-script.ts).
    injectCardScript: () => client.send('card.load', {}),
    onLoadFailed: (error) => {
      hover?.close();
      goQuiet(error);
    },
  });
  const controller = new HoverController({
    index,
    marks,
    popover,
    // A shared name's candidates: those whose country or party the page also names come first.
    loadCards: async (entityKeys) => orderCandidates((await client.send('entity.cards', { entityKeys: [...entityKeys] })).cards, entityKeysOnPage()),
    hoverDelayMs: () => settings.hoverDelayMs,
    shadowRoots: () => shadowRoots,
    markReturnedName: (mention) => nav.focus(mention, { scroll: false }),
  });
  hover = controller;
  const nav: KeyboardNav = new KeyboardNav({ index, marks, hover: controller });
  // "Remember what I read" (opt-in): the top frame is the page being read.
  const reading = isTopFrame ? new ReadingWatch({ ctx, remember: () => void client.send('reading.remember', {}).catch(goQuiet) }) : undefined;
  const scanner = new PageScanner({
    index,
    painter,
    ownHosts: [popover.host, marks.host],
    scan: async (texts) => (await client.send('page.scan', { texts })).mentions,
    scanCodeBlocks: () => settings.scanCodeBlocks,
    onShadowRoot: (root) => {
      if (shadowRoots.includes(root)) return;
      shadowRoots.push(root);
      // Hover-only paints nothing: the page's open shadow roots get no stylesheet of ours to find.
      if (settings.highlightStyle !== 'hover-only') painter.styleShadowRoot(root);
      watcher.watchShadowRoot(root);
    },
  });
  const watcher = new DomWatcher({
    ownHosts: [popover.host, marks.host],
    scanCodeBlocks: () => settings.scanCodeBlocks,
    onChanges: async (changes) => {
      if (!running) return;
      if (changes.everything) return rescanAll();
      if (changes.removed) scanner.pruneDisconnected();
      if (nav.current && !nav.current.range.startContainer.isConnected) nav.clear();
      await scanner.rescanRoots(changes.roots).catch(goQuiet);
    },
  });

  /** Every entity key the page's mentions may be. */
  function entityKeysOnPage(): Set<string> {
    return new Set(index.inOrder().flatMap((mention) => mention.entityKeys));
  }

  function rescanAll(): void {
    if (!running) return;
    nav.clear();
    void scanner.rescan().catch(goQuiet);
  }

  function start(): void {
    running = true;
    watcher.start();
    for (const root of shadowRoots) watcher.watchShadowRoot(root);
    rescanAll();
  }

  function stop(): void {
    running = false;
    watcher.stop();
    scanner.cancel();
    controller.close();
    nav.clear();
    index.clear();
    painter.clear();
  }

  function applySettings(next: PageConfig): void {
    const previous = settings;
    settings = next;
    const nextDismissed = new Set(next.dismissed);
    const dismissalsChanged = nextDismissed.size !== dismissed.size || [...nextDismissed].some((pair) => !dismissed.has(pair));
    dismissed = nextDismissed;
    painter.setStyle(next.highlightStyle);
    setInstrumentation(next.highlightStyle !== 'hover-only');
    if (next.highlightStyle !== 'hover-only') for (const root of shadowRoots) painter.styleShadowRoot(root);
    index.cap = next.highlightCap;
    reading?.apply(next);
    if (!next.enabled) {
      if (running) stop();
    } else if (!running) {
      start();
    } else if (dismissalsChanged || previous.highlightCap !== next.highlightCap || previous.scanCodeBlocks !== next.scanCodeBlocks) {
      rescanAll();
    }
  }

  /**
   * "Not this one" / "Don't highlight here", and its Undo: the card stays open, pinned,
   * with the candidate replaced by "hidden · Undo"; the background writes the choice for
   * the tab's site and every frame of the site follows ('config.changed').
   */
  function setDismissed(entityKey: string, hidden: boolean): void {
    const mention = controller.currentMention;
    if (!mention) return;
    controller.pin();
    popover.setHidden(entityKey, hidden);
    // One after another: each is a read-modify-write of the stored choices. A card that
    // merges the same entity from several packs stands for all of their keys.
    const type = hidden ? 'site.dismiss' : 'site.undismiss';
    void popover
      .keysOf(entityKey)
      .reduce((previous, key) => previous.then(() => client.send(type, { text: mention.text, entityKey: key })), Promise.resolve<unknown>(undefined))
      .catch(goQuiet);
  }

  const live = () => running && !ctx.isInvalid;
  listenForInput({ ctx, live, controller, nav, popover });

  // In-page navigations (history API): the view was replaced, look again.
  let lastUrl = location.href.split('#')[0];
  const onNavigated = () => {
    const url = location.href.split('#')[0];
    if (url === lastUrl) return;
    lastUrl = url;
    ctx.setTimeout(rescanAll, NAVIGATION_SETTLE_MS);
  };
  ctx.addEventListener(window, 'wxt:locationchange', onNavigated);
  const navigation = (window as { navigation?: EventTarget }).navigation;
  if (navigation) ctx.addEventListener(navigation, 'navigatesuccess', onNavigated);

  // Messages: the background's events, and the popup's questions about this tab.
  const onMessage = (message: unknown, sender: MessageSenderLike) =>
    answerTabMessage(message, tabSenderTrust(sender, browser.runtime.id, browser.runtime.getURL('/')), {
      answersQuestions: isTopFrame,
      // Names in same-origin frames are on this page too.
      mentions: async () => {
        await scanner.finish();
        return [...index.inOrder(), ...mentionsInFrames()];
      },
      enabled: () => running,
      cappedAt: () => (index.isFull ? index.cap : undefined),
      reveal: (entityKey) => reveal(entityKey),
      feeds: () => advertisedFeeds(document),
      knowledgeChanged: () => {
        controller.clearCache();
        rescanAll();
      },
      configChanged: () => void loadConfig(),
      // Every name of the page is a step away: the part not read yet is read first.
      step: (direction) => void scanner.finish().then(() => live() && nav.step(direction), goQuiet),
    });
  browser.runtime.onMessage.addListener(onMessage);
  if (!isTopFrame) publishFrameMentions(() => (running ? index.inOrder() : []));

  async function reveal(entityKey: string): Promise<boolean> {
    await scanner.finish();
    const mention = index.inOrder().find((m) => m.entityKeys.includes(entityKey));
    if (!mention) return false;
    nav.focus(mention);
    controller.openFromKeyboard(mention);
    return true;
  }

  // After the extension is updated or reloaded under the page, this copy goes quiet:
  // highlights and popover go, no listener stays, nothing throws into the page.
  ctx.setInterval(() => undefined, INVALIDATION_CHECK_MS);
  ctx.onInvalidated(() => {
    console.info('Backstory: the extension was updated or reloaded; this copy of its page script stops.');
    running = false;
    watcher.stop();
    scanner.cancel();
    controller.dispose();
    marks.dispose();
    painter.dispose();
    // The extension APIs may already be gone in an orphaned copy: unhook what still can be.
    try {
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      // Nothing left to unhook.
    }
  });

  function goQuiet(error: unknown): void {
    // A request that failed because the extension was reloaded: the invalidation handler
    // says so once, however many requests were in flight. Such a request can fail before
    // this copy can tell it is orphaned ("Receiving end does not exist" while the new
    // background starts), so "paused" is said only if, after the next check, it is not.
    if (ctx.isInvalid || !browser.runtime?.id) return;
    const reason = error instanceof Error ? error.message : error;
    ctx.setTimeout(() => console.info('Backstory: paused on this page', reason), INVALIDATION_CHECK_MS + INVALIDATION_CHECK_MS / 2);
  }

  // The latest answer wins: a change announced while an earlier question is in flight asks again.
  let asked = 0;
  async function loadConfig(): Promise<void> {
    const question = ++asked;
    try {
      const config = await client.send('page.config', {});
      if (question !== asked || ctx.isInvalid) return;
      if (settings === PAGE_CONFIG_BEFORE_ANSWER) {
        setInstrumentation(config.highlightStyle !== 'hover-only');
        mark(START_MARK, startedAt);
      }
      applySettings(config);
    } catch (error) {
      goQuiet(error);
    }
  }

  void loadConfig();
}

/** This frame's site: its own hostname, or its parent's for about:blank and srcdoc frames. */
function frameSite(): string {
  if (location.hostname) return siteKey(location.hostname);
  const ancestor = location.ancestorOrigins?.[0];
  try {
    return ancestor ? siteKey(new URL(ancestor).hostname) : '';
  } catch {
    return '';
  }
}
