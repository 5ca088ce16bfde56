import 'server-only';
import type { Prisma } from '../generated/prisma/client';
import { asStatement, type Statement } from '../rules/statement';
import { db } from '../server/db';

/**
 * The public register: what the public record states about each program's
 * projects, for pages anyone may read without signing in. Every read here
 * names its columns explicitly and is its own: no internal read function is
 * reused, so nothing a signed-in page selects (users, audit, versions, drafts,
 * returns, incidents, warnings, comments) can reach a public page. Placeholders
 * are counted, never listed; retired records and synthetic programs are left
 * out. Results are plain values (dates as ISO text), so they can be cached.
 */

/** Metric values published by a public source: the only figures a public page shows per project. */
export const PUBLIC_METRIC_SOURCES = ['article'];

/** The projects of the public register: named, not retired, in a real program. */
const listed: Prisma.ProjectWhereInput = { isPlaceholder: false, retiredAt: null, program: { isSynthetic: false } };

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

const stageSelect = { code: true, name: true, nameEn: true, publicNotice: true } satisfies Prisma.LifecycleStageSelect;
const placementSelect = { name: true, nameEn: true } as const;
const changeSelect = {
  effectiveDate: true,
  datePrecision: true,
  notBefore: true,
  toStage: { select: stageSelect },
} satisfies Prisma.StageChangeSelect;

type ChangeRow = Prisma.StageChangeGetPayload<{ select: typeof changeSelect }>;
const asChange = (c: ChangeRow) => ({ stage: c.toStage, date: day(c.effectiveDate)!, precision: c.datePrecision, notBefore: day(c.notBefore) });
export type PublicStageChange = ReturnType<typeof asChange>;

const rowSelect = {
  code: true,
  name: true,
  directionInferred: true,
  fieldInferred: true,
  direction: { select: placementSelect },
  field: { select: placementSelect },
  stage: { select: stageSelect },
  institutions: {
    where: { institution: { isPlaceholder: false } },
    orderBy: [{ role: 'asc' }, { institution: { name: 'asc' } }],
    select: { role: true, institution: { select: { name: true } } },
  },
  stageChanges: { orderBy: [{ effectiveDate: 'desc' }, { id: 'desc' }], take: 1, select: changeSelect },
} satisfies Prisma.ProjectSelect;

type Row = Prisma.ProjectGetPayload<{ select: typeof rowSelect }>;

/** A project as a register row: placement only where the record states it (an inferred one is our reading, not the record's). */
function asRow(p: Row) {
  return {
    code: p.code,
    name: p.name,
    institutions: p.institutions.map((i) => ({ name: i.institution.name, role: i.role })),
    direction: p.direction && !p.directionInferred ? p.direction : null,
    field: p.field && !p.fieldInferred ? p.field : null,
    stage: p.stage,
    since: p.stageChanges[0] ? asChange(p.stageChanges[0]) : null,
  };
}
export type PublicProjectRow = ReturnType<typeof asRow>;

const programSelect = {
  code: true,
  name: true,
  nameEn: true,
  directionLabel: true,
  directionLabelEn: true,
  publishedFigures: { orderBy: [{ asOf: 'desc' }, { key: 'asc' }], select: { key: true, value: true, asOf: true, source: true } },
} satisfies Prisma.ProgramSelect;

/** Every real program with its register: listed projects, the count of those not yet public, and its published figures. */
export async function readPublicRegisters() {
  const programs = await db.program.findMany({ where: { isSynthetic: false }, orderBy: { id: 'asc' }, select: { id: true, ...programSelect } });
  return Promise.all(
    programs.map(async ({ id, publishedFigures, ...program }) => {
      const [projects, unpublished] = await Promise.all([
        db.project.findMany({ where: { ...listed, programId: id }, orderBy: { code: 'asc' }, select: rowSelect }),
        db.project.count({ where: { programId: id, isPlaceholder: true, retiredAt: null } }),
      ]);
      return {
        ...program,
        figures: publishedFigures.map((f) => ({ ...f, asOf: day(f.asOf)! })),
        projects: projects.map(asRow),
        unpublished,
      };
    }),
  );
}
export type PublicRegister = Awaited<ReturnType<typeof readPublicRegisters>>[number];

