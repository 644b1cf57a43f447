/**
 * A map that keeps its `capacity` most recently used entries: reading or writing an entry makes it the newest,
 * and a write past the capacity drops the oldest. The in-process caches (prepared statements, route matches,
 * dictionary search answers, printed PDFs) keep their bound with it.
 */
export class RecentlyUsed<K, V> {
  // a Map iterates in insertion order and every use re-inserts: the first key is the least recently used
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The entry's value (and it becomes the newest), or undefined. */
  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key) as V;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }

  clear(): void {
    this.entries.clear();
  }
}
