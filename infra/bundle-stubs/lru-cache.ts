// Stands in for `lru-cache` in the functions' bundles, where only yoga's parser and validation cache uses it
// (with `max` and `ttl`, through get and set): least recently used first out, and an entry older than `ttl`
// ms is gone.
export class LRUCache<K, V> {
  private readonly entries = new Map<K, { value: V; expires: number }>();
  private readonly max: number;
  private readonly ttl: number;

  constructor({ max, ttl = 0 }: { max: number; ttl?: number }) {
    if (!(Number.isInteger(max) && max > 0)) throw new TypeError("this LRUCache needs a positive integer max");
    this.max = max;
    this.ttl = ttl;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expires <= performance.now()) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V): this {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.ttl > 0 ? performance.now() + this.ttl : Number.POSITIVE_INFINITY });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as K);
    return this;
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
