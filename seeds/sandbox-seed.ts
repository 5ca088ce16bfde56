/**
 * Loads the Beijing sandbox into a database, as the pilot's seed does: its
 * lifecycle and program brought up to date, its applications and institutions
 * created once. Institutions both programs name (中国银联, 中关村银行) are one
 * record. Runs in one transaction: all or nothing.
 */
import type { PrismaClient } from '../lib/server/prisma';
import * as sb from './beijing-sandbox';
import { day, ensureInstitution, ensureProject, upsertLifecycle, type HistoryEntry, type Tx } from './helpers';
import { SANDBOX } from './lifecycles';
import { ensureRubric, RUBRICS } from './rubrics';

const noticeNote = (batch: 1 | 2 | 3) => `第${batch}批公示（${sb.SOURCES[`batch${batch}`]}）`;

/** What the record gives of an application's path, and no more: the stages between known ones are ranges, labelled as inferred. */
function history(app: { batch: 1 | 2 | 3; exited: boolean }): HistoryEntry[] {
  const notice = sb.NOTICE_DATES[app.batch];
  const entries: HistoryEntry[] = [
    { stage: 'APPLIED', date: notice, precision: 'ON_OR_BEFORE', inferred: false, note: '申报日期未公开：不晚于公示之日。' },
    { stage: 'NOTICE', date: notice, precision: 'DAY', inferred: false, note: noticeNote(app.batch) },
  ];
  if (app.batch === 1) {
    entries.push({
      stage: 'REGISTERED',
      date: sb.BATCH1_REGISTERED,
      precision: 'DAY',
      inferred: false,
      note: `第1批登记，面向用户运行（${sb.SOURCES.batch1}）`,
    });
  }
  if (!app.exited) return entries;
  if (app.batch !== 1) {
    entries.push({
      stage: 'REGISTERED',
      date: sb.EXIT_LIVE_BY,
      precision: 'BETWEEN',
      notBefore: notice,
      inferred: true,
      note: `登记日期未公开：在公示之后；出箱的应用均已运行6个月以上（${sb.SOURCES.exits}），故不晚于 ${sb.EXIT_LIVE_BY}（推断）。`,
    });
  }
  const registered = entries[entries.length - 1];
  const between = registered.precision === 'DAY' ? registered.date : (registered.notBefore ?? notice);
  for (const stage of ['END_REQUESTED', 'ASSESSMENT']) {
    entries.push({
      stage,
      date: sb.EXIT_DATE,
      precision: 'BETWEEN',
      notBefore: between,
      inferred: true,
      note: '日期未公开：依试点流程，在登记与完成测试之间（推断）。',
    });
  }
  entries.push({ stage: 'COMPLETED', date: sb.EXIT_DATE, precision: 'DAY', inferred: false, note: `完成测试，出箱（${sb.SOURCES.exits}）` });
  return entries;
}

/** An application still where the record last saw it: its stage is the last one known, marked as such. */
const lastKnown = (stage: string, date: string) =>
  `公开资料只记载到「${SANDBOX.stages.find((s) => s.code === stage)!.name}」（${date}）；此后的进展未公开，当前阶段按已知的最后阶段记录。`;

async function upsertProgram(tx: Tx) {
  const lifecycle = await upsertLifecycle(tx, SANDBOX);
  const { published, ...fields } = sb.program;
  const program = await tx.program.upsert({
    where: { code: sb.program.code },
    create: { ...fields, lifecycleId: lifecycle.id },
    update: { ...fields, lifecycleId: lifecycle.id },
  });
  for (const f of published) {
    const key = { programId: program.id, key: f.key, asOf: day(f.asOf) };
    await tx.publishedFigure.upsert({
      where: { programId_key_asOf: key },
      create: { ...key, value: f.value, source: f.source },
      update: { value: f.value, source: f.source },
    });
  }
  for (const [i, c] of sb.classes.entries()) {
    await tx.direction.upsert({
      where: { programId_code: { programId: program.id, code: c.code } },
      create: { programId: program.id, code: c.code, name: c.name, nameEn: c.nameEn, sortOrder: i + 1 },
      update: { name: c.name, nameEn: c.nameEn, sortOrder: i + 1 },
    });
  }
  for (const t of sb.technologies) await tx.technology.upsert({ where: { name: t.name }, create: t, update: { nameEn: t.nameEn, sourced: t.sourced } });
  return { programId: program.id, lifecycle };
}

export async function seedBeijingSandbox(prisma: PrismaClient): Promise<{ programId: number }> {
  return prisma.$transaction(
    async (tx) => {
      const { programId, lifecycle } = await upsertProgram(tx);
      const technologyIds = new Map((await tx.technology.findMany({ select: { id: true, name: true } })).map((t) => [t.name, t.id]));
      const institutionIds = new Map<string, number>();
      for (const name of new Set(sb.applications.flatMap((a) => a.institutions))) {
        const kind = sb.kindFromName(name);
        const sourceNote = `见于金融科技创新监管试点公示（${sb.SOURCES.batch1}；${sb.SOURCES.batch2}）；未说明其类型与是否持牌${kind ? '，类型依据机构名称归类' : ''}。`;
        institutionIds.set(name, (await ensureInstitution(tx, { name, kind, kindInferred: kind !== null, isPlaceholder: false, sourceNote })).id);
      }
      const unplaced = {
        directionId: null,
        directionInferred: false,
        directionNote: null,
        fieldId: null,
        fieldInferred: false,
        fieldNote: null,
      };
      for (const app of sb.applications) {
        const entries = history(app);
        const last = entries[entries.length - 1];
        const [lead, ...participants] = app.institutions.map((n) => institutionIds.get(n)!);
        await ensureProject(tx, {
          ...unplaced,
          stageInferred: !app.exited,
          stageNote: app.exited ? null : lastKnown(last.stage, last.date),
          programId,
          lifecycle,
          code: app.code,
          name: app.name,
          summary: '',
          stage: last.stage,
          history: entries,
          isPlaceholder: false,
          sourceNote: `金融科技创新监管试点第${app.batch}批公示（${app.batch === 1 ? sb.SOURCES.batch1 : sb.SOURCES.batch2}）${app.exited ? `；${sb.SOURCES.exits}` : ''}。公开资料未给出其类别（金融服务/科技产品）。`,
          scenarios: [],
          lead,
          leadNote: participants.length ? '公示列出多家机构，未说明申请主体：以首先列出的机构为牵头方，为推断。' : undefined,
          participants,
          technologyIds: app.technologies.map((t) => technologyIds.get(t)!),
        });
      }
      for (let n = 1; n <= sb.UNNAMED_BATCH3; n++) {
        const entries = history({ batch: 3, exited: false });
        await ensureProject(tx, {
          ...unplaced,
          stageInferred: true,
          stageNote: lastKnown('NOTICE', sb.NOTICE_DATES[3]),
          programId,
          lifecycle,
          code: sb.placeholderCode(n),
          name: sb.placeholderName(n),
          summary: '',
          stage: 'NOTICE',
          history: entries,
          isPlaceholder: true,
          sourceNote: `占位记录：第3批公示的应用名称未公开（${sb.SOURCES.batch3}：北京累计22个），仅用于使总数与公开数字一致。`,
          scenarios: [],
          lead: null,
          participants: [],
          technologyIds: [],
        });
      }
      await ensureRubric(tx, programId, RUBRICS[sb.program.code]);
      return { programId };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
