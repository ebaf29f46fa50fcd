/**
 * A pure string → value function with a bounded cache keyed by the argument alone. Label and text
 * normalisation runs on the same few hundred strings many times per workbook (and again for the
 * next workbook of the same template); the cache holds results only, never workbook state, and
 * is emptied when it reaches `limit` entries.
 */
export function memoByText<T>(fn: (s: string) => T, limit = 4000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string): T => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    if (cache.size >= limit) cache.clear();
    const value = fn(s);
    cache.set(s, value);
    return value;
  };
}
