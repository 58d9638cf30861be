/**
 * Remembers a value per song (or per part of a song) and per request key, such as the explained
 * theme factor for a set of wanted themes: requests share their theme and mood sets far more often
 * than not (a film's scenes are asked again with another year, an exclusion, a longer list), and a
 * song's own record never changes (an edit makes a new object). Keys are bounded (all forgotten
 * when too many); the songs are held weakly.
 */
const MAX_KEYS = 1000;

export class PerSongMemo<V> {
  private readonly byKey = new Map<string, WeakMap<object, V>>();

  get(key: string, owner: object, make: () => V): V {
    let values = this.byKey.get(key);
    if (values === undefined) {
      if (this.byKey.size >= MAX_KEYS) this.byKey.clear();
      values = new WeakMap();
      this.byKey.set(key, values);
    }
    let value = values.get(owner);
    if (value === undefined) {
      value = make();
      values.set(owner, value);
    }
    return value;
  }
}
