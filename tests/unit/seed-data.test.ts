import { describe, expect, it } from 'vitest';
import * as bj from '@/seeds/beijing-pilot';
import { placeholderPlan } from '@/seeds/placeholders';

const plan = placeholderPlan();
const allProjects = [...bj.projects.map((p) => ({ code: p.code, stage: p.stage })), ...plan.projects];

describe('seed data invariants', () => {
  it('has the published shape: 4 directions with 4 fields each, 16 distinct fields', () => {
    expect(bj.directions.map((d) => d.code)).toEqual(['D1', 'D2', 'D3', 'D4']);
    expect(bj.directions.every((d) => d.fields.length === 4)).toBe(true);
    expect(new Set(bj.directions.flatMap((d) => d.fields.map(([name]) => name))).size).toBe(bj.program.published.FIELDS);
  });

  it('adds up to the published totals once placeholders fill the gaps', () => {
    expect(allProjects).toHaveLength(bj.program.published.PROJECTS);
    expect(bj.institutions.length + plan.institutionNames.length).toBe(bj.program.published.INSTITUTIONS);
    const online = allProjects.filter((p) => p.stage === 'ONLINE' || p.stage === 'PROMOTION').length;
    expect(online).toBe(bj.program.published.ONLINE);
    expect(allProjects.filter((p) => p.stage === 'PROMOTION')).toHaveLength(bj.program.published.PROMOTION);
  });

  it('says what was inferred and from what, wherever the record does not state a placement or a lead', () => {
    for (const p of bj.projects) {
      for (const placement of [p.direction, p.field]) {
        if (placement.inferred) expect(placement.note, p.code).toMatch(/推断/);
        else expect(placement.quote.length, p.code).toBeGreaterThan(10);
      }
      if (p.leadNote) expect(p.leadNote).toMatch(/推断/);
      if (p.reached.inferred) expect(p.reached.note).toMatch(/推断/);
    }
    expect(plan.projects.every((p) => /推得/.test(p.stageNote))).toBe(true);
  });

  it('labels every placeholder and uses every placeholder institution exactly once', () => {
    expect(plan.projects.every((p) => p.name.startsWith('未公开试点项目'))).toBe(true);
    expect(plan.institutionNames.every((n) => n.startsWith('未公开参与机构'))).toBe(true);
    const used = [...plan.projects.flatMap((p) => [p.lead, ...p.participants]), ...Object.values(plan.participantsOf).flat()];
    expect(used.sort()).toEqual([...plan.institutionNames].sort());
  });

  it('keeps project codes unique and names every institution it links', () => {
    expect(new Set(allProjects.map((p) => p.code)).size).toBe(allProjects.length);
    const named = new Set(bj.institutions.map((i) => i.name));
    for (const p of bj.projects) for (const i of [p.lead, ...p.participants]) expect(named).toContain(i);
  });

  it('quotes the article for every figure it states, on indicators of the catalogue', () => {
    const codes = new Set(bj.indicators.map((i) => i.code));
    const figures = bj.projects.flatMap((p) => p.figures);
    expect(figures).toHaveLength(12);
    for (const f of figures) {
      expect(codes).toContain(f.indicator);
      expect(f.quote.length).toBeGreaterThan(4);
    }
  });

  it('never sums an indicator whose values overlap between projects', () => {
    const overlapping = bj.indicators.filter((i) => i.code === 'PILOT_CITIES' || i.code === 'REGIONS');
    expect(overlapping.map((i) => i.aggregation)).toEqual(['MAX', 'MAX']);
  });
});
