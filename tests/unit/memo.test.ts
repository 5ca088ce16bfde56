import { describe, expect, it } from 'vitest';
import { memoByValue, stableKey } from '@/lib/server/memo';

describe('memoisation by value', () => {
  it('runs once for equal arguments, whatever their identity or key order', async () => {
    const store = new Map<string, Promise<unknown>>();
    let runs = 0;
    const counted = memoByValue(
      'count',
      async (actor: { userId: number }, targets: { programId: number; filters: Record<string, unknown> }) => ++runs + actor.userId + targets.programId,
      () => store,
    );
    const targets = { programId: 1, filters: { stage: 'ONLINE', q: 'x' } };
    const first = await counted({ userId: 1 }, targets);
    expect(await counted({ userId: 1 }, { ...targets, filters: { q: 'x', stage: 'ONLINE' } })).toBe(first);
    expect(runs).toBe(1);
    await counted({ userId: 1 }, { ...targets, filters: { stage: 'PROMOTION', q: 'x' } });
    await counted({ userId: 2 }, targets);
    expect(runs).toBe(3);
  });

  it('tells dates apart and treats undefined members as absent', () => {
    expect(stableKey({ from: new Date('2020-01-01') })).not.toBe(stableKey({ from: new Date('2020-01-02') }));
    expect(stableKey({ a: 1, b: undefined })).toBe(stableKey({ a: 1 }));
  });
});
