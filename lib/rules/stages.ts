/**
 * A program's lifecycle and the rules on it, in one place. Stages are data
 * (Lifecycle, LifecycleStage): nothing here names a stage. The path runs
 * through the on-path stages in order, one step at a time; a stage off the path
 * (撤回, 退出) can be entered from any open stage. "Has reached a stage" reads a
 * project's `reachedOrder` (the furthest stage of the path it reached), as
 * TypeScript, as a Prisma `where` and as SQL; tests hold the three equal.
 */
import { Prisma } from '../generated/prisma/client';
import type { StageMeaning } from '../generated/prisma/enums';

export type Stage = {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  sortOrder: number;
  meaning: StageMeaning;
  onPath: boolean;
  requiresApproval: boolean;
  kpiKey: string | null;
  statementOpen: boolean;
  /** Entering this stage needs the project's assessment confirmed. */
  requiresAssessment: boolean;
};

export type Lifecycle = { id: number; code: string; name: string; nameEn: string; hasStatement: boolean; stages: Stage[] };

/** The stages of the path, in order. */
export const pathOf = (lifecycle: Lifecycle) => lifecycle.stages.filter((s) => s.onPath).sort((a, b) => a.sortOrder - b.sortOrder);

/** The stages in the order a reader meets them: the path, then the ways off it. */
export const stagesInOrder = (lifecycle: Lifecycle) => [...pathOf(lifecycle), ...lifecycle.stages.filter((s) => !s.onPath)];

/** The first stage of the path: where a project enters the program. */
export const firstStage = (lifecycle: Lifecycle) => pathOf(lifecycle)[0];

export const stageById = (lifecycle: Lifecycle, id: number) => lifecycle.stages.find((s) => s.id === id);
export const stageByCode = (lifecycle: Lifecycle, code: string) => lifecycle.stages.find((s) => s.code === code);

/** A stage a project can still move on from: pending or live. */
export const isOpen = (stage: Pick<Stage, 'meaning'>) => stage.meaning === 'PENDING' || stage.meaning === 'LIVE';

/** The stages that carry a headline count ("reached this stage"), in path order. */
export const headlineStages = (lifecycle: Lifecycle) => pathOf(lifecycle).filter((s) => s.kpiKey !== null);

export type TransitionCheck =
  { ok: true } | { ok: false; reason: 'SAME_STAGE' | 'BACKWARDS' | 'SKIPS' | 'FROM_FINAL' | 'OTHER_LIFECYCLE' | 'DATE_BEFORE_PREVIOUS' };

/**
 * Stage rules: one step forward along the path; off the path (withdrawal,
 * exit) from any open stage; nothing leaves a stage that is not open and ends
 * the path; never backwards; never dated before the stage it leaves was entered.
 */
export function checkTransition(lifecycle: Lifecycle, fromId: number, toId: number, dates?: { effective: Date; previous: Date }): TransitionCheck {
  const from = stageById(lifecycle, fromId);
  const to = stageById(lifecycle, toId);
  if (!from || !to) return { ok: false, reason: 'OTHER_LIFECYCLE' };
  if (from.id === to.id) return { ok: false, reason: 'SAME_STAGE' };
  const path = pathOf(lifecycle);
  const next = from.onPath ? path[path.indexOf(from) + 1] : undefined;
  if (!from.onPath || (!isOpen(from) && !next)) return { ok: false, reason: 'FROM_FINAL' };
  if (to.onPath) {
    if (to.sortOrder < from.sortOrder) return { ok: false, reason: 'BACKWARDS' };
    if (to.id !== next?.id) return { ok: false, reason: 'SKIPS' };
  } else if (!isOpen(from)) return { ok: false, reason: 'FROM_FINAL' };
  if (dates && dates.effective.getTime() < dates.previous.getTime()) return { ok: false, reason: 'DATE_BEFORE_PREVIOUS' };
  return { ok: true };
}

/** The stages a project may move to next, in order. */
export function nextStages(lifecycle: Lifecycle, fromId: number): Stage[] {
  return stagesInOrder(lifecycle).filter((to) => checkTransition(lifecycle, fromId, to.id).ok);
}

/** The furthest stage of the path reached after entering `to` (a stage off the path reaches nothing further). */
export const reachedOrderAfter = (reachedOrder: number, to: Pick<Stage, 'onPath' | 'sortOrder'>) =>
  to.onPath ? Math.max(reachedOrder, to.sortOrder) : reachedOrder;

/** Whether a project has reached `stage` (a stage of the path): counts every later stage, and what it reached before leaving. */
export const hasReached = (project: { reachedOrder: number }, stage: Pick<Stage, 'sortOrder'>) => project.reachedOrder >= stage.sortOrder;

/** The same rule as a Prisma `where` on Project. */
export const reachedWhere = (stage: Pick<Stage, 'sortOrder'>): Prisma.ProjectWhereInput => ({ reachedOrder: { gte: stage.sortOrder } });

/** The same rule as SQL; `alias` names the Project table (or a CTE with its reachedOrder). */
export const reachedSql = (stage: Pick<Stage, 'sortOrder'>, alias: string) => Prisma.sql`(${Prisma.raw(`"${alias}"."reachedOrder"`)} >= ${stage.sortOrder})`;

/** The stages of a meaning (live, completed, left early): the one place that says which stages count as what. */
export const stagesMeaning = (lifecycle: Lifecycle, meaning: StageMeaning) => lifecycle.stages.filter((s) => s.meaning === meaning);

/** Projects currently in a stage of that meaning, as a Prisma where. */
export const meaningWhere = (lifecycle: Lifecycle, meaning: StageMeaning): Prisma.ProjectWhereInput => ({
  stageId: { in: stagesMeaning(lifecycle, meaning).map((s) => s.id) },
});

/** The same as SQL; `alias` names the Project table. */
export function meaningSql(lifecycle: Lifecycle, meaning: StageMeaning, alias: string): Prisma.Sql {
  const ids = stagesMeaning(lifecycle, meaning).map((s) => s.id);
  return ids.length ? Prisma.sql`(${Prisma.raw(`"${alias}"."stageId"`)} IN (${Prisma.join(ids)}))` : Prisma.sql`FALSE`;
}

/** A stage's name in the reader's language. */
export const stageName = (stage: Pick<Stage, 'name' | 'nameEn'>, locale: string) => (locale === 'zh' ? stage.name : stage.nameEn);
