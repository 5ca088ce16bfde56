/**
 * Pieces every program's seed uses: lifecycles, institutions and projects with
 * their stage history. Idempotent: a lifecycle is brought up to date; an
 * institution or project that exists is left as the portal's users have it.
 * They double as test factories.
 */
import type { PrismaClient } from '../lib/server/prisma';
import type { DatePrecision, InstitutionKind } from '../lib/generated/prisma/enums';
import type { LifecycleDef } from './lifecycles';

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A lifecycle's stages by code, with what the project seed needs to know of each. */
export type SeededLifecycle = { id: number; stages: Map<string, { id: number; sortOrder: number; onPath: boolean }> };

export async function upsertLifecycle(tx: Tx, def: LifecycleDef): Promise<SeededLifecycle> {
  const { stages, ...fields } = def;
  const lifecycle = await tx.lifecycle.upsert({ where: { code: def.code }, create: fields, update: fields });
  const seeded = new Map<string, { id: number; sortOrder: number; onPath: boolean }>();
  // A stage keeps its place: projects' reachedOrder counts in these orders, so reordering a seeded
  // lifecycle would need a migration of its own (and fails here on the unique order first).
  for (const [i, s] of stages.entries()) {
    const data = {
      name: s.name,
      nameEn: s.nameEn,
      sortOrder: i + 1,
      meaning: s.meaning,
      onPath: s.onPath ?? true,
      requiresApproval: s.requiresApproval ?? true,
      kpiKey: s.kpiKey ?? null,
      statementOpen: s.statementOpen ?? false,
      requiresAssessment: s.requiresAssessment ?? false,
      publicNotice: s.publicNotice ?? false,
    };
    const row = await tx.lifecycleStage.upsert({
      where: { lifecycleId_code: { lifecycleId: lifecycle.id, code: s.code } },
      create: { lifecycleId: lifecycle.id, code: s.code, ...data },
      update: data,
    });
    seeded.set(s.code, { id: row.id, sortOrder: row.sortOrder, onPath: row.onPath });
  }
  return { id: lifecycle.id, stages: seeded };
}

export type NewInstitution = { name: string; kind: `${InstitutionKind}` | null; kindInferred: boolean; isPlaceholder: boolean; sourceNote: string };

export function ensureInstitution(tx: Tx, data: NewInstitution) {
  return tx.institution.upsert({ where: { name: data.name }, create: { ...data, licensed: null }, update: {} });
}

/** One entry of a project's stage history: the stage and when, as precisely as the record says. */
export type HistoryEntry = {
  stage: string;
  /** The day, or the upper bound of a bounded date. */
  date: string;
  precision: `${DatePrecision}`;
  notBefore?: string;
  inferred: boolean;
  note: string;
};

/** What the record says of a project's place and stage; the pages show each inference as a label. */
export type Provenance = {
  directionId: number | null;
  directionInferred: boolean;
  directionNote: string | null;
  fieldId: number | null;
  fieldInferred: boolean;
  fieldNote: string | null;
  stageInferred: boolean;
  stageNote: string | null;
};

export type NewProject = Provenance & {
  programId: number;
  lifecycle: SeededLifecycle;
  code: string;
  name: string;
  summary: string;
  /** The current stage's code; the history ends in it. */
  stage: string;
  history: HistoryEntry[];
  isPlaceholder: boolean;
  sourceNote: string;
  scenarios: string[];
  lead: number | null;
  leadNote?: string;
  participants: number[];
  technologyIds: number[];
};

/** Creates a project with its links and its known stage history, unless it exists already. */
export async function ensureProject(tx: Tx, p: NewProject): Promise<number> {
  const existing = await tx.project.findUnique({ where: { code: p.code }, select: { id: true } });
  if (existing) return existing.id;
  const { programId, lifecycle, directionId, fieldId, lead, leadNote, participants, technologyIds, history, stage, ...rest } = p;
  const stageOf = (code: string) => {
    const found = lifecycle.stages.get(code);
    if (!found) throw new Error(`Seed data gives ${p.code} a stage its lifecycle lacks: ${code}`);
    return found;
  };
  const reachedOrder = Math.max(
    ...history
      .map((h) => stageOf(h.stage))
      .filter((s) => s.onPath)
      .map((s) => s.sortOrder),
  );
  const created = await tx.project.create({
    data: {
      ...rest,
      program: { connect: { id: programId } },
      stage: { connect: { id: stageOf(stage).id } },
      reachedOrder,
      direction: directionId === null ? undefined : { connect: { id: directionId } },
      field: fieldId === null ? undefined : { connect: { id: fieldId } },
      approvedAt: day(history[0].date),
      institutions: {
        create: [
          ...(lead === null ? [] : [{ institutionId: lead, role: 'LEAD' as const, roleInferred: leadNote !== undefined, roleNote: leadNote ?? null }]),
          ...participants.map((institutionId) => ({ institutionId, role: 'PARTICIPANT' as const })),
        ],
      },
      technologies: { create: technologyIds.map((technologyId) => ({ technologyId })) },
      stageChanges: {
        create: history.map((h, i) => ({
          fromStageId: i === 0 ? null : stageOf(history[i - 1].stage).id,
          toStageId: stageOf(h.stage).id,
          effectiveDate: day(h.date),
          datePrecision: h.precision,
          notBefore: h.notBefore ? day(h.notBefore) : null,
          dateInferred: h.inferred,
          note: h.note,
        })),
      },
    },
    select: { id: true },
  });
  return created.id;
}
