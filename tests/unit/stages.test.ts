import { describe, expect, it } from 'vitest';
import { checkTransition, hasReached, headlineStages, meaningWhere, nextStages, pathOf, reachedOrderAfter, stageByCode } from '@/lib/rules/stages';
import { id, pilot, sandbox } from '../support/lifecycles';

const move = (lifecycle: typeof pilot, from: string, to: string) => checkTransition(lifecycle, id(lifecycle, from), id(lifecycle, to));
const codes = (stages: { code: string }[]) => stages.map((s) => s.code);

describe('the pilot lifecycle', () => {
  it('moves forward one step at a time', () => {
    expect(move(pilot, 'APPROVED', 'ONLINE')).toEqual({ ok: true });
    expect(move(pilot, 'ONLINE', 'PROMOTION')).toEqual({ ok: true });
    expect(move(pilot, 'PROMOTION', 'COMPLETED')).toEqual({ ok: true });
  });

  it('refuses skipping, going backwards, standing still and leaving a final stage', () => {
    expect(move(pilot, 'APPROVED', 'PROMOTION')).toEqual({ ok: false, reason: 'SKIPS' });
    expect(move(pilot, 'PROMOTION', 'ONLINE')).toEqual({ ok: false, reason: 'BACKWARDS' });
    expect(move(pilot, 'ONLINE', 'ONLINE')).toEqual({ ok: false, reason: 'SAME_STAGE' });
    expect(move(pilot, 'COMPLETED', 'WITHDRAWN')).toEqual({ ok: false, reason: 'FROM_FINAL' });
    expect(move(pilot, 'WITHDRAWN', 'ONLINE')).toEqual({ ok: false, reason: 'FROM_FINAL' });
  });

  it('allows withdrawal from any open stage', () => {
    for (const from of ['APPROVED', 'ONLINE', 'PROMOTION']) expect(move(pilot, from, 'WITHDRAWN').ok).toBe(true);
  });

  it('refuses a date before the stage being left was entered, and a stage of another lifecycle', () => {
    const previous = new Date('2020-06-12');
    const check = (effective: string) => checkTransition(pilot, id(pilot, 'ONLINE'), id(pilot, 'PROMOTION'), { effective: new Date(effective), previous });
    expect(check('2020-06-11')).toEqual({ ok: false, reason: 'DATE_BEFORE_PREVIOUS' });
    expect(check('2020-06-12').ok).toBe(true);
    expect(checkTransition(pilot, id(pilot, 'APPROVED'), id(sandbox, 'NOTICE'))).toEqual({ ok: false, reason: 'OTHER_LIFECYCLE' });
  });

  it('lists the next stages, and the headline stages with their keys', () => {
    expect(codes(nextStages(pilot, id(pilot, 'ONLINE')))).toEqual(['PROMOTION', 'WITHDRAWN']);
    expect(nextStages(pilot, id(pilot, 'COMPLETED'))).toEqual([]);
    expect(headlineStages(pilot).map((s) => s.kpiKey)).toEqual(['online', 'promotion']);
  });
});

describe('the sandbox lifecycle', () => {
  it('runs 申报 → 公示 → 登记 → 测试结束申请 → 综合评估 → 完成测试 → 对外推广, one step at a time', () => {
    expect(codes(pathOf(sandbox))).toEqual(['APPLIED', 'NOTICE', 'REGISTERED', 'END_REQUESTED', 'ASSESSMENT', 'COMPLETED', 'PROMOTED']);
    for (const [from, to] of [
      ['APPLIED', 'NOTICE'],
      ['NOTICE', 'REGISTERED'],
      ['REGISTERED', 'END_REQUESTED'],
      ['END_REQUESTED', 'ASSESSMENT'],
      ['ASSESSMENT', 'COMPLETED'],
      ['COMPLETED', 'PROMOTED'],
    ]) {
      expect(move(sandbox, from, to), `${from} → ${to}`).toEqual({ ok: true });
    }
    expect(move(sandbox, 'NOTICE', 'ASSESSMENT')).toEqual({ ok: false, reason: 'SKIPS' });
  });

  it('lets an application exit from any open stage, and not once its test is completed', () => {
    for (const from of ['APPLIED', 'NOTICE', 'REGISTERED', 'END_REQUESTED', 'ASSESSMENT']) expect(move(sandbox, from, 'EXITED').ok, from).toBe(true);
    expect(move(sandbox, 'COMPLETED', 'EXITED')).toEqual({ ok: false, reason: 'FROM_FINAL' });
    expect(move(sandbox, 'PROMOTED', 'EXITED')).toEqual({ ok: false, reason: 'FROM_FINAL' });
    expect(nextStages(sandbox, id(sandbox, 'COMPLETED')).map((s) => s.code)).toEqual(['PROMOTED']);
  });

  it('needs no regulator to end a test, and counts completion on its card', () => {
    expect(stageByCode(sandbox, 'END_REQUESTED')?.requiresApproval).toBe(false);
    expect(stageByCode(sandbox, 'NOTICE')?.requiresApproval).toBe(true);
    expect(headlineStages(sandbox).map((s) => s.kpiKey)).toEqual(['completed']);
    expect(stageByCode(sandbox, 'APPLIED')?.statementOpen).toBe(true);
  });
});

describe('has reached a stage', () => {
  it('counts every later stage of the path, and what was reached before leaving it', () => {
    const online = stageByCode(pilot, 'ONLINE')!;
    let reached = 0;
    for (const code of ['APPROVED', 'ONLINE', 'WITHDRAWN']) reached = reachedOrderAfter(reached, stageByCode(pilot, code)!);
    expect(reached).toBe(online.sortOrder);
    expect(hasReached({ reachedOrder: reached }, online)).toBe(true);
    expect(hasReached({ reachedOrder: reached }, stageByCode(pilot, 'PROMOTION')!)).toBe(false);
  });

  it('says which stages count as live, completed or left, from the lifecycle alone', () => {
    expect(meaningWhere(pilot, 'LIVE')).toEqual({ stageId: { in: [id(pilot, 'ONLINE'), id(pilot, 'PROMOTION')] } });
    expect(meaningWhere(sandbox, 'COMPLETED')).toEqual({ stageId: { in: [id(sandbox, 'COMPLETED'), id(sandbox, 'PROMOTED')] } });
    expect(meaningWhere(sandbox, 'LEFT')).toEqual({ stageId: { in: [id(sandbox, 'EXITED')] } });
  });
});
