/**
 * The pilot's stages and the rules on them, in one place: the path a project
 * takes, the transitions allowed, and "has reached a stage", the rule behind
 * the headline counts, the funnel and the `reached` filter. That rule is
 * written here three times, as TypeScript, as a Prisma `where` and as SQL;
 * tests hold the three equal on every combination of stage and dates.
 */
import { Prisma } from '../generated/prisma/client';
import type { ProjectStage } from '../generated/prisma/enums';

/** The pilot's path: approval → going online (上线运行) → promotion (应用推广期) → completion. */
export const STAGE_ORDER = ['APPROVED', 'ONLINE', 'PROMOTION', 'COMPLETED'] as const satisfies readonly ProjectStage[];
export const ALL_STAGES = [...STAGE_ORDER, 'WITHDRAWN'] as const satisfies readonly ProjectStage[];

const rank = (stage: ProjectStage) => (STAGE_ORDER as readonly ProjectStage[]).indexOf(stage);

/** Stages a project can have reached beyond approval (the funnel's steps). */
export const REACHED_STAGES = ['ONLINE', 'PROMOTION', 'COMPLETED'] as const satisfies readonly ProjectStage[];
export type ReachedStage = (typeof REACHED_STAGES)[number];

/** What "has reached" reads of a project: its current stage and the dates it entered the stages it passed. */
export type StageFacts = { stage: ProjectStage; onlineAt: Date | null; promotionAt: Date | null };

/**
 * Whether a project has reached `stage`. The published counts (33 online, 21 of
 * them in promotion) include every later stage: a project in promotion has gone
 * online. A completed project counts as having gone online or into promotion
 * only with the date it did so, since a pilot may complete without promotion;
 * a withdrawn one counts for nothing.
 */
export function hasReached(project: StageFacts, stage: ReachedStage): boolean {
  if (stage === 'COMPLETED') return project.stage === 'COMPLETED';
  const dated = stage === 'ONLINE' ? project.onlineAt : project.promotionAt;
  if (project.stage === 'COMPLETED') return dated !== null;
  return project.stage !== 'WITHDRAWN' && rank(project.stage) >= rank(stage);
}

/** The same rule as a Prisma `where` on Project. */
export function reachedWhere(stage: ReachedStage): Prisma.ProjectWhereInput {
  if (stage === 'COMPLETED') return { stage: 'COMPLETED' };
  const later = STAGE_ORDER.filter((s) => s !== 'COMPLETED' && rank(s) >= rank(stage));
  const dated: Prisma.ProjectWhereInput = stage === 'ONLINE' ? { onlineAt: { not: null } } : { promotionAt: { not: null } };
  return { OR: [{ stage: { in: later } }, { stage: 'COMPLETED', ...dated }] };
}

/** The same rule as SQL; `alias` names the Project table (or a CTE with its stage and date columns). */
export function reachedSql(stage: ReachedStage, alias: string): Prisma.Sql {
  const column = (name: string) => Prisma.raw(`"${alias}"."${name}"`);
  if (stage === 'COMPLETED') return Prisma.sql`(${column('stage')} = 'COMPLETED')`;
  const later = STAGE_ORDER.filter((s) => s !== 'COMPLETED' && rank(s) >= rank(stage));
  const dated = column(stage === 'ONLINE' ? 'onlineAt' : 'promotionAt');
  return Prisma.sql`(${column('stage')}::text IN (${Prisma.join(later)}) OR (${column('stage')} = 'COMPLETED' AND ${dated} IS NOT NULL))`;
}

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
