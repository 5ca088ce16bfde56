import 'server-only';
/**
 * The overdue board's read model: for one program, template and period, every
 * project that owes the return (lib/rules/returns.ts: owesSql) with where its
 * return stands (returnStateSql), the counts, and completeness by lead
 * institution and by direction. Computed from the schedules and the stored
 * returns on the day asked about, aggregated in SQL, scoped to what the actor
 * may read.
 */
import { Prisma } from '../generated/prisma/client';
import { projectReadScopeSql, type Actor } from '../rules/authz';
import type { FilterNotice } from '../rules/filters';
import type { BoardQuery, BoardState } from '../rules/return-board-query';
import { schedulePeriods, type ReturnFrequency, type ReturnPeriod, type ReturnState } from '../rules/returns';
import { owesSql, returnStateSql } from '../rules/returns-sql';
import { formatDay, todayInBeijing } from '../rules/time';
import { sql } from '../server/db';
import { resolveFilters, type ProgramSummary } from './filter-targets';
import { listProgramTemplates, type ProgramTemplate } from './return-templates';

export type BoardCounts = {
  total: number;
  due: number;
  filed: number;
  accepted: number;
  returned: number;
  late: number;
  missing: number;
  open: number;
  notDue: number;
};
export type BoardRow = {
  id: number;
  code: string;
  name: string;
  directionCode: string | null;
  directionName: string | null;
  directionNameEn: string | null;
  leadId: number | null;
  leadName: string | null;
  returnId: number | null;
  state: ReturnState;
  late: boolean;
  due: Date;
  firstSubmittedAt: Date | null;
  isSample: boolean;
};
export type BoardGroup = BoardCounts & { key: string; name: string; nameEn: string };

/** The periods a template's schedules have made owed by `today` (and the one under way), newest first. */
export function templatePeriods(template: ProgramTemplate, today: Date): ReturnPeriod[] {
  const byKey = new Map<string, ReturnPeriod>();
  for (const s of template.schedules) for (const p of schedulePeriods(s, today, { current: true })) byKey.set(p.key, p);
  return [...byKey.values()].sort((a, b) => b.to.getTime() - a.to.getTime() || a.frequency.localeCompare(b.frequency));
}

/** The schedules in force of a template over a period. */
function schedulesSql(templateId: number, period: ReturnPeriod): Prisma.Sql {
  const frequency: ReturnFrequency = period.frequency;
  return Prisma.sql`
    SELECT id, "dueDays", "stageCodes" FROM "ReturnSchedule"
    WHERE "templateId" = ${templateId} AND frequency = ${frequency}::"ReturnFrequency" AND "retiredAt" IS NULL
      AND "startsOn" <= ${formatDay(period.to)}::date AND ("endsOn" IS NULL OR "endsOn" >= ${formatDay(period.from)}::date)`;
}

/** How many placeholder projects the actor reads would owe the return were they named: left out of the board, and said so. */
function placeholdersSql(actor: Actor, programId: number, templateId: number, period: ReturnPeriod): Prisma.Sql {
  return Prisma.sql`
    WITH sched AS (${schedulesSql(templateId, period)})
    SELECT COUNT(DISTINCT p.id)::int AS count
    FROM "Project" p JOIN "LifecycleStage" st ON st.id = p."stageId"
    JOIN sched s ON ${owesSql({ programId, period, stageCodes: Prisma.sql`s."stageCodes"`, placeholders: true })}
    WHERE ${projectReadScopeSql(actor, 'p')}`;
}

/** The board's base rows: the owed projects of the period with their state, before the view's filters. */
function boardSql(actor: Actor, programId: number, templateId: number, period: ReturnPeriod, today: Date): Prisma.Sql {
  const { state, late, due } = returnStateSql({
    period,
    today,
    status: Prisma.sql`r.status`,
    firstSubmittedAt: Prisma.sql`r."firstSubmittedAt"`,
    dueDays: Prisma.sql`o."dueDays"`,
  });
  return Prisma.sql`
    WITH sched AS (${schedulesSql(templateId, period)}), owed AS (
      SELECT DISTINCT ON (p.id) p.id, p.code, p.name, p."directionId", s."dueDays"
      FROM "Project" p JOIN "LifecycleStage" st ON st.id = p."stageId"
      JOIN sched s ON ${owesSql({ programId, period, stageCodes: Prisma.sql`s."stageCodes"` })}
      WHERE ${projectReadScopeSql(actor, 'p')}
      ORDER BY p.id, s.id
    )
    SELECT o.id, o.code, o.name, d.code AS "directionCode", d.name AS "directionName", d."nameEn" AS "directionNameEn",
      lead.id AS "leadId", lead.name AS "leadName", r.id AS "returnId", COALESCE(r."isSample", FALSE) AS "isSample",
      r."firstSubmittedAt", ${state} AS state, ${late} AS late, ${due} AS due
    FROM owed o
    LEFT JOIN "Direction" d ON d.id = o."directionId"
    LEFT JOIN LATERAL (
      SELECT i.id, i.name FROM "ProjectInstitution" pi JOIN "Institution" i ON i.id = pi."institutionId"
      WHERE pi."projectId" = o.id AND pi.role = 'LEAD' ORDER BY i.id LIMIT 1
    ) lead ON TRUE
    LEFT JOIN "Return" r ON r."projectId" = o.id AND r."templateId" = ${templateId} AND r.period = ${period.key}`;
}

type View = { direction?: string; institution?: number; state?: BoardState };

function viewWhere(view: View, withState: boolean): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (view.direction) parts.push(Prisma.sql`"directionCode" = ${view.direction}`);
  if (view.institution) parts.push(Prisma.sql`"leadId" = ${view.institution}`);
  if (withState && view.state === 'LATE') parts.push(Prisma.sql`late AND state <> 'MISSING'`);
  else if (withState && view.state) parts.push(Prisma.sql`state = ${view.state}`);
  return Prisma.join(parts, ' AND ');
}

