/**
 * Each program's assessment rubric: dimensions with weights summing to 1, on a
 * 0–5 scale. The sandbox's are the eight dimensions of its exit evaluation.
 * Loaded once: a regulator's later change of weights is kept on reseeding.
 */
import type { Tx } from './helpers';
import { weightsValid } from '../lib/rules/assessment';

export type RubricDef = { scaleMax: number; dimensions: { code: string; name: string; nameEn: string; weight: number }[] };

export const RUBRICS: Record<string, RubricDef> = {
  'BJ-FINTECH-SANDBOX': {
    scaleMax: 5,
    dimensions: [
      { code: 'INNOVATION', name: '创新价值', nameEn: 'Innovation value', weight: 0.15 },
      { code: 'SERVICE', name: '服务质量', nameEn: 'Service quality', weight: 0.1 },
      { code: 'SATISFACTION', name: '用户满意度', nameEn: 'User satisfaction', weight: 0.1 },
      { code: 'CONTINUITY', name: '业务连续性保障', nameEn: 'Business continuity', weight: 0.1 },
      { code: 'COMPLIANCE', name: '合法合规', nameEn: 'Legal compliance', weight: 0.15 },
      { code: 'TRANSACTION_SECURITY', name: '交易安全', nameEn: 'Transaction security', weight: 0.15 },
      { code: 'DATA_SECURITY', name: '数据安全', nameEn: 'Data security', weight: 0.15 },
      { code: 'RISK_CONTROL', name: '风险防控', nameEn: 'Risk control', weight: 0.1 },
    ],
  },
  'BJ-FINTECH-PILOT': {
    scaleMax: 5,
    dimensions: [
      { code: 'INNOVATION', name: '创新性', nameEn: 'Innovation', weight: 0.25 },
      { code: 'OUTCOMES', name: '应用成效', nameEn: 'Outcomes', weight: 0.25 },
      { code: 'COMPLIANCE', name: '合规性', nameEn: 'Compliance', weight: 0.2 },
      { code: 'RISK_CONTROL', name: '风险防控', nameEn: 'Risk control', weight: 0.2 },
      { code: 'SATISFACTION', name: '用户满意度', nameEn: 'User satisfaction', weight: 0.1 },
    ],
  },
};

/** Creates a program's rubric when it has none (a rubric whose weights do not sum to 1 is a defect of the seed). */
export async function ensureRubric(tx: Tx, programId: number, def: RubricDef): Promise<void> {
  if (!weightsValid(def.dimensions.map((d) => d.weight))) throw new Error('Seed rubric weights do not sum to 1');
  if (await tx.rubric.findUnique({ where: { programId }, select: { id: true } })) return;
  await tx.rubric.create({
    data: { programId, scaleMax: def.scaleMax, dimensions: { create: def.dimensions.map((d, i) => ({ ...d, sortOrder: i + 1 })) } },
  });
}
