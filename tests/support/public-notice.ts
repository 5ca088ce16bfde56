/**
 * A sandbox application in its public notice, made with the sandbox's own
 * lifecycle: what public feedback needs. Its statement was frozen into a
 * dossier when it entered the notice; the draft has moved on since.
 */
import type { PrismaClient } from '@/lib/server/prisma';
import { upsertLifecycle } from '@/seeds/helpers';
import { SANDBOX } from '@/seeds/lifecycles';

export const FROZEN = { innovation: '公示时的创新说明', complaints: '客服热线 95555（公示版）' };
export const DRAFT = { innovation: '公示后改写的草稿', complaints: '草稿热线' };

export async function noticeApplication(prisma: PrismaClient, options: { code?: string; lead?: string; programCode?: string } = {}) {
  const code = options.code ?? 'SB-NOTICE-01';
  const existing = await prisma.project.findUnique({ where: { code }, select: { id: true } });
  if (existing) return existing.id;
  const lifecycle = await prisma.$transaction((tx) => upsertLifecycle(tx, SANDBOX));
  const programCode = options.programCode ?? 'SB-TEST';
  const program = await prisma.program.upsert({
    where: { code: programCode },
    create: { code: programCode, name: '测试沙盒', nameEn: 'Test sandbox', region: 'test', lifecycleId: lifecycle.id },
    update: {},
  });
  const lead = (await prisma.institution.findUniqueOrThrow({ where: { name: options.lead ?? '招商银行北京分行' }, select: { id: true } })).id;
  const [applied, notice] = [lifecycle.stages.get('APPLIED')!, lifecycle.stages.get('NOTICE')!];
  const project = await prisma.project.create({
    data: {
      code,
      name: `公示中的应用 ${code}`,
      programId: program.id,
      stageId: notice.id,
      reachedOrder: notice.sortOrder,
      approvedAt: new Date('2026-11-01'),
      statement: DRAFT,
      institutions: { create: [{ institutionId: lead, role: 'LEAD' }] },
      stageChanges: {
        create: [
          { toStageId: applied.id, effectiveDate: new Date('2026-11-01') },
          { fromStageId: applied.id, toStageId: notice.id, effectiveDate: new Date('2026-11-20') },
        ],
      },
    },
    select: { id: true, stageChanges: { where: { toStageId: notice.id }, select: { id: true } } },
  });
  await prisma.dossier.create({
    data: { projectId: project.id, number: 1, stageId: notice.id, stageChangeId: project.stageChanges[0].id, statement: FROZEN, state: {} },
  });
  return project.id;
}
