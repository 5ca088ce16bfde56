/**
 * Loads the Beijing pilot into a database. Idempotent: reference data (program,
 * directions, fields, technologies, indicators) is brought up to date; projects,
 * institutions, their history and figures are created once and then left as the
 * portal's users have changed them. Runs in one transaction: all or nothing.
 */
import type { PrismaClient } from '../lib/server/prisma';
import type { InstitutionKind, ProjectStage } from '../lib/generated/prisma/enums';
import * as bj from './beijing-pilot';
import { placeholderPlan } from './placeholders';

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const STAGE_PATH: `${ProjectStage}`[] = ['APPROVED', 'ONLINE', 'PROMOTION'];

async function upsertProgram(tx: Tx) {
  const { published, startDate, ...fields } = bj.program;
  const row = await tx.program.upsert({
    where: { code: bj.program.code },
    create: { ...fields, startDate: day(startDate) },
    update: { name: fields.name, nameEn: fields.nameEn, region: fields.region },
  });
  for (const [key, value] of Object.entries(published)) {
    const k = key as keyof typeof published;
    await tx.publishedFigure.upsert({
      where: { programId_key_asOf: { programId: row.id, key: k, asOf: day(bj.ARTICLE_AS_OF) } },
      create: { programId: row.id, key: k, value, asOf: day(bj.ARTICLE_AS_OF), source: bj.ARTICLE },
      update: { value, source: bj.ARTICLE },
    });
  }
  const directionIds = new Map<string, number>();
  const fieldIdByName = new Map<string, number>();
  for (const [d, direction] of bj.directions.entries()) {
    const dir = await tx.direction.upsert({
      where: { programId_code: { programId: row.id, code: direction.code } },
      create: { programId: row.id, code: direction.code, name: direction.name, nameEn: direction.nameEn, sortOrder: d + 1 },
      update: { name: direction.name, nameEn: direction.nameEn, sortOrder: d + 1 },
    });
    directionIds.set(direction.code, dir.id);
    for (const [f, [name, nameEn]] of direction.fields.entries()) {
      const code = `${direction.code}-${f + 1}`;
      const field = await tx.field.upsert({
        where: { directionId_code: { directionId: dir.id, code } },
        create: { directionId: dir.id, code, name, nameEn, sortOrder: f + 1 },
        update: { name, nameEn, sortOrder: f + 1 },
      });
      fieldIdByName.set(`${direction.code}/${name}`, field.id);
    }
  }
  return { programId: row.id, directionIds, fieldIdByName };
}

async function upsertCatalogues(tx: Tx) {
  for (const t of bj.technologies) {
    await tx.technology.upsert({ where: { name: t.name }, create: t, update: { nameEn: t.nameEn, sourced: t.sourced } });
  }
  for (const [i, ind] of bj.indicators.entries()) {
    const data = { ...ind, sortOrder: i + 1 };
    await tx.indicator.upsert({ where: { code: ind.code }, create: data, update: data });
  }
}

type NewInstitution = { name: string; kind: `${InstitutionKind}` | null; licensed: boolean | null; isPlaceholder: boolean };

async function ensureInstitution(tx: Tx, data: NewInstitution) {
  const sourceNote = data.isPlaceholder
    ? '占位记录：机构名称未公开，仅用于使参与机构总数与公开数字一致。'
    : `见于${bj.ARTICLE}；文章未说明其类型与是否持牌，类型依据机构名称归类。`;
  const provenance = { kind: data.kind, kindInferred: !data.isPlaceholder, licensed: data.licensed, sourceNote };
  return tx.institution.upsert({ where: { name: data.name }, create: { name: data.name, isPlaceholder: data.isPlaceholder, ...provenance }, update: {} });
}

/** What the record says of a project's place and stage; the pages show each inference as a label. */
type Provenance = {
  directionId: number | null;
  directionInferred: boolean;
  directionNote: string | null;
  fieldId: number | null;
  fieldInferred: boolean;
  fieldNote: string | null;
  stageInferred: boolean;
  stageNote: string | null;
};

type NewProject = Provenance & {
  programId: number;
  code: string;
  name: string;
  summary: string;
  stage: `${ProjectStage}`;
  /** When each stage past approval was reached: a range from the list's approval to this bound. */
  reached: bj.Reached;
  isPlaceholder: boolean;
  sourceNote: string;
  scenarios: string[];
  lead: number;
  leadNote?: string;
  participants: number[];
  technologyIds: number[];
};

/** Creates a project with its links and its known stage history, unless it exists already. */
async function ensureProject(tx: Tx, p: NewProject): Promise<number> {
  const existing = await tx.project.findUnique({ where: { code: p.code }, select: { id: true } });
  if (existing) return existing.id;
  const reached = STAGE_PATH.slice(0, STAGE_PATH.indexOf(p.stage) + 1);
  const approvedAt = day(bj.LIST_APPROVED_ON);
  // The record says when the list was approved, and that these stages were reached by a bound, not on which day.
  const { programId, directionId, fieldId, lead, leadNote, participants, technologyIds, reached: bound, ...rest } = p;
  const reachedBy = day(bound.by);
  const created = await tx.project.create({
    data: {
      ...rest,
      program: { connect: { id: programId } },
      direction: directionId === null ? undefined : { connect: { id: directionId } },
      field: fieldId === null ? undefined : { connect: { id: fieldId } },
      approvedAt,
      onlineAt: reached.includes('ONLINE') ? reachedBy : null,
      promotionAt: reached.includes('PROMOTION') ? reachedBy : null,
      institutions: {
        create: [
          { institutionId: lead, role: 'LEAD', roleInferred: leadNote !== undefined, roleNote: leadNote ?? null },
          ...participants.map((institutionId) => ({ institutionId, role: 'PARTICIPANT' as const })),
        ],
      },
      technologies: { create: technologyIds.map((technologyId) => ({ technologyId })) },
      stageChanges: {
        create: reached.map((toStage, i) =>
          i === 0
            ? { fromStage: null, toStage, effectiveDate: approvedAt, note: `试点项目名单批准（${bj.LIST_APPROVAL_SOURCE}）` }
            : {
                fromStage: reached[i - 1],
                toStage,
                effectiveDate: reachedBy,
                datePrecision: 'BETWEEN' as const,
                notBefore: approvedAt,
                dateInferred: bound.inferred,
                note: bound.note,
              },
        ),
      },
    },
    select: { id: true },
  });
  return created.id;
}

