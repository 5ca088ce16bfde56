import { cache } from 'react';

/**
 * Memoisation within one request, keyed on the arguments' values rather than
 * their identity: React's `cache` compares arguments by identity, so a caller
 * that copies a filter object would silently run every statement twice.
 */
export type MemoStore = () => Map<string, Promise<unknown>>;

/** One map per request on the server; outside a request (scripts, tests) a fresh one each call, so nothing is shared. */
const requestStore: MemoStore = cache(() => new Map<string, Promise<unknown>>());

/** A stable text key for plain data: object keys sorted, dates as ISO strings. */
export function stableKey(value: unknown): string {
  return JSON.stringify(value, function replacer(this: Record<string, unknown>, key, v: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return raw.toISOString();
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, (v as Record<string, unknown>)[k]]),
      );
    }
    return v;
  });
}

export function memoByValue<A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>, store: MemoStore = requestStore): (...args: A) => Promise<R> {
  return (...args: A) => {
    const map = store();
    const key = `${name}:${stableKey(args)}`;
    let hit = map.get(key) as Promise<R> | undefined;
    if (!hit) {
      hit = fn(...args);
      map.set(key, hit);
    }
    return hit;
  };
}
