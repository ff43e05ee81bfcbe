import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ReadingClock } from '../../lib/reading/reading-clock';
import type { PageConfig } from '../../lib/settings/page-config';

export interface ReadingWatchOptions {
  ctx: ContentScriptContext;
  /** Asks the background to remember this page; called at most once per page. */
  remember(): void;
}

const MS_PER_SECOND = 1000;

/**
 * "Remember what I read", on the page's side: counts visible, focused reading time and,
 * once it reaches the setting, asks the background (which checks everything again and
 * reads the article itself). While the setting is off, or the site is excluded, it holds
 * no listener and no timer. The state is read from the document, never from an event:
 * a page can dispatch a fake `focus`, but not change `document.hasFocus()` in this world.
 */
export class ReadingWatch {
  private readonly clock = new ReadingClock();
  private listening: AbortController | undefined;
  private timer: number | undefined;
  private thresholdMs = 0;
  private asked = false;

  constructor(private readonly options: ReadingWatchOptions) {
    options.ctx.onInvalidated(() => this.stop());
  }

  /** Follows the page's configuration: watches only while remembering is on for this page's site. */
  apply(config: Pick<PageConfig, 'rememberAfterSeconds'>): void {
    const seconds = config.rememberAfterSeconds;
    if (this.asked || seconds === null) return this.stop();
    this.thresholdMs = seconds * MS_PER_SECOND;
    if (this.listening) this.schedule();
    else this.start();
  }

  private start(): void {
    const listening = new AbortController();
    this.listening = listening;
    const update = () => this.update();
    document.addEventListener('visibilitychange', update, { signal: listening.signal });
    window.addEventListener('focus', update, { signal: listening.signal });
    window.addEventListener('blur', update, { signal: listening.signal });
    this.update();
  }

  private stop(): void {
    this.listening?.abort();
    this.listening = undefined;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.clock.setReading(false, performance.now());
  }

  private update(): void {
    this.clock.setReading(document.visibilityState === 'visible' && document.hasFocus(), performance.now());
    this.schedule();
  }

  /** One timer, for the reading time still missing; none while the page is not read. */
  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.clock.reading) return;
    this.timer = this.options.ctx.setTimeout(() => this.reached(), this.clock.remainingMs(this.thresholdMs, performance.now()));
  }

  private reached(): void {
    this.update();
    if (!this.clock.reading || this.clock.remainingMs(this.thresholdMs, performance.now()) > 0) return;
    this.asked = true;
    this.stop();
    this.options.remember();
  }
}