/** One program's register by code, or null. */
export async function readPublicRegister(code: string) {
  return (await readPublicRegisters()).find((p) => p.code === code) ?? null;
}

/**
 * A listed project's public page: its register row, stage history, published
 * figures with their source, and for an application with a public notice its
 * statement as frozen when it entered the notice, the notice period and the
 * published summaries of the public's feedback. Null for anything not listed.
 */
export async function readPublicProject(code: string) {
  const p = await db.project.findFirst({
    where: { ...listed, code },
    select: {
      ...rowSelect,
      id: true,
      stageInferred: true,
      program: { select: { code: true, name: true, nameEn: true, directionLabel: true, directionLabelEn: true } },
      stageChanges: { orderBy: [{ effectiveDate: 'asc' }, { id: 'asc' }], select: changeSelect },
      metricValues: {
        where: { source: { in: PUBLIC_METRIC_SOURCES } },
        orderBy: [{ indicator: { sortOrder: 'asc' } }, { asOf: 'asc' }],
        select: { asOf: true, value: true, qualifier: true, sourceNote: true, indicator: { select: { nameZh: true, nameEn: true, unit: true } } },
      },
    },
  });
  if (!p) return null;
  const history = p.stageChanges.map(asChange);
  const row = asRow({ ...p, stageChanges: p.stageChanges.slice(-1).reverse() });
  // A stage that is only the last one the record shows (stageInferred) is no open notice: the record does not say it still runs.
  const notice = await readNotice(p.id, history, !p.stageInferred);
  return {
    ...row,
    program: p.program,
    history,
    figures: p.metricValues.map((m) => ({ ...m, value: m.value.toString(), asOf: day(m.asOf)! })),
    notice,
  };
}
export type PublicProject = NonNullable<Awaited<ReturnType<typeof readPublicProject>>>;

/** The latest public notice of a project: its period (open while the record says the project is still in it), the frozen statement, and published feedback. */
async function readNotice(projectId: number, history: PublicStageChange[], current: boolean) {
  const at = history.findLastIndex((c) => c.stage.publicNotice);
  if (at < 0) return null;
  const [dossier, feedback] = await Promise.all([
    db.dossier.findFirst({
      where: { projectId, stage: { publicNotice: true } },
      orderBy: { number: 'desc' },
      select: { statement: true },
    }),
    db.publicFeedback.findMany({
      where: { projectId, status: { not: 'HIDDEN' }, summary: { not: null } },
      orderBy: { createdAt: 'asc' },
      select: { category: true, summary: true, createdAt: true },
    }),
  ]);
  const statement: Statement | null = dossier?.statement ? asStatement(dossier.statement) : null;
  return {
    from: history[at].date,
    until: history[at + 1]?.date ?? null,
    open: current && at === history.length - 1,
    statement,
    feedback: feedback.map((f) => ({ category: f.category, summary: f.summary ?? '', date: day(f.createdAt)! })),
  };
}

/** The codes of every listed project, for the sitemap. */
export async function listPublicProjectCodes() {
  return db.project.findMany({ where: listed, orderBy: { code: 'asc' }, select: { code: true } });
}

/** The latest stage changes of listed projects, newest first: the feed of changes and notices. */
export async function readPublicChanges(take = 100) {
  const rows = await db.stageChange.findMany({
    where: { project: listed },
    orderBy: [{ effectiveDate: 'desc' }, { id: 'desc' }],
    take,
    select: { id: true, ...changeSelect, project: { select: { code: true, name: true } } },
  });
  return rows.map((r) => ({ id: r.id, project: r.project, ...asChange(r) }));
}
export type PublicChange = Awaited<ReturnType<typeof readPublicChanges>>[number];
