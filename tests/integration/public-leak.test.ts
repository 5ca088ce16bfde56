/**
 * Nothing internal reaches the public register. A marker is written into every
 * text column of every table (found in information_schema, so tables added
 * later are covered without editing this test) except the columns the public
 * record states, and into every JSON column but a notice's frozen statement;
 * then everything the public pages, the JSON, the feed and the sitemap are built
 * from is read and searched for the marker and internal field names.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listPublicProjectCodes, readPublicChanges, readPublicProject, readPublicRegisters } from '@/lib/data/public-register';
import { submitPublicFeedback } from '@/lib/data/public-feedback';
import { seedDatabase } from '@/seeds/index';
import { resetDatabase, testClient } from '../support/db';
import { noticeApplication } from '../support/public-notice';

vi.mock('next/cache', () => ({ revalidatePath: () => undefined, unstable_cache: (fn: unknown) => fn }));

const MARKER = 'LEAKMARKER7Q';
/** What the public record states, by table and column: the only text public pages may show. */
const PUBLIC_COLUMNS = new Set([
  'Program.code',
  'Program.name',
  'Program.nameEn',
  'Program.directionLabel',
  'Program.directionLabelEn',
  'PublishedFigure.key',
  'PublishedFigure.source',
  'Project.code',
  'Project.name',
  'Institution.name',
  'Direction.name',
  'Direction.nameEn',
  'Field.name',
  'Field.nameEn',
  'LifecycleStage.code',
  'LifecycleStage.name',
  'LifecycleStage.nameEn',
  'Indicator.nameZh',
  'Indicator.nameEn',
  'Indicator.unit',
  // Which values are published (the provenance key) and the source's own words for them.
  'MetricValue.source',
  'MetricValue.sourceNote',
  // A regulator's summary, published while not hidden.
  'PublicFeedback.summary',
]);
/** The statement frozen at a notice is public; every other JSON column is not. */
const PUBLIC_JSON = new Set(['Dossier.statement']);

const prisma = testClient();
const { GET: registerJson } = await import('@/app/public/data/[file]/route');
const { GET: feed } = await import('@/app/public/feed.xml/route');
const sitemap = (await import('@/app/sitemap')).default;

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedDatabase(prisma, () => undefined);
  await noticeApplication(prisma);
  await submitPublicFeedback({
    address: '198.51.100.1',
    input: { projectCode: 'SB-NOTICE-01', category: 'COMPLAINT', body: '投诉正文', contact: '13800000000', website: '' },
  });
  const projectId = (await prisma.project.findUniqueOrThrow({ where: { code: 'BJFT-02' }, select: { id: true } })).id;
  const user = await prisma.user.findFirstOrThrow({ select: { id: true } });
  await prisma.comment.create({ data: { projectId, authorId: user.id, body: '内部意见' } });
  await prisma.progressReport.create({ data: { projectId, authorId: user.id, period: '2026-Q3', body: '内部报告' } });
  // A dossier frozen at another stage than the notice: its statement is not public.
  const sb = await prisma.project.findUniqueOrThrow({ where: { code: 'BJSB-02' }, select: { id: true, stageId: true } });
  await prisma.dossier.create({ data: { projectId: sb.id, number: 1, stageId: sb.stageId, statement: { innovation: MARKER }, state: { name: MARKER } } });
  await markEverything();
}, 120_000);
afterAll(() => prisma.$disconnect());

async function markEverything() {
  const columns = await prisma.$queryRaw<{ table: string; column: string; type: string }[]>`
    SELECT table_name::text AS table, column_name::text AS column, udt_name::text AS type
    FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
      AND udt_name IN ('text', 'varchar', '_text', 'json', 'jsonb')`;
  let marked = 0;
  for (const { table, column, type } of columns) {
    const name = `${table}.${column}`;
    if (PUBLIC_COLUMNS.has(name)) continue;
    const target = `"${table}"."${column}"`.replace(`"${table}".`, '');
    const value =
      type === '_text'
        ? `array_append(${target}, '${MARKER}')`
        : type === 'json' || type === 'jsonb'
          ? `jsonb_build_object('innovation', '${MARKER}', 'name', '${MARKER}')::${type}`
          : `${target} || '${MARKER}'`;
    // A notice's frozen statement stays as it is: the one JSON the public sees.
    const where = PUBLIC_JSON.has(name) ? `WHERE "stageId" NOT IN (SELECT id FROM "LifecycleStage" WHERE "publicNotice")` : '';
    await prisma.$executeRawUnsafe(`UPDATE "${table}" SET ${target} = ${value} ${where}`);
    marked++;
  }
  expect(marked).toBeGreaterThan(50);
}

/** Everything the public pages, JSON, feed and sitemap are made of, as one text. */
async function everythingPublic(): Promise<string> {
  const registers = await readPublicRegisters();
  const codes = (await listPublicProjectCodes()).map((p) => p.code);
  const projects = await Promise.all(codes.map((code) => readPublicProject(code)));
  const jsons = await Promise.all(
    registers.map((r) => registerJson(new Request('http://x'), { params: Promise.resolve({ file: `${r.code}.json` }) }).then((res) => res.text())),
  );
  const xml = await (await feed()).text();
  return [
    JSON.stringify(registers),
    JSON.stringify(projects),
    JSON.stringify(await readPublicChanges(1000)),
    ...jsons,
    xml,
    JSON.stringify(await sitemap()),
  ].join('\n');
}

describe('the public register', () => {
  it('shows no marked internal text and no internal field name anywhere', async () => {
    const text = await everythingPublic();
    expect(text.length).toBeGreaterThan(5000);
    expect(text).toContain('BJSB-17');
    expect(text).toContain('公示时的创新说明');
    expect(text).not.toContain(MARKER);
    for (const word of ['isPlaceholder', 'version', 'passwordHash', 'contact', '投诉正文', '13800000000']) {
      expect(text, word).not.toContain(word);
    }
  });

  it('still shows the public record itself, so the test would see a leak', async () => {
    const p = await readPublicProject('SB-NOTICE-01');
    expect(p?.notice?.statement?.innovation).toBe('公示时的创新说明');
    // Internal columns did take the marker.
    const user = await prisma.user.findFirstOrThrow({ select: { passwordHash: true } });
    expect(user.passwordHash).toContain(MARKER);
  });
});
