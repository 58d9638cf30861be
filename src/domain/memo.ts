/**
 * A value per key, made on first use and remembered. When `limit` keys are held, all are
 * forgotten at once: cheaper than tracking recency, and the memos this serves (stems, Latin keys,
 * explanation parts, encoded sentences) refill within a few requests. Used by every layer, so it
 * lives with the domain and imports nothing.
 */
export class Memo<K, V> {
  private readonly values = new Map<K, V>();

  constructor(private readonly limit: number) {}

  /** The value for `key`, from `make(key)` the first time (pass a function made once). */
  get(key: K, make: (key: K) => V): V {
    let value = this.values.get(key);
    if (value === undefined) {
      value = make(key);
      if (this.values.size >= this.limit) this.values.clear();
      this.values.set(key, value);
    }
    return value;
  }
}
