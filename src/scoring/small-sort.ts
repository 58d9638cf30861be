/**
 * A stable, in-place insertion sort for the handful of items a suggestion sorts (its reasons, its
 * theme matches, the few best songs). Array.prototype.sort allocates a work array on every call,
 * and at a few dozen calls per request that was a noticeable share of a request's garbage. Longer
 * lists are left to the built-in sort.
 */
export function sortSmall<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  // Quadratic: anything longer than a handful goes to the built-in sort.
  if (items.length > 32) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const item = items[i] as T;
    let j = i - 1;
    while (j >= 0 && compare(items[j] as T, item) > 0) {
      items[j + 1] = items[j] as T;
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}
