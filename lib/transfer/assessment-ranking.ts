import 'server-only';
/**
 * The program-wide assessment ranking as xlsx or csv: the rows the /assessments
 * page shows the same reader (its scope applies), with each round's score and
 * whether the assessment is demo data.
 */
import type { Readable } from 'node:stream';
import { listAssessmentRanking, type RankingRow } from '../data/assessments';
import type { Actor } from '../rules/authz';
import type { Column } from './tabular/columns';
import { csvStream, xlsxStream } from './tabular/write';
import type { Format } from './transfers';
import type { CellContext, ExportMeta } from './tabular/columns';

const score = (v: number | null) => v;

export const rankingColumns: Column<RankingRow>[] = [
  { key: 'rank', zh: '名次', en: 'Rank', value: (r) => r.rank },
  { key: 'code', zh: '项目编号', en: 'Project code', value: (r) => r.code },
  { key: 'name', zh: '项目名称', en: 'Project name', value: (r) => r.name },
  { key: 'lead', zh: '牵头机构', en: 'Lead institution', value: (r) => r.lead },
  { key: 'total', zh: '综合得分', en: 'Overall score', value: (r) => score(r.total) },
  { key: 'self', zh: '机构自评', en: 'Self-assessment', value: (r) => score(r.rounds.SELF) },
  { key: 'regulator', zh: '监管评估', en: 'Regulator assessment', value: (r) => score(r.rounds.REGULATOR) },
  { key: 'expert', zh: '专家评审', en: 'Expert review', value: (r) => score(r.rounds.EXPERT) },
  { key: 'status', zh: '状态', en: 'Status', value: (r, c) => c.t(`assessmentStatus.${r.status}`) },
  { key: 'sample', zh: '示例数据', en: 'Demo data', value: (r) => r.isSample },
];

/** Streams the ranking of one program, as the actor may see it. */
export async function exportRanking(options: {
  actor: Actor;
  programId: number;
  format: Format;
  context: CellContext;
  meta: ExportMeta;
  sheetNames: { data: string; meta: string };
}): Promise<Readable> {
  const { rows } = await listAssessmentRanking({ actor: options.actor, programId: options.programId });
  async function* batches() {
    yield rows;
  }
  return options.format === 'csv'
    ? csvStream(options.meta, rankingColumns, batches(), options.context)
    : xlsxStream(options.meta, rankingColumns, batches(), options.context, options.sheetNames);
}
