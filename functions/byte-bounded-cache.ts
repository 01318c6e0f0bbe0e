// A least-recently-used cache bounded by bytes, not entries: what a process keeps for later requests must
// fit a known share of the function's memory whatever the requests look like. An entry larger than its
// own bound is not kept at all.

export interface ByteBoundedCacheOptions {
  /** Bytes all entries may take together (keys included). */
  maxBytes: number;
  /** Bytes one entry may take; larger ones are refused. Default: an eighth of maxBytes. */
  maxEntryBytes?: number;
}

export class ByteBoundedCache<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private total = 0;
  readonly maxBytes: number;
  readonly maxEntryBytes: number;

  constructor(options: ByteBoundedCacheOptions) {
    this.maxBytes = options.maxBytes;
    this.maxEntryBytes = Math.min(options.maxEntryBytes ?? Math.floor(options.maxBytes / 8), options.maxBytes);
  }

  /** Bytes held now. */
  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Most recently used goes last: re-insert on use.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value`, counted as `bytes` plus its key; returns false (and keeps nothing) when it is too large. */
  set(key: string, value: V, bytes: number): boolean {
    this.delete(key);
    const size = bytes + key.length * 2;
    if (size > this.maxEntryBytes) return false;
    this.entries.set(key, { value, bytes: size });
    this.total += size;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.total -= entry.bytes;
    }
    return true;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.bytes;
  }
}