/**
 * A named project's provenance as the record now reads: brought up to date on
 * every seed while no one has edited the project (version 1), so a corrected
 * reading of the article reaches existing databases; an edited project is the
 * portal's users' and is left alone.
 */
async function refreshProvenance(tx: Tx, code: string, provenance: Provenance, sourceNote: string) {
  await tx.project.updateMany({ where: { code, version: 1 }, data: { ...provenance, sourceNote } });
}

/** Only the program's structure and the catalogues: what an import of projects needs to exist first. */
export async function seedReferenceData(prisma: PrismaClient): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await upsertProgram(tx);
    await upsertCatalogues(tx);
  });
}

export async function seedBeijingPilot(prisma: PrismaClient): Promise<{ programId: number }> {
  return prisma.$transaction(
    async (tx) => {
      const { programId, directionIds, fieldIdByName } = await upsertProgram(tx);
      await upsertCatalogues(tx);
      const technologyIds = new Map((await tx.technology.findMany()).map((t) => [t.name, t.id]));
      const indicatorIds = new Map((await tx.indicator.findMany()).map((i) => [i.code, i.id]));

      const institutionIds = new Map<string, number>();
      for (const inst of bj.institutions) {
        institutionIds.set(inst.name, (await ensureInstitution(tx, { ...inst, isPlaceholder: false })).id);
      }
      const plan = placeholderPlan();
      for (const name of plan.institutionNames) {
        institutionIds.set(name, (await ensureInstitution(tx, { name, kind: null, licensed: null, isPlaceholder: true })).id);
      }
      const idOf = (name: string) => {
        const id = institutionIds.get(name);
        if (id === undefined) throw new Error(`Seed data names an unknown institution: ${name}`);
        return id;
      };

      for (const p of bj.projects) {
        const directionId = directionIds.get(p.direction.code);
        const fieldId = fieldIdByName.get(`${p.direction.code}/${p.field.code}`);
        if (directionId === undefined || fieldId === undefined) {
          throw new Error(`Seed data puts ${p.code} in an unknown place: ${p.direction.code}/${p.field.code}`);
        }
        const provenance: Provenance = {
          directionId,
          directionInferred: p.direction.inferred,
          directionNote: p.direction.inferred ? p.direction.note : `文章：“${p.direction.quote}”`,
          fieldId,
          fieldInferred: p.field.inferred,
          fieldNote: p.field.inferred ? p.field.note : `文章：“${p.field.quote}”`,
          stageInferred: false,
          stageNote: null,
        };
        const sourceNote = `${bj.ARTICLE}。${p.sourceNote}`;
        const extra = plan.participantsOf[p.code as keyof typeof plan.participantsOf] ?? [];
        const projectId = await ensureProject(tx, {
          ...provenance,
          programId,
          code: p.code,
          name: p.name,
          summary: p.summary,
          stage: p.stage,
          reached: p.reached,
          isPlaceholder: false,
          sourceNote,
          scenarios: p.scenarios,
          lead: idOf(p.lead),
          leadNote: p.leadNote,
          participants: [...p.participants, ...extra].map(idOf),
          technologyIds: p.technologies.map((t) => technologyIds.get(t)!),
        });
        await refreshProvenance(tx, p.code, provenance, sourceNote);
        for (const f of p.figures) {
          const indicatorId = indicatorIds.get(f.indicator)!;
          const asOf = day(bj.ARTICLE_AS_OF);
          await tx.metricValue.upsert({
            where: { projectId_indicatorId_asOf: { projectId, indicatorId, asOf } },
            create: { projectId, indicatorId, asOf, value: f.value, qualifier: f.qualifier ?? 'EXACT', source: 'article', sourceNote: f.quote },
            update: {},
          });
        }
      }

      for (const p of plan.projects) {
        await ensureProject(tx, {
          programId,
          directionId: null,
          directionInferred: false,
          directionNote: null,
          fieldId: null,
          fieldInferred: false,
          fieldNote: null,
          stageInferred: true,
          stageNote: p.stageNote,
          code: p.code,
          name: p.name,
          summary: '',
          stage: p.stage,
          reached: { by: bj.ARTICLE_AS_OF, inferred: false, note: `占位：实际日期未公开；公开总数表明截至 ${bj.ARTICLE_AS_OF} 已达到该阶段。` },
          isPlaceholder: true,
          sourceNote: '占位记录：该试点项目未公开，名称与机构均为填充，仅用于使总数与公开数字一致；其方向、领域与日期未公开。',
          scenarios: [],
          lead: idOf(p.lead),
          participants: p.participants.map(idOf),
          technologyIds: [],
        });
      }
      return { programId };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
