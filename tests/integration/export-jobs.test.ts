/**
 * Large exports as background jobs, end to end on a synthetic set of a few
 * thousand values (the threshold lowered for the test): the export link sends
 * the reader to the exports page, the job is started and audited, the job
 * queue's worker (pg-boss, as `npm start` runs it) writes the file, which holds
 * exactly the reader's scope; only that reader may download it, until it expires.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startExportJobAction } from '@/app/actions/exports';
import { GET as exportRoute } from '@/app/api/export/[table]/route';
import { GET as jobRoute } from '@/app/api/exports/[id]/route';
import { GET as fileRoute } from '@/app/api/exports/[id]/file/route';
import type { Actor } from '@/lib/rules/authz';
import { cleanExpiredExports, exportDir, runQueuedExportJobs, startExportJob } from '@/lib/transfer/export-jobs';
import { countExportRows } from '@/lib/transfer/transfers';
import { seedBeijingPilot } from '@/seeds/seed';
import { startNoticeQueue, type NoticeQueue } from '@/scripts/lib/notice-queue';
import { resetDatabase, testClient } from '../support/db';
import { actAs } from '../support/session-mock';
import { rowsOf } from '../support/transfers';
import { createActors, type TestActors } from '../support/users';

vi.mock('@/lib/server/session', async () => (await import('../support/session-mock')).mockedSession);
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('next/headers', () => ({ cookies: async () => ({ get: () => undefined, set: () => undefined }) }));

const prisma = testClient();
let actors: TestActors;
let queue: NoticeQueue | null = null;
const SYNTHETIC = 3_000;

/** Values on BJFT-06 (the institution user's bank leads it) and on a project it has no part in. */
async function syntheticValues(own: string, other: string) {
  for (const code of [own, other]) {
    await prisma.$executeRawUnsafe(
      `INSERT INTO "MetricValue" ("projectId", "indicatorId", "asOf", value, source)
       SELECT p.id, i.id, DATE '1990-01-01' + g, g, 'synthetic'
       FROM "Project" p, (SELECT id FROM "Indicator" ORDER BY id LIMIT 1) i, generate_series(1, ${SYNTHETIC}) g
       WHERE p.code = $1`,
      code,
    );
  }
}

const request = (url: string) => new Request(`http://portal.test${url}`);
const params = <P>(p: P) => ({ params: Promise.resolve(p) });

