/**
 * The public register against the seeded record: named projects as rows and
 * placeholders as a count, the statement as frozen at the notice, and the
 * public's feedback: throttled per address, honeypot, nothing half-written,
 * an audit entry with no user; moderation and the lead institution's answer.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { answerFeedback, firstAnswerStats, listProjectFeedback, moderateFeedback, submitPublicFeedback } from '@/lib/data/public-feedback';
import { readPublicChanges, readPublicProject, readPublicRegisters } from '@/lib/data/public-register';
import { FEEDBACK_MAX_PER_WINDOW } from '@/lib/data/throttle';
import { PEER_ADDRESS_HEADER } from '@/lib/server/client-address';
import { seedBeijingSandbox } from '@/seeds/sandbox-seed';
import { seedBeijingPilot } from '@/seeds/seed';
import { resetDatabase, testClient } from '../support/db';
import { DRAFT, FROZEN, noticeApplication } from '../support/public-notice';
import { createActors, dbFingerprint, type TestActors } from '../support/users';

vi.mock('next/cache', () => ({ revalidatePath: () => undefined, unstable_cache: (fn: unknown) => fn }));

const { POST } = await import('@/app/public/feedback/route');
const prisma = testClient();
let actors: TestActors;
let noticeId: number;

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
  await seedBeijingSandbox(prisma);
  actors = await createActors(prisma);
  noticeId = await noticeApplication(prisma);
});
afterAll(() => prisma.$disconnect());

const post = (fields: Record<string, string>, address = '198.51.100.7') => {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  return POST(new Request('http://portal.test/public/feedback', { method: 'POST', body, headers: { [PEER_ADDRESS_HEADER]: address } }));
};
const valid = { projectCode: 'SB-NOTICE-01', category: 'COMPLAINT' as const, body: '客服电话长期无人接听。', contact: 'wang@example.com' };

describe('the registers', () => {
  it('list the 8 named pilot projects and the 17 named sandbox applications, placeholders only as a count', async () => {
    const registers = await readPublicRegisters();
    const pilot = registers.find((r) => r.code === 'BJ-FINTECH-PILOT')!;
    const sandbox = registers.find((r) => r.code === 'BJ-FINTECH-SANDBOX')!;
    expect(pilot.projects.map((p) => p.code)).toEqual(['BJFT-01', 'BJFT-02', 'BJFT-03', 'BJFT-04', 'BJFT-05', 'BJFT-06', 'BJFT-07', 'BJFT-08']);
    expect(sandbox.projects.map((p) => p.code)).toEqual(Array.from({ length: 17 }, (_, i) => `BJSB-${String(i + 1).padStart(2, '0')}`));
    const placeholders = await prisma.project.groupBy({ by: ['programId'], where: { isPlaceholder: true }, _count: true });
    const counted = Object.fromEntries(placeholders.map((p) => [p.programId, p._count]));
    const programs = await prisma.program.findMany({ select: { id: true, code: true } });
    for (const r of [pilot, sandbox]) expect(r.unpublished).toBe(counted[programs.find((p) => p.code === r.code)!.id] ?? 0);
    expect(sandbox.unpublished).toBe(5);
    const listed = new Set(registers.flatMap((r) => r.projects.map((p) => p.code)));
    for (const p of await prisma.project.findMany({ where: { isPlaceholder: true }, select: { code: true } })) expect(listed.has(p.code)).toBe(false);
    expect(sandbox.figures).toContainEqual(expect.objectContaining({ key: 'PROJECTS', value: 22, asOf: '2020-12-25' }));
  });

  it('give a placement only where the record states it, and no page to a placeholder or a retired project', async () => {
    await prisma.project.update({ where: { code: 'BJFT-07' }, data: { retiredAt: new Date() } });
    const placeholder = await prisma.project.findFirstOrThrow({ where: { isPlaceholder: true }, select: { code: true } });
    expect(await readPublicProject(placeholder.code)).toBeNull();
    expect(await readPublicProject('BJFT-07')).toBeNull();
    expect((await readPublicRegisters()).flatMap((r) => r.projects.map((p) => p.code))).not.toContain('BJFT-07');
    await prisma.project.update({ where: { code: 'BJFT-07' }, data: { retiredAt: null } });
    const inferred = await prisma.project.findFirst({ where: { isPlaceholder: false, directionInferred: true }, select: { code: true } });
    if (inferred) expect((await readPublicProject(inferred.code))!.direction).toBeNull();
  });

  it('show an application’s statement as frozen at its notice, not the draft, with the notice period open', async () => {
    const p = (await readPublicProject('SB-NOTICE-01'))!;
    expect(p.notice).toMatchObject({ from: '2026-11-20', until: null, open: true, statement: FROZEN });
    expect(JSON.stringify(p)).not.toContain(DRAFT.innovation);
    expect(p.history.map((h) => h.stage.code)).toEqual(['APPLIED', 'NOTICE']);
    const batch1 = (await readPublicProject('BJSB-01'))!;
    expect(batch1.notice).toMatchObject({ from: '2020-01-14', until: '2020-03-16', open: false, statement: null });
    // Batch 2's notice is only the last stage the record shows: no open notice, its end unknown.
    expect((await readPublicProject('BJSB-09'))!.notice).toMatchObject({ from: '2020-06-02', until: null, open: false });
  });

  it('feed the stage changes of listed projects only, newest first', async () => {
    const changes = await readPublicChanges(500);
    expect(changes[0].project.code).toBe('SB-NOTICE-01');
    const placeholderCodes = (await prisma.project.findMany({ where: { isPlaceholder: true }, select: { code: true } })).map((p) => p.code);
    expect(changes.some((c) => placeholderCodes.includes(c.project.code))).toBe(false);
  });
});

describe('public feedback', () => {
  it('stores a comment with its audit entry (no user) and answers 200', async () => {
    const response = await post(valid);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, message: 'SAVED' });
    const row = await prisma.publicFeedback.findFirstOrThrow({ where: { projectId: noticeId }, orderBy: { id: 'desc' } });
    expect(row).toMatchObject({ category: 'COMPLAINT', body: valid.body, contact: valid.contact, status: 'NEW', answeredAt: null });
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { entityType: 'PublicFeedback', entityId: row.id } });
    expect(audit).toMatchObject({ actorId: null, action: 'FEEDBACK_SUBMIT', projectId: noticeId });
  });

  it('refuses bad input with field messages and writes nothing', async () => {
    const before = await dbFingerprint(prisma);
    const feedback = await prisma.publicFeedback.count();
    for (const [fields, field, code] of [
      [{ ...valid, body: 'x'.repeat(2001) }, 'body', 'tooLong'],
      [{ ...valid, body: '<script>alert(1)</script>' }, 'body', 'markup'],
      [{ ...valid, body: 'a\u0000b' }, 'body', 'controlCharacters'],
      [{ ...valid, category: 'PRAISE' }, 'category', 'invalid'],
    ] as const) {
      const response = await post(fields);
      expect(response.status).toBe(400);
      const result = await response.json();
      expect(result.fieldErrors[field]).toContain(code);
      // What was typed comes back for the form, never stored.
      expect(result.values.body).toBe(fields.body);
    }
    expect(await prisma.publicFeedback.count()).toBe(feedback);
    expect(await dbFingerprint(prisma)).toBe(before);
  });

  it('takes no feedback on an application outside its notice, a placeholder, or an unknown code', async () => {
    const placeholder = await prisma.project.findFirstOrThrow({ where: { isPlaceholder: true, stage: { publicNotice: true } }, select: { code: true } });
    const feedback = await prisma.publicFeedback.count();
    for (const code of ['BJSB-01', 'BJSB-09', 'BJFT-02', placeholder.code, 'NOPE-01']) {
      const response = await post({ ...valid, projectCode: code });
      expect(response.status).toBe(404);
    }
    expect(await prisma.publicFeedback.count()).toBe(feedback);
  });

  it('drops a honeypot submission unsaved, answering as if saved', async () => {
    const feedback = await prisma.publicFeedback.count();
    const response = await post({ ...valid, website: 'http://spam.example' }, '203.0.113.99');
    expect(await response.json()).toEqual({ ok: true, message: 'SAVED' });
    expect(await prisma.publicFeedback.count()).toBe(feedback);
  });

  it('throttles each client address, not the others', async () => {
    const address = '192.0.2.50';
    for (let i = 0; i < FEEDBACK_MAX_PER_WINDOW; i++) expect((await post({ ...valid, body: `第 ${i} 条` }, address)).status).toBe(200);
    const count = await prisma.publicFeedback.count();
    const refused = await post({ ...valid, body: '再来一条' }, address);
    expect(refused.status).toBe(429);
    expect((await refused.json()).fieldErrors._form).toEqual(['throttled']);
    expect(await prisma.publicFeedback.count()).toBe(count);
    expect((await post(valid, '192.0.2.51')).status).toBe(200);
    // A forwarded address is not believed without a trusted proxy: the peer still counts.
    const body = new FormData();
    for (const [k, v] of Object.entries(valid)) body.set(k, v);
    const spoofed = await POST(
      new Request('http://portal.test/public/feedback', { method: 'POST', body, headers: { [PEER_ADDRESS_HEADER]: address, 'x-forwarded-for': '10.9.9.9' } }),
    );
    expect(spoofed.status).toBe(429);
  });
});

describe('moderation and answers', () => {
  const newComplaint = async (address: string) => {
    const { id } = (await submitPublicFeedback({ address, input: { ...valid, website: '' } })) as { id: number };
    return prisma.publicFeedback.findUniqueOrThrow({ where: { id }, select: { id: true, version: true } });
  };

  it('publishes a regulator’s summary on the public page and hides it again', async () => {
    const f = await newComplaint('198.51.100.20');
    await moderateFeedback({ actor: actors.regulator, input: { feedbackId: f.id, version: f.version, decision: 'PUBLISH', summary: '关于客服响应的投诉' } });
    const shown = (await readPublicProject('SB-NOTICE-01'))!.notice!.feedback;
    expect(shown).toContainEqual(expect.objectContaining({ category: 'COMPLAINT', summary: '关于客服响应的投诉' }));
    // The text and the contact themselves never reach the public page.
    expect(JSON.stringify(shown)).not.toContain(valid.contact);
    await expect(
      moderateFeedback({ actor: actors.regulator, input: { feedbackId: f.id, version: f.version, decision: 'HIDE', summary: '' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await moderateFeedback({ actor: actors.regulator, input: { feedbackId: f.id, version: f.version + 1, decision: 'HIDE', summary: '' } });
    expect((await readPublicProject('SB-NOTICE-01'))!.notice!.feedback.map((x) => x.summary)).not.toContain('关于客服响应的投诉');
    expect(await prisma.auditEntry.count({ where: { action: 'FEEDBACK_MODERATE', entityId: f.id, actorId: actors.regulator.userId } })).toBe(2);
  });

  it('lets the lead institution answer a complaint, keeping the time of the first answer', async () => {
    const f = await newComplaint('198.51.100.21');
    const first = new Date('2026-12-01T02:00:00Z');
    await answerFeedback({ actor: actors.cmb, input: { feedbackId: f.id, version: f.version, answer: '已致电用户。' }, now: first });
    await answerFeedback({ actor: actors.cmb, input: { feedbackId: f.id, version: f.version + 1, answer: '已致电用户并解决。' }, now: new Date() });
    const row = await prisma.publicFeedback.findUniqueOrThrow({ where: { id: f.id } });
    expect(row).toMatchObject({ answer: '已致电用户并解决。', answeredAt: first });
  });

  it('refuses another institution, a participant and a regulator’s answer alike', async () => {
    const f = await newComplaint('198.51.100.22');
    const before = await dbFingerprint(prisma);
    for (const actor of [actors.unionpay, actors.park]) {
      await expect(answerFeedback({ actor, input: { feedbackId: f.id, version: f.version, answer: '越权答复' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await expect(answerFeedback({ actor: actors.regulator, input: { feedbackId: f.id, version: f.version, answer: '监管答复' } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(moderateFeedback({ actor: actors.cmb, input: { feedbackId: f.id, version: f.version, decision: 'HIDE', summary: '' } })).rejects.toMatchObject(
      { code: 'FORBIDDEN' },
    );
    expect(await dbFingerprint(prisma)).toBe(before);
  });

  it('shows contacts to regulators only, complaints to the lead institution only, and times the first answers', async () => {
    const regulator = (await listProjectFeedback({ actor: actors.regulator, projectId: noticeId }))!;
    expect(regulator.moderator).toBe(true);
    expect(regulator.rows.some((r) => r.contact === valid.contact)).toBe(true);
    const lead = (await listProjectFeedback({ actor: actors.cmb, projectId: noticeId }))!;
    expect(lead.rows.length).toBeGreaterThan(0);
    expect(lead.rows.every((r) => r.category === 'COMPLAINT' && !('contact' in r && r.contact))).toBe(true);
    expect((await listProjectFeedback({ actor: actors.unionpay, projectId: noticeId }))!.rows).toEqual([]);
    expect(await listProjectFeedback({ actor: actors.leader, projectId: noticeId })).toBeNull();
    const stats = firstAnswerStats([
      { category: 'COMPLAINT', createdAt: new Date('2026-12-01T00:00:00Z'), answeredAt: new Date('2026-12-01T02:00:00Z') },
      { category: 'COMPLAINT', createdAt: new Date('2026-12-01T00:00:00Z'), answeredAt: new Date('2026-12-01T06:00:00Z') },
      { category: 'COMPLAINT', createdAt: new Date('2026-12-01T00:00:00Z'), answeredAt: null },
      { category: 'COMMENT', createdAt: new Date('2026-12-01T00:00:00Z'), answeredAt: null },
    ]);
    expect(stats).toEqual({ complaints: 3, answered: 2, waiting: 1, medianHours: 4 });
  });
});
