/** How a lazily loaded part is loaded from its stored form: at once, or in slices. */
export interface PartLoader<T, S> {
  now(stored: S): T;
  inSlices(stored: S): Promise<T>;
}

/**
 * A part of the search index kept in its stored form until it is needed, so that a woken
 * service worker answers from names and headlines first: loaded in slices right after
 * (`loadInSlices`), or at once when a change to the index needs it (`now`).
 */
export class LazyPart<T, S> {
  private value: T | undefined;
  private stored: S | undefined;
  private loading: Promise<void> | undefined;

  constructor(
    from: { value: T } | { stored: S },
    private readonly loader: PartLoader<T, S>,
  ) {
    if ('value' in from) this.value = from.value;
    else this.stored = from.stored;
  }

  get loaded(): boolean {
    return this.value !== undefined;
  }

  /** The part if it is loaded, without loading it. */
  peek(): T | undefined {
    return this.value;
  }

  /** The part, loaded at once if it is not yet. */
  now(): T {
    if (this.value === undefined) {
      this.value = this.loader.now(this.stored as S);
      this.stored = undefined;
    }
    return this.value;
  }

  /** Loads the part in slices, if it is not loaded yet; concurrent callers share one load. */
  async loadInSlices(): Promise<void> {
    if (this.value !== undefined) return;
    const stored = this.stored as S;
    this.loading ??= this.loader.inSlices(stored).then((value) => {
      // A change may have needed the part meanwhile and loaded it at once: keep that one.
      if (this.value === undefined) {
        this.value = value;
        this.stored = undefined;
      }
    });
    await this.loading;
  }

  /** The stored form: the one loaded from, while the part is not loaded, else `serialize` of the part. */
  toStored(serialize: (value: T) => S): S {
    return this.value === undefined ? (this.stored as S) : serialize(this.value);
  }

  /** The stored form it was loaded from, while the part is not loaded yet; else undefined. */
  peekStored(): S | undefined {
    return this.value === undefined ? this.stored : undefined;
  }
}
