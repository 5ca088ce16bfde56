/** The seeded lifecycles as the rules take them, with made-up ids: for pure tests of the stage rules. */
import type { Lifecycle } from '@/lib/rules/stages';
import { PILOT, SANDBOX, type LifecycleDef } from '@/seeds/lifecycles';

export function lifecycleOf(def: LifecycleDef, firstId = 1): Lifecycle {
  return {
    id: firstId,
    code: def.code,
    name: def.name,
    nameEn: def.nameEn,
    hasStatement: def.hasStatement,
    stages: def.stages.map((s, i) => ({
      id: firstId * 100 + i + 1,
      code: s.code,
      name: s.name,
      nameEn: s.nameEn,
      sortOrder: i + 1,
      meaning: s.meaning,
      onPath: s.onPath ?? true,
      requiresApproval: s.requiresApproval ?? true,
      kpiKey: s.kpiKey ?? null,
      statementOpen: s.statementOpen ?? false,
      requiresAssessment: s.requiresAssessment ?? false,
    })),
  };
}

export const pilot = lifecycleOf(PILOT, 1);
export const sandbox = lifecycleOf(SANDBOX, 2);
/** A stage's id by code. */
export const id = (lifecycle: Lifecycle, code: string) => lifecycle.stages.find((s) => s.code === code)!.id;
