/**
 * Remembers a value per song (or per part of a song) and per request key, such as the explained
 * theme factor for a set of wanted themes: requests share their theme and mood sets far more often
 * than not (a film's scenes are asked again with another year, an exclusion, a longer list), and a
 * song's own record never changes (an edit makes a new object). Keys are bounded (all forgotten
 * when too many); the songs are held weakly.
 */
import { Memo } from "../domain/memo.js";

const MAX_KEYS = 1000;
const perSong = () => new WeakMap();

export class PerSongMemo<V> {
  private readonly byKey = new Memo<string, WeakMap<object, V>>(MAX_KEYS);

  /** The value remembered for this key and owner, if any. */
  find(key: string, owner: object): V | undefined {
    return this.byKey.get(key, perSong).get(owner);
  }

  /** Remembers a value for this key and owner, and returns it. */
  keep(key: string, owner: object, value: V): V {
    this.byKey.get(key, perSong).set(owner, value);
    return value;
  }
}
