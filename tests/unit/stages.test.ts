import { describe, expect, it } from 'vitest';
import { checkTransition, hasReached, nextStages } from '@/lib/rules/stages';

describe('stage rules', () => {
  it('moves forward one step at a time', () => {
    expect(checkTransition('APPROVED', 'ONLINE')).toEqual({ ok: true });
    expect(checkTransition('ONLINE', 'PROMOTION')).toEqual({ ok: true });
    expect(checkTransition('PROMOTION', 'COMPLETED')).toEqual({ ok: true });
  });

  it('refuses skipping, going backwards, standing still and leaving a final stage', () => {
    expect(checkTransition('APPROVED', 'PROMOTION')).toEqual({ ok: false, reason: 'SKIPS' });
    expect(checkTransition('PROMOTION', 'ONLINE')).toEqual({ ok: false, reason: 'BACKWARDS' });
    expect(checkTransition('ONLINE', 'ONLINE')).toEqual({ ok: false, reason: 'SAME_STAGE' });
    expect(checkTransition('COMPLETED', 'WITHDRAWN')).toEqual({ ok: false, reason: 'FROM_FINAL' });
    expect(checkTransition('WITHDRAWN', 'ONLINE')).toEqual({ ok: false, reason: 'FROM_FINAL' });
  });

  it('allows withdrawal from any open stage', () => {
    for (const from of ['APPROVED', 'ONLINE', 'PROMOTION'] as const) {
      expect(checkTransition(from, 'WITHDRAWN').ok).toBe(true);
    }
  });

  it('refuses a date before the stage being left was entered', () => {
    const previous = new Date('2020-06-12');
    expect(checkTransition('ONLINE', 'PROMOTION', { effective: new Date('2020-06-11'), previous })).toEqual({
      ok: false,
      reason: 'DATE_BEFORE_PREVIOUS',
    });
    expect(checkTransition('ONLINE', 'PROMOTION', { effective: previous, previous }).ok).toBe(true);
  });

  it('lists the next stages', () => {
    expect(nextStages('ONLINE')).toEqual(['PROMOTION', 'WITHDRAWN']);
    expect(nextStages('COMPLETED')).toEqual([]);
  });

  it('counts a project as having gone online from that stage on, a completed one only with its date, a withdrawn one never', () => {
    const day = new Date('2020-06-12');
    const online = (stage: Parameters<typeof hasReached>[0]['stage'], onlineAt: Date | null = null) =>
      hasReached({ stage, onlineAt, promotionAt: null }, 'ONLINE');
    expect(['APPROVED', 'ONLINE', 'PROMOTION', 'WITHDRAWN'].filter((s) => online(s as never))).toEqual(['ONLINE', 'PROMOTION']);
    expect(online('COMPLETED')).toBe(false);
    expect(online('COMPLETED', day)).toBe(true);
    expect(online('WITHDRAWN', day)).toBe(false);
    expect(hasReached({ stage: 'COMPLETED', onlineAt: day, promotionAt: null }, 'PROMOTION')).toBe(false);
    expect(hasReached({ stage: 'COMPLETED', onlineAt: null, promotionAt: null }, 'COMPLETED')).toBe(true);
  });
});
