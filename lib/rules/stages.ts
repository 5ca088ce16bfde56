import type { ProjectStage } from '../generated/prisma/enums';

/** The pilot's path: approval → going online (上线运行) → promotion (应用推广期) → completion. */
export const STAGE_ORDER = ['APPROVED', 'ONLINE', 'PROMOTION', 'COMPLETED'] as const satisfies readonly ProjectStage[];
export const ALL_STAGES = [...STAGE_ORDER, 'WITHDRAWN'] as const satisfies readonly ProjectStage[];

const rank = (stage: ProjectStage) => (STAGE_ORDER as readonly ProjectStage[]).indexOf(stage);

/** Whether a project in `stage` has gone online (the published "上线运行" count includes later stages). */
export const isOnlineOrFurther = (stage: ProjectStage) => rank(stage) >= rank('ONLINE');

export type TransitionCheck = { ok: true } | { ok: false; reason: 'SAME_STAGE' | 'BACKWARDS' | 'SKIPS' | 'FROM_FINAL' | 'DATE_BEFORE_PREVIOUS' };

/**
 * Stage rules: one step forward at a time; withdrawal from any open stage;
 * nothing leaves COMPLETED or WITHDRAWN; never backwards; never dated before the
 * stage it leaves was entered.
 */
export function checkTransition(from: ProjectStage, to: ProjectStage, dates?: { effective: Date; previous: Date }): TransitionCheck {
  if (from === to) return { ok: false, reason: 'SAME_STAGE' };
  if (from === 'COMPLETED' || from === 'WITHDRAWN') return { ok: false, reason: 'FROM_FINAL' };
  if (to !== 'WITHDRAWN') {
    if (rank(to) < rank(from)) return { ok: false, reason: 'BACKWARDS' };
    if (rank(to) > rank(from) + 1) return { ok: false, reason: 'SKIPS' };
  }
  if (dates && dates.effective.getTime() < dates.previous.getTime()) return { ok: false, reason: 'DATE_BEFORE_PREVIOUS' };
  return { ok: true };
}

/** The stages a project may move to next, in order. */
export function nextStages(from: ProjectStage): ProjectStage[] {
  return ALL_STAGES.filter((to) => checkTransition(from, to).ok);
}
