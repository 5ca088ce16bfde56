/**
 * Loads the Beijing pilot into a database. Idempotent: reference data (lifecycle,
 * program, directions, fields, technologies, indicators) is brought up to date;
 * projects, institutions, their history and figures are created once and then
 * left as the portal's users have changed them. Runs in one transaction: all or nothing.
 */
import type { PrismaClient } from '../lib/server/prisma';
import * as bj from './beijing-pilot';
import { day, ensureInstitution, ensureProject, upsertLifecycle, type HistoryEntry, type Provenance, type SeededLifecycle, type Tx } from './helpers';
import { PILOT } from './lifecycles';
import { placeholderPlan } from './placeholders';
import { ensureRubric, RUBRICS } from './rubrics';

/** The pilot's history: the list's approval, then each stage reached in a range that ends at its bound. */
function pilotHistory(stage: string, reached: bj.Reached): HistoryEntry[] {
  const path = ['APPROVED', 'ONLINE', 'PROMOTION'];
  return path
    .slice(0, path.indexOf(stage) + 1)
    .map((s, i) =>
      i === 0
        ? { stage: s, date: bj.LIST_APPROVED_ON, precision: 'DAY', inferred: false, note: `试点项目名单批准（${bj.LIST_APPROVAL_SOURCE}）` }
        : { stage: s, date: reached.by, precision: 'BETWEEN', notBefore: bj.LIST_APPROVED_ON, inferred: reached.inferred, note: reached.note },
    );
}

async function upsertProgram(tx: Tx, lifecycle: SeededLifecycle) {
  const { published, startDate, ...fields } = bj.program;
  const row = await tx.program.upsert({
    where: { code: bj.program.code },
    create: { ...fields, startDate: day(startDate), lifecycleId: lifecycle.id },
    update: { name: fields.name, nameEn: fields.nameEn, region: fields.region, lifecycleId: lifecycle.id },
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
    await upsertProgram(tx, await upsertLifecycle(tx, PILOT));
    await upsertCatalogues(tx);
  });
}

export async function seedBeijingPilot(prisma: PrismaClient): Promise<{ programId: number }> {
  return prisma.$transaction(
    async (tx) => {
      const lifecycle = await upsertLifecycle(tx, PILOT);
      const { programId, directionIds, fieldIdByName } = await upsertProgram(tx, lifecycle);
      await upsertCatalogues(tx);
      const technologyIds = new Map((await tx.technology.findMany()).map((t) => [t.name, t.id]));
      const indicatorIds = new Map((await tx.indicator.findMany()).map((i) => [i.code, i.id]));

      const institutionIds = new Map<string, number>();
      for (const inst of bj.institutions) {
        const sourceNote = `见于${bj.ARTICLE}；文章未说明其类型与是否持牌，类型依据机构名称归类。`;
        institutionIds.set(
          inst.name,
          (await ensureInstitution(tx, { name: inst.name, kind: inst.kind, kindInferred: true, isPlaceholder: false, sourceNote })).id,
        );
      }
      const plan = placeholderPlan();
      for (const name of plan.institutionNames) {
        const sourceNote = '占位记录：机构名称未公开，仅用于使参与机构总数与公开数字一致。';
        institutionIds.set(name, (await ensureInstitution(tx, { name, kind: null, kindInferred: false, isPlaceholder: true, sourceNote })).id);
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
          lifecycle,
          code: p.code,
          name: p.name,
          summary: p.summary,
          stage: p.stage,
          history: pilotHistory(p.stage, p.reached),
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
          lifecycle,
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
          history: pilotHistory(p.stage, {
            by: bj.ARTICLE_AS_OF,
            inferred: false,
            note: `占位：实际日期未公开；公开总数表明截至 ${bj.ARTICLE_AS_OF} 已达到该阶段。`,
          }),
          isPlaceholder: true,
          sourceNote: '占位记录：该试点项目未公开，名称与机构均为填充，仅用于使总数与公开数字一致；其方向、领域与日期未公开。',
          scenarios: [],
          lead: idOf(p.lead),
          participants: p.participants.map(idOf),
          technologyIds: [],
        });
      }
      await ensureRubric(tx, programId, RUBRICS[bj.program.code]);
      return { programId };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
