/** Reads a query's rows in id order, a batch at a time (keyset pagination), for streaming exports. */
export async function* inBatches<R extends { id: number }>(
  fetch: (afterId: number, take: number) => Promise<R[]>,
  size = 500,
): AsyncGenerator<R[]> {
  let afterId = 0;
  for (;;) {
    const batch = await fetch(afterId, size);
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < size) return;
    afterId = batch[batch.length - 1].id;
  }
}
