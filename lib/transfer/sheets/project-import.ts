import 'server-only';
/**
 * Importing projects: every row is checked against the file and the database
 * (dry run), and written only when no row has a problem, in one transaction.
 * Existing project codes are refused, never overwritten: an import adds projects.
 */
import type { DbTransaction } from '../../server/db';
import { todayInBeijing } from '../../rules/time';
import type { ReadRow } from '../tabular/read';
import { inChunks } from './batches';
import { headerIn, parseRows, type Problem } from './problems';
import { projectColumns, projectRowSchema, type ProjectRow } from './projects';
import { checkTransition, firstStage, reachedOrderAfter, type Stage } from '../../rules/stages';
import { stageOf } from '../labels';
import { lifecycleSelect } from '../../data/lifecycles';

type Tx = DbTransaction;
type Resolved = ProjectRow & {
  programId: number;
  /** The history's stages, resolved in the program's lifecycle, and the furthest of the path reached. */
  stageIds: number[];
  reachedOrder: number;
  directionId: number | null;
  fieldId: number | null;
  leadId: number;
  participantIds: number[];
  technologyIds: number[];
};

const header = headerIn(projectColumns);

/** Parses and resolves every row; returns the rows ready to write, or every problem found. */
export async function checkProjectRows(tx: Tx, rows: ReadRow[]): Promise<{ problems: Problem[]; ready: Resolved[] }> {
  const { problems, parsed } = parseRows(rows, projectRowSchema, header);

  const codes = parsed.map((p) => p.row.code);
  const names = [...new Set(parsed.flatMap((p) => [p.row.lead, ...p.row.participants]))];
  // One connection serves the whole transaction: its queries run one after another.
  const existing = await tx.project.findMany({ where: { code: { in: codes } }, select: { code: true } });
  const programs = await tx.program.findMany({
    where: { code: { in: [...new Set(parsed.map((p) => p.row.program))] } },
    select: {
      id: true,
      code: true,
      lifecycle: { select: lifecycleSelect },
      directions: { select: { id: true, code: true, fields: { select: { id: true, code: true } } } },
    },
  });
  const institutions = await tx.institution.findMany({ where: { name: { in: names } }, select: { id: true, name: true, retiredAt: true } });
  const technologies = await tx.technology.findMany({ select: { id: true, name: true, retiredAt: true } });
  const taken = new Set(existing.map((e) => e.code));
  const programByCode = new Map(programs.map((p) => [p.code, p]));
  const institutionId = new Map(institutions.map((i) => [i.name, i.id]));
  const technologyId = new Map(technologies.map((t) => [t.name, t.id]));
  // Retired institutions and technologies keep their history but join no new project.
  const retiredNames = (rows: { name: string; retiredAt: Date | null }[]) => new Set(rows.flatMap((r) => (r.retiredAt ? [r.name] : [])));
  const [retiredInstitutions, retiredTechnologies] = [retiredNames(institutions), retiredNames(technologies)];
  const seen = new Map<string, number>();
  const today = todayInBeijing();

  const ready: Resolved[] = [];
  for (const { line, row } of parsed) {
    const bad = (key: string, code: string) => problems.push({ line, column: header(key), code });
    const before = problems.length;
    if (seen.has(row.code)) bad('code', 'DUPLICATE_IN_FILE');
    seen.set(row.code, line);
    if (taken.has(row.code)) bad('code', 'EXISTS');
    // No stage was entered after today (Beijing's today): a typo such as 2030 for 2020, the approval's above all.
    if (row.history.some((h) => h.date.date.getTime() > today.getTime())) bad('history', 'FUTURE');
    const program = programByCode.get(row.program);
    if (!program) bad('program', 'UNKNOWN_PROGRAM');
    // An empty direction or field is 「未公开」; a field belongs to the direction given, or gives its own.
    const direction = row.direction ? program?.directions.find((d) => d.code === row.direction) : undefined;
    if (program && row.direction && !direction) bad('direction', 'UNKNOWN_DIRECTION');
    const fieldOwner = row.field ? program?.directions.find((d) => d.fields.some((f) => f.code === row.field)) : undefined;
    const field = fieldOwner?.fields.find((f) => f.code === row.field);
    if (program && row.field && (!field || (direction && fieldOwner !== direction))) bad('field', 'UNKNOWN_FIELD');
    // The history follows the program's lifecycle: from its first stage, one allowed move at a time.
    const lifecycle = program?.lifecycle;
    // A stage by its code or its name in either language; the name and the code column, both given, must agree.
    const stages = lifecycle ? row.history.map((h) => stageOf(lifecycle, h.stage)) : [];
    const [byName, byCode] = lifecycle ? [row.stage, row.stageCode].map((v) => (v ? stageOf(lifecycle, v) : undefined)) : [];
    const current = byCode ?? byName;
    if (lifecycle && ((row.stage && !byName) || (row.stageCode && !byCode))) bad('stage', 'UNKNOWN_STAGE');
    else if (byName && byCode && byName.id !== byCode.id) bad('stage', 'CODE_MISMATCH');
    else if (lifecycle && (stages.includes(undefined) || stages[0]?.id !== firstStage(lifecycle).id)) bad('history', 'HISTORY');
    else if (lifecycle && stages.some((st, i) => i > 0 && !checkTransition(lifecycle, stages[i - 1]!.id, st!.id).ok)) bad('history', 'HISTORY_MOVE');
    // The history ends in the current stage.
    else if (current && stages.at(-1)?.id !== current.id) bad('history', 'HISTORY_STAGE');
    const leadId = institutionId.get(row.lead);
    if (leadId === undefined) bad('lead', 'UNKNOWN_INSTITUTION');
    else if (retiredInstitutions.has(row.lead)) bad('lead', 'INSTITUTION_RETIRED');
    const participantIds = row.participants.map((n) => institutionId.get(n));
    if (participantIds.includes(undefined)) bad('participants', 'UNKNOWN_INSTITUTION');
    else if (row.participants.some((n) => retiredInstitutions.has(n))) bad('participants', 'INSTITUTION_RETIRED');
    if (row.participants.includes(row.lead) || new Set(row.participants).size !== row.participants.length) bad('participants', 'DUPLICATE_IN_FILE');
    const technologyIds = row.technologies.map((n) => technologyId.get(n));
    if (technologyIds.includes(undefined)) bad('technologies', 'UNKNOWN_TECHNOLOGY');
    else if (row.technologies.some((n) => retiredTechnologies.has(n))) bad('technologies', 'TECHNOLOGY_RETIRED');
    if (problems.length === before && program && leadId !== undefined) {
      const resolved = stages as Stage[];
      ready.push({
        ...row,
        programId: program.id,
        stageIds: resolved.map((st) => st.id),
        reachedOrder: resolved.reduce((n, st) => reachedOrderAfter(n, st), 0),
        directionId: (direction ?? fieldOwner)?.id ?? null,
        fieldId: field?.id ?? null,
        leadId,
        participantIds: participantIds as number[],
        technologyIds: technologyIds as number[],
      });
    }
  }
  return { problems, ready };
}