async function untilFinished(id: number, timeoutMs = 60_000) {
  const started = Date.now();
  for (;;) {
    const job = await prisma.exportJob.findUniqueOrThrow({ where: { id } });
    if (job.status === 'DONE' || job.status === 'FAILED') return job;
    if (Date.now() - started > timeoutMs) throw new Error(`job ${id} still ${job.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

let otherCode: string;

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
  actors = await createActors(prisma);
  const cmbId = actors.cmb.institutionId!;
  const outside = await prisma.project.findFirstOrThrow({ where: { institutions: { none: { institutionId: cmbId } } }, orderBy: { code: 'asc' } });
  otherCode = outside.code;
  await syntheticValues('BJFT-06', otherCode);
  vi.stubEnv('EXPORT_JOB_THRESHOLD', '1000');
}, 120_000);
afterAll(async () => {
  vi.unstubAllEnvs();
  await queue?.stop();
  await prisma.$disconnect();
});

describe('a large export', () => {
  it('is offered as a background job instead of streamed', async () => {
    actAs(actors.cmb);
    const res = await exportRoute(request('/api/export/metrics?format=csv&program=BJ-FINTECH-PILOT'), params({ table: 'metrics' }));
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location') ?? '', 'http://portal.test');
    expect(location.pathname).toBe('/exports');
    expect(Object.fromEntries(location.searchParams)).toEqual({ table: 'metrics', format: 'csv', view: 'program=BJ-FINTECH-PILOT' });
    // A small view still streams at once.
    const small = await exportRoute(request('/api/export/projects?format=csv'), params({ table: 'projects' }));
    expect(small.status).toBe(200);
  });

  it('runs on the job queue, audited, and writes exactly the rows the reader may see', { timeout: 120_000 }, async () => {
    queue = await startNoticeQueue({
      databaseUrl: process.env.DATABASE_URL!,
      baseUrl: 'http://portal.test',
      log: () => undefined,
      transport: null,
      schedule: false,
      pollingIntervalSeconds: 1,
    });
    actAs(actors.cmb);
    const audits = await prisma.auditEntry.count({ where: { action: 'EXPORT_START' } });
    expect(await startExportJobAction(null, { table: 'metrics', format: 'csv', locale: 'zh', view: 'program=BJ-FINTECH-PILOT' })).toEqual({
      ok: true,
      message: 'SAVED',
    });
    const { id } = await prisma.exportJob.findFirstOrThrow({ where: { userId: actors.cmb.userId }, orderBy: { id: 'desc' } });
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'EXPORT_START', entityId: id } });
    expect(await prisma.auditEntry.count({ where: { action: 'EXPORT_START' } })).toBe(audits + 1);
    expect(entry).toMatchObject({ actorId: actors.cmb.userId, entityType: 'ExportJob', after: { exportTable: 'metrics', format: 'csv' } });

    const job = await untilFinished(id);
    const expected = await countExportRows({ actor: actors.cmb, table: 'metrics' });
    expect(expected).toBeGreaterThan(SYNTHETIC);
    expect(job).toMatchObject({ status: 'DONE', rowsTotal: expected, rowsDone: expected });
    // The file holds the reader's scope: its own project's synthetic values, none of the other project's.
    const res = await fileRoute(request(`/api/exports/${id}/file`), params({ id: String(id) }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('成果数据'));
    const rows = await rowsOf('metrics', 'csv', new Uint8Array(await res.arrayBuffer()));
    expect(rows).toHaveLength(expected);
    expect(rows.filter((r) => r.projectCode === 'BJFT-06').length).toBeGreaterThanOrEqual(SYNTHETIC);
    expect(rows.some((r) => r.projectCode === otherCode)).toBe(false);
    const status = await jobRoute(request(`/api/exports/${id}`), params({ id: String(id) }));
    expect(await status.json()).toEqual({ id, status: 'DONE', rowsDone: expected, rowsTotal: expected });
  });

  it('cannot be fetched by anyone but the user who asked, and is gone once expired', async () => {
    const job = await prisma.exportJob.findFirstOrThrow({ where: { userId: actors.cmb.userId, status: 'DONE' } });
    const file = path.join(exportDir(), job.filePath!);
    expect(fs.existsSync(file)).toBe(true);
    for (const other of [actors.unionpay, actors.admin, actors.regulator] as Actor[]) {
      actAs(other);
      for (const res of [
        await fileRoute(request(`/api/exports/${job.id}/file`), params({ id: String(job.id) })),
        await jobRoute(request(`/api/exports/${job.id}`), params({ id: String(job.id) })),
      ]) {
        expect(res.status).toBe(404);
        expect(await res.text()).not.toContain('BJFT');
      }
    }
    actAs(actors.cmb);
    expect((await fileRoute(request('/api/exports/abc/file'), params({ id: 'abc' }))).status).toBe(404);
    expect(await cleanExpiredExports(new Date(job.expiresAt.getTime() + 1))).toBeGreaterThanOrEqual(1);
    expect(fs.existsSync(file)).toBe(false);
    expect((await fileRoute(request(`/api/exports/${job.id}/file`), params({ id: String(job.id) }))).status).toBe(404);
    expect(await prisma.exportJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: 'EXPIRED' });
  });

  it('fails, leaving no file, when the user who asked may no longer sign in', async () => {
    await queue?.stop();
    queue = null;
    const { id } = await startExportJob({ actor: actors.unionpay, table: 'projects', format: 'xlsx', query: '', locale: 'en' });
    await prisma.user.update({ where: { id: actors.unionpay.userId }, data: { disabled: true } });
    expect(await runQueuedExportJobs(() => undefined)).toBe(1);
    expect(await prisma.exportJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'FAILED', filePath: null });
    await prisma.user.update({ where: { id: actors.unionpay.userId }, data: { disabled: false } });
  });
});
