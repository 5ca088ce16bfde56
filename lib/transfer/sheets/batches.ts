/** Reads a query's rows in id order, a batch at a time (keyset pagination), for streaming exports. */
export async function* inBatches<R extends { id: number }>(fetch: (afterId: number, take: number) => Promise<R[]>, size = 500): AsyncGenerator<R[]> {
  let afterId = 0;
  for (;;) {
    const batch = await fetch(afterId, size);
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < size) return;
    afterId = batch[batch.length - 1].id;
  }
}

/**
 * Writes rows a thousand at a time, one statement each, in order; returns what
 * each statement returns. One statement for 10,000 rows costs the query
 * builder far more memory than ten statements of 1,000.
 */
export async function inChunks<T, R>(items: T[], write: (chunk: T[]) => Promise<R[]>, size = 1000): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await write(items.slice(i, i + size))));
  return out;
}