/** Writes checked rows: projects, then their institutions, technologies and stage history, a statement per table. Returns the new ids. */
export async function writeProjects(tx: Tx, ready: Resolved[]): Promise<{ id: number; code: string }[]> {
  const created = await inChunks(ready, (chunk) =>
    tx.project.createManyAndReturn({
      select: { id: true, code: true },
      data: chunk.map((p) => ({
        code: p.code,
        name: p.name,
        summary: p.summary,
        programId: p.programId,
        directionId: p.directionId,
        directionInferred: p.directionInferred,
        directionNote: p.directionNote || null,
        fieldId: p.fieldId,
        fieldInferred: p.fieldInferred,
        fieldNote: p.fieldNote || null,
        stageId: p.stageIds[p.stageIds.length - 1],
        reachedOrder: p.reachedOrder,
        stageInferred: p.stageInferred,
        stageNote: p.stageNote || null,
        approvedAt: p.history[0].date.date,
        scenarios: p.scenarios,
        isPlaceholder: p.isPlaceholder,
        sourceNote: p.sourceNote || null,
      })),
    }),
  );
  const idOf = new Map(created.map((c) => [c.code, c.id]));
  const rows = ready.map((p) => ({ ...p, projectId: idOf.get(p.code)! }));
  const members = rows.flatMap((p) => [
    { projectId: p.projectId, institutionId: p.leadId, role: 'LEAD' as const },
    ...p.participantIds.map((institutionId) => ({ projectId: p.projectId, institutionId, role: 'PARTICIPANT' as const })),
  ]);
  await inChunks(members, async (data) => [await tx.projectInstitution.createMany({ data })]);
  const technologies = rows.flatMap((p) => p.technologyIds.map((technologyId) => ({ projectId: p.projectId, technologyId })));
  await inChunks(technologies, async (data) => [await tx.projectTechnology.createMany({ data })]);
  const steps = rows.flatMap((p) =>
    p.history.map((h, i) => ({
      projectId: p.projectId,
      fromStageId: i === 0 ? null : p.stageIds[i - 1],
      toStageId: p.stageIds[i],
      effectiveDate: h.date.date,
      datePrecision: h.date.precision,
      notBefore: h.date.notBefore,
      note: '由表格导入',
    })),
  );
  await inChunks(steps, async (data) => [await tx.stageChange.createMany({ data })]);
  return created;
}
