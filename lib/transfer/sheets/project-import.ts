import 'server-only';
/**
 * Importing projects: every row is checked against the file and the database
 * (dry run), and written only when no row has a problem, in one transaction.
 * Existing project codes are refused, never overwritten: an import adds projects.
 */
import type { DbTransaction } from '../../server/db';
import type { ReadRow } from '../tabular/read';
import { inChunks } from './batches';
import type { BoundedDay } from './cells';
import { headerIn, parseRows, type Problem } from './problems';
import { projectColumns, projectRowSchema, type ProjectRow } from './projects';

type Tx = DbTransaction;
type Resolved = ProjectRow & {
  programId: number;
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
    select: { id: true, code: true, directions: { select: { id: true, code: true, fields: { select: { id: true, code: true } } } } },
  });
  const institutions = await tx.institution.findMany({ where: { name: { in: names } }, select: { id: true, name: true } });
  const technologies = await tx.technology.findMany({ select: { id: true, name: true } });
  const taken = new Set(existing.map((e) => e.code));
  const programByCode = new Map(programs.map((p) => [p.code, p]));
  const institutionId = new Map(institutions.map((i) => [i.name, i.id]));
  const technologyId = new Map(technologies.map((t) => [t.name, t.id]));
  const seen = new Map<string, number>();

  const ready: Resolved[] = [];
  for (const { line, row } of parsed) {
    const bad = (key: string, code: string) => problems.push({ line, column: header(key), code });
    const before = problems.length;
    if (seen.has(row.code)) bad('code', 'DUPLICATE_IN_FILE');
    seen.set(row.code, line);
    if (taken.has(row.code)) bad('code', 'EXISTS');
    const program = programByCode.get(row.program);
    if (!program) bad('program', 'UNKNOWN_PROGRAM');
    // An empty direction or field is 「未公开」; a field belongs to the direction given, or gives its own.
    const direction = row.direction ? program?.directions.find((d) => d.code === row.direction) : undefined;
    if (program && row.direction && !direction) bad('direction', 'UNKNOWN_DIRECTION');
    const fieldOwner = row.field ? program?.directions.find((d) => d.fields.some((f) => f.code === row.field)) : undefined;
    const field = fieldOwner?.fields.find((f) => f.code === row.field);
    if (program && row.field && (!field || (direction && fieldOwner !== direction))) bad('field', 'UNKNOWN_FIELD');
    const leadId = institutionId.get(row.lead);
    if (leadId === undefined) bad('lead', 'UNKNOWN_INSTITUTION');
    const participantIds = row.participants.map((n) => institutionId.get(n));
    if (participantIds.includes(undefined)) bad('participants', 'UNKNOWN_INSTITUTION');
    if (row.participants.includes(row.lead) || new Set(row.participants).size !== row.participants.length) bad('participants', 'DUPLICATE_IN_FILE');
    const technologyIds = row.technologies.map((n) => technologyId.get(n));
    if (technologyIds.includes(undefined)) bad('technologies', 'UNKNOWN_TECHNOLOGY');
    if (problems.length === before && program && leadId !== undefined) {
      ready.push({
        ...row,
        programId: program.id,
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
        stage: p.stage,
        stageInferred: p.stageInferred,
        stageNote: p.stageNote || null,
        approvedAt: p.approvedAt.date,
        onlineAt: p.onlineAt?.date ?? null,
        promotionAt: p.promotionAt?.date ?? null,
        completedAt: p.completedAt?.date ?? null,
        withdrawnAt: p.withdrawnAt?.date ?? null,
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
  const steps = rows.flatMap((p) => {
    const history = (
      [
        ['APPROVED', p.approvedAt],
        ['ONLINE', p.onlineAt],
        ['PROMOTION', p.promotionAt],
        ['COMPLETED', p.completedAt],
        ['WITHDRAWN', p.withdrawnAt],
      ] as const
    ).filter((h): h is [(typeof h)[0], BoundedDay] => h[1] !== null);
    return history.map(([toStage, when], i) => ({
      projectId: p.projectId,
      fromStage: i === 0 ? null : history[i - 1][0],
      toStage,
      effectiveDate: when.date,
      datePrecision: when.precision,
      notBefore: when.notBefore,
      note: '由表格导入',
    }));
  });
  await inChunks(steps, async (data) => [await tx.stageChange.createMany({ data })]);
  return created;
}
