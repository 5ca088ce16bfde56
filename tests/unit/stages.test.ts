import { describe, expect, it } from 'vitest';
import { checkTransition, isOnlineOrFurther, nextStages } from '@/lib/rules/stages';

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

  it('lists the next stages and what counts as online', () => {
    expect(nextStages('ONLINE')).toEqual(['PROMOTION', 'WITHDRAWN']);
    expect(nextStages('COMPLETED')).toEqual([]);
    expect(['APPROVED', 'ONLINE', 'PROMOTION', 'COMPLETED', 'WITHDRAWN'].filter((s) => isOnlineOrFurther(s as never))).toEqual([
      'ONLINE',
      'PROMOTION',
      'COMPLETED',
    ]);
  });
});
