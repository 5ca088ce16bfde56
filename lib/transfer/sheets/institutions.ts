/** The institution sheet: export, template and import share these columns. */
import { z } from 'zod';
import type { DbTransaction } from '../../server/db';
import type { Prisma } from '../../generated/prisma/client';
import { agreed, codedCell, labelOf } from '../labels';
import type { Column } from '../tabular/columns';
import type { ReadRow } from '../tabular/read';
import { inChunks } from './batches';
import { joinList, orEmpty, required, text, yesNo } from './cells';
import { headerIn, parseRows, type Problem } from './problems';

type Tx = DbTransaction;

export const institutionSelect = {
  id: true,
  name: true,
  shortName: true,
  kind: true,
  kindInferred: true,
  licensed: true,
  isPlaceholder: true,
  sourceNote: true,
  editedFields: true,
  retiredAt: true,
  _count: { select: { projects: true } },
} satisfies Prisma.InstitutionSelect;

export type InstitutionSheetRow = Prisma.InstitutionGetPayload<{ select: typeof institutionSelect }>;

const licensedText = (v: boolean | null) => (v === null ? '' : v);

export const institutionColumns: Column<InstitutionSheetRow>[] = [
  { key: 'name', zh: '机构名称', en: 'Name', value: (i) => i.name },
  { key: 'shortName', zh: '简称', en: 'Short name', value: (i) => i.shortName ?? '', optional: true },
  { key: 'kind', zh: '机构类型', en: 'Kind', value: (i, c) => (i.kind ? labelOf('kind', i.kind, c.locale) : ''), choices: { list: 'kind' } },
  { key: 'kindCode', zh: '机构类型代码', en: 'Kind code', value: (i) => i.kind ?? '', machine: true },
  { key: 'kindInferred', zh: '类型为推断', en: 'Kind inferred', value: (i) => i.kindInferred, optional: true, choices: { yesNo: true } },
  { key: 'licensed', zh: '持牌', en: 'Licensed', value: (i) => licensedText(i.licensed), choices: { yesNo: true } },
  { key: 'isPlaceholder', zh: '占位记录', en: 'Placeholder', value: (i) => i.isPlaceholder, choices: { yesNo: true } },
  { key: 'sourceNote', zh: '数据来源', en: 'Provenance', value: (i) => i.sourceNote ?? '' },
  { key: 'projects', zh: '参与项目数', en: 'Projects', value: (i) => i._count.projects, readOnly: true },
  { key: 'editedFields', zh: '由平台用户修改的字段', en: 'Fields edited in the portal', value: (i) => joinList(i.editedFields), readOnly: true },
  { key: 'retiredAt', zh: '停用时间', en: 'Retired at', value: (i) => i.retiredAt, readOnly: true },
];

export const institutionRowSchema = z
  .object({
    name: required(200),
    shortName: orEmpty(text(50)),
    // A label in either language or the code; empty means the record does not say (未公开).
    kind: codedCell('kind'),
    kindCode: orEmpty(codedCell('kind')),
    kindInferred: orEmpty(yesNo),
    // Empty means the record does not say.
    licensed: z.union([z.literal('').transform(() => null), yesNo]),
    isPlaceholder: yesNo,
    sourceNote: text(2000),
  })
  .superRefine((row, ctx) => {
    if (agreed(row.kind, row.kindCode).mismatch) ctx.addIssue({ code: 'custom', path: ['kind'], message: 'CODE_MISMATCH' });
  })
  .transform(({ kindCode, ...row }) => ({ ...row, kind: kindCode ?? row.kind, shortName: row.shortName || null }));

type Ready = z.output<typeof institutionRowSchema>;
const header = headerIn(institutionColumns);

export async function checkInstitutionRows(tx: Tx, rows: ReadRow[]): Promise<{ problems: Problem[]; ready: Ready[] }> {
  const { problems, parsed } = parseRows(rows, institutionRowSchema, header);
  const existing = new Set(
    (await tx.institution.findMany({ where: { name: { in: parsed.map((p) => p.row.name) } }, select: { name: true } })).map((i) => i.name),
  );
  const seen = new Set<string>();
  const ready: Ready[] = [];
  for (const { line, row } of parsed) {
    if (seen.has(row.name)) problems.push({ line, column: header('name'), code: 'DUPLICATE_IN_FILE' });
    else if (existing.has(row.name)) problems.push({ line, column: header('name'), code: 'EXISTS' });
    else ready.push(row);
    seen.add(row.name);
  }
  return { problems, ready };
}

export async function writeInstitutions(tx: Tx, ready: Ready[]): Promise<{ id: number; name: string }[]> {
  return inChunks(ready, (chunk) =>
    tx.institution.createManyAndReturn({ data: chunk.map((r) => ({ ...r, sourceNote: r.sourceNote || null })), select: { id: true, name: true } }),
  );
}