const COUNTS = Prisma.sql`
  COUNT(*)::int AS total,
  (COUNT(*) FILTER (WHERE state <> 'NOT_DUE'))::int AS due,
  (COUNT(*) FILTER (WHERE state IN ('SUBMITTED', 'RETURNED', 'ACCEPTED')))::int AS filed,
  (COUNT(*) FILTER (WHERE state = 'ACCEPTED'))::int AS accepted,
  (COUNT(*) FILTER (WHERE state = 'RETURNED'))::int AS returned,
  (COUNT(*) FILTER (WHERE late AND state <> 'MISSING'))::int AS late,
  (COUNT(*) FILTER (WHERE state = 'MISSING'))::int AS missing,
  (COUNT(*) FILTER (WHERE state = 'OPEN'))::int AS open,
  (COUNT(*) FILTER (WHERE state = 'NOT_DUE'))::int AS "notDue"`;

type GroupRow = BoardCounts & { byLead: number; byDirection: number; key: string | null; name: string | null; nameEn: string | null };

/** Rows and aggregates of one board view; `today` is Beijing's unless a test names another day. */
export async function boardFigures(options: { actor: Actor; programId: number; templateId: number; period: ReturnPeriod; view?: View; today?: Date }) {
  const { actor, programId, templateId, period } = options;
  const view = options.view ?? {};
  const today = options.today ?? todayInBeijing();
  const base = boardSql(actor, programId, templateId, period, today);
  const [rows, [totals], groups, [placeholders]] = await Promise.all([
    sql<BoardRow>(Prisma.sql`SELECT * FROM (${base}) b WHERE ${viewWhere(view, true)} ORDER BY code`),
    // The counts follow the view's institution and direction (the state filter narrows the list, not the counts) ...
    sql<BoardCounts>(Prisma.sql`SELECT ${COUNTS} FROM (${base}) b WHERE ${viewWhere(view, false)}`),
    // ... and completeness is always the whole program's, by lead institution and by direction, in one statement.
    sql<GroupRow>(Prisma.sql`
      SELECT GROUPING("leadId") = 0 AS "byLead", GROUPING("directionCode") = 0 AS "byDirection",
        COALESCE("leadId"::text, "directionCode") AS key,
        CASE WHEN GROUPING("leadId") = 0 THEN MAX("leadName") ELSE MAX("directionName") END AS name,
        CASE WHEN GROUPING("leadId") = 0 THEN MAX("leadName") ELSE MAX("directionNameEn") END AS "nameEn", ${COUNTS}
      FROM (${base}) b
      GROUP BY GROUPING SETS (("leadId"), ("directionCode"))`),
    sql<{ count: number }>(placeholdersSql(actor, programId, templateId, period)),
  ]);
  const EMPTY: BoardCounts = { total: 0, due: 0, filed: 0, accepted: 0, returned: 0, late: 0, missing: 0, open: 0, notDue: 0 };
  const group = (g: GroupRow): BoardGroup => {
    const { total, due, filed, accepted, returned, late, missing, open, notDue } = g;
    return { key: g.key ?? '', name: g.name ?? '', nameEn: g.nameEn ?? '', total, due, filed, accepted, returned, late, missing, open, notDue };
  };
  const byName = (a: BoardGroup, b: BoardGroup) => a.name.localeCompare(b.name, 'zh');
  return {
    today,
    rows,
    counts: totals ?? EMPTY,
    /** Placeholder projects that would owe the return: nobody can file for them, so they are counted here, not above. */
    placeholders: placeholders?.count ?? 0,
    byInstitution: groups
      .filter((g) => g.byLead)
      .map(group)
      .sort(byName),
    byDirection: groups
      .filter((g) => g.byDirection)
      .map(group)
      .sort(byName),
  };
}

/**
 * The whole board of a URL: the program (the first the actor may read when none
 * is named), the template (by code, else the first), the period (by key, else
 * the latest that has ended), with a notice for each value dropped. Null when the
 * actor may not open the program (the page answers 404).
 */
export async function getReturnBoard(options: { actor: Actor; query: BoardQuery; notices?: FilterNotice[]; today?: Date }) {
  const { actor, query } = options;
  const notices = [...(options.notices ?? [])];
  const unknown = (key: string, value: string) => notices.push({ key, value, values: [value], reason: 'unknown' });
  const resolved = await resolveFilters({ filters: { program: query.program }, actor });
  if (!resolved) return null;
  notices.push(...resolved.notices);
  const program: ProgramSummary = resolved.program;
  const today = options.today ?? todayInBeijing();
  const templates = await listProgramTemplates({ actor, programId: program.id });
  const named = query.template ? templates.find((t) => t.code === query.template) : undefined;
  if (query.template && !named) unknown('template', query.template);
  const template = named ?? templates[0];
  if (!template) return { program, lifecycle: resolved.lifecycle, templates, template: null, notices, periods: [], period: null, figures: null };
  const periods = templatePeriods(template, today);
  const asked = query.period ? periods.find((p) => p.key === query.period) : undefined;
  if (query.period && !asked) unknown('period', query.period);
  const period = asked ?? periods.find((p) => p.to < today) ?? periods[0] ?? null;
  const view: View = { direction: query.direction, institution: query.institution, state: query.state };
  const figures = period ? await boardFigures({ actor, programId: program.id, templateId: template.id, period, view, today }) : null;
  return { program, lifecycle: resolved.lifecycle, templates, template, notices, periods, period, figures };
}
export type ReturnBoard = NonNullable<Awaited<ReturnType<typeof getReturnBoard>>>;
