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
  const fieldIds: number[] = [];
  const fieldIdByName = new Map<string, number>();
  for (const [d, direction] of bj.directions.entries()) {
    const dir = await tx.direction.upsert({
      where: { programId_code: { programId: row.id, code: direction.code } },
      create: { programId: row.id, code: direction.code, name: direction.name, nameEn: direction.nameEn, sortOrder: d + 1 },
      update: { name: direction.name, nameEn: direction.nameEn, sortOrder: d + 1 },
    });
    for (const [f, [name, nameEn]] of direction.fields.entries()) {
      const code = `${direction.code}-${f + 1}`;
      const field = await tx.field.upsert({
        where: { directionId_code: { directionId: dir.id, code } },
        create: { directionId: dir.id, code, name, nameEn, sortOrder: f + 1 },
        update: { name, nameEn, sortOrder: f + 1 },
      });
      fieldIds.push(field.id);
      fieldIdByName.set(`${direction.code}/${name}`, field.id);
    }
  }
  return { programId: row.id, fieldIds, fieldIdByName };
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

type NewInstitution = { name: string; kind: `${InstitutionKind}`; licensed: boolean | null; isPlaceholder: boolean };

async function ensureInstitution(tx: Tx, data: NewInstitution) {
  const sourceNote = data.isPlaceholder ? '占位记录：机构名称未公开，仅用于使参与机构总数与公开数字一致。' : `见于${bj.ARTICLE}`;
  return tx.institution.upsert({ where: { name: data.name }, create: { ...data, sourceNote }, update: {} });
}

type NewProject = {
  programId: number;
  fieldId: number;
  code: string;
  name: string;
  summary: string;
  fieldInferred: boolean;
  stage: `${ProjectStage}`;
  isPlaceholder: boolean;
  sourceNote: string;
  scenarios: string[];
  lead: number;
  participants: number[];
  technologyIds: number[];
};

/** Creates a project with its links and its known stage history, unless it exists already. */
async function ensureProject(tx: Tx, p: NewProject): Promise<number> {
  const existing = await tx.project.findUnique({ where: { code: p.code }, select: { id: true } });
  if (existing) return existing.id;
  const reached = STAGE_PATH.slice(0, STAGE_PATH.indexOf(p.stage) + 1);
  const approvedAt = day(bj.LIST_APPROVED_ON);
  // The record says these stages were reached by the article's date, not on which day.
  const reachedBy = day(bj.ARTICLE_AS_OF);
  const created = await tx.project.create({
    data: {
      programId: p.programId,
      fieldId: p.fieldId,
      code: p.code,
      name: p.name,
      summary: p.summary,
      fieldInferred: p.fieldInferred,
      stage: p.stage,
      isPlaceholder: p.isPlaceholder,
      sourceNote: p.sourceNote,
      scenarios: p.scenarios,
      approvedAt,
      onlineAt: reached.includes('ONLINE') ? reachedBy : null,
      promotionAt: reached.includes('PROMOTION') ? reachedBy : null,
      institutions: {
        create: [{ institutionId: p.lead, role: 'LEAD' }, ...p.participants.map((institutionId) => ({ institutionId, role: 'PARTICIPANT' as const }))],
      },
      technologies: { create: p.technologyIds.map((technologyId) => ({ technologyId })) },
      stageChanges: {
        create: reached.map((toStage, i) => ({
          fromStage: i === 0 ? null : reached[i - 1],
          toStage,
          effectiveDate: i === 0 ? approvedAt : reachedBy,
          dateApprox: i > 0,
          note:
            i === 0
              ? `试点项目名单批准（${bj.LIST_APPROVAL_SOURCE}）`
              : p.isPlaceholder
                ? `占位：实际日期未公开，按不晚于 ${bj.ARTICLE_AS_OF} 记`
                : `${bj.ARTICLE}：截至发稿已达到该阶段，具体日期未公开`,
        })),
      },
    },
    select: { id: true },
  });
  return created.id;
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
      const { programId, fieldIds, fieldIdByName } = await upsertProgram(tx);
      await upsertCatalogues(tx);
      const technologyIds = new Map((await tx.technology.findMany()).map((t) => [t.name, t.id]));
      const indicatorIds = new Map((await tx.indicator.findMany()).map((i) => [i.code, i.id]));

      const institutionIds = new Map<string, number>();
      for (const inst of bj.institutions) {
        institutionIds.set(inst.name, (await ensureInstitution(tx, { ...inst, isPlaceholder: false })).id);
      }
      const plan = placeholderPlan(fieldIds.length);
      for (const name of plan.institutionNames) {
        institutionIds.set(name, (await ensureInstitution(tx, { name, kind: 'OTHER', licensed: null, isPlaceholder: true })).id);
      }
      const idOf = (name: string) => {
        const id = institutionIds.get(name);
        if (id === undefined) throw new Error(`Seed data names an unknown institution: ${name}`);
        return id;
      };

      for (const p of bj.projects) {
        const fieldId = fieldIdByName.get(`${p.direction}/${p.field}`);
        if (fieldId === undefined) throw new Error(`Seed data puts ${p.code} in an unknown field: ${p.direction}/${p.field}`);
        const extra = plan.participantsOf[p.code as keyof typeof plan.participantsOf] ?? [];
        const projectId = await ensureProject(tx, {
          programId,
          fieldId,
          code: p.code,
          name: p.name,
          summary: p.summary,
          fieldInferred: p.fieldInferred,
          stage: p.stage,
          isPlaceholder: false,
          sourceNote: `${bj.ARTICLE}。${p.sourceNote}`,
          scenarios: p.scenarios,
          lead: idOf(p.lead),
          participants: [...p.participants, ...extra].map(idOf),
          technologyIds: p.technologies.map((t) => technologyIds.get(t)!),
        });
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
          fieldId: fieldIds[p.fieldIndex],
          code: p.code,
          name: p.name,
          summary: '',
          fieldInferred: true,
          stage: p.stage,
          isPlaceholder: true,
          sourceNote: '占位记录：该试点项目未公开，名称、领域、机构与日期均为填充，仅用于使总数与公开数字一致。',
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
