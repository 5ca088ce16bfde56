import 'server-only';
import { can, projectEditScope, projectReadScope, type Actor } from '../rules/authz';
import { db } from '../server/db';
import { AppError, ConflictError, InputError } from '../server/errors';
import type { FeedbackAnswerInput, FeedbackModerationInput, PublicFeedbackInput } from '../schemas/public-feedback';
import { writeAudit } from './audit';
import { feedbackKey, isThrottled, recordFailure } from './throttle';

/**
 * The public's comments and complaints on an application in its public notice
 * (公示 征求意见): sent by anyone, throttled per client address; moderated by
 * regulators (a published summary, handled, hidden); complaints answered by the
 * lead institution, the first answer timed.
 */

/**
 * Stores one submission, with its audit entry (no user: the public) in the same
 * transaction. Only a listed application that the record places in a public
 * notice now (not a notice that is merely the last stage known) takes feedback; anything else is NOT_FOUND. A honeypot submission is dropped
 * unsaved but answered like any other, so a robot learns nothing.
 */
export async function submitPublicFeedback(options: { address: string; input: PublicFeedbackInput; now?: Date }) {
  const { input, address } = options;
  const now = options.now ?? new Date();
  if (input.website !== '') return { stored: false };
  const key = feedbackKey(address);
  if (await isThrottled([key], now)) throw new InputError({ _form: ['throttled'] });
  const id = await db.$transaction(async (tx) => {
    const project = await tx.project.findFirst({
      where: {
        code: input.projectCode,
        isPlaceholder: false,
        retiredAt: null,
        stageInferred: false,
        stage: { publicNotice: true },
        program: { isSynthetic: false },
      },
      select: { id: true },
    });
    if (!project) throw new AppError('NOT_FOUND');
    const row = await tx.publicFeedback.create({
      data: { projectId: project.id, category: input.category, body: input.body, contact: input.contact || null },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor: 'public',
      action: 'FEEDBACK_SUBMIT',
      entityType: 'PublicFeedback',
      entityId: row.id,
      projectId: project.id,
      after: { feedbackCategory: input.category },
    });
    return row.id;
  });
  await recordFailure([key], now);
  return { stored: true, id };
}

/** What a regulator reads of a project's feedback (with contacts), and the lead institution (its complaints, without). */
export async function listProjectFeedback(options: { actor: Actor; projectId: number }) {
  const { actor, projectId } = options;
  const moderator = can(actor, 'feedback:moderate');
  if (!moderator && !can(actor, 'feedback:answer')) return null;
  const scope = moderator ? projectReadScope(actor) : projectEditScope(actor);
  const rows = await db.publicFeedback.findMany({
    where: { projectId, project: scope, ...(moderator ? {} : { category: 'COMPLAINT', status: { not: 'HIDDEN' } }) },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      category: true,
      body: true,
      contact: moderator,
      status: true,
      summary: true,
      answer: true,
      answeredAt: true,
      createdAt: true,
      version: true,
    },
  });
  return { moderator, rows };
}
export type FeedbackList = NonNullable<Awaited<ReturnType<typeof listProjectFeedback>>>;

/** The time to first answer of a project's complaints: how many are answered, the median hours, how many wait. */
export function firstAnswerStats(rows: { category: string; createdAt: Date; answeredAt: Date | null }[]) {
  const complaints = rows.filter((r) => r.category === 'COMPLAINT');
  const hours = complaints.flatMap((r) => (r.answeredAt ? [(r.answeredAt.getTime() - r.createdAt.getTime()) / 3_600_000] : [])).sort((a, b) => a - b);
  const mid = Math.floor(hours.length / 2);
  const median = hours.length === 0 ? null : hours.length % 2 ? hours[mid] : (hours[mid - 1] + hours[mid]) / 2;
  return { complaints: complaints.length, answered: hours.length, waiting: complaints.length - hours.length, medianHours: median };
}

/** A regulator publishes a summary, marks an item handled, or hides it; a stale form gets CONFLICT. */
export async function moderateFeedback(options: { actor: Actor; input: FeedbackModerationInput }) {
  const { actor, input } = options;
  if (!can(actor, 'feedback:moderate')) throw new AppError('FORBIDDEN');
  return db.$transaction(async (tx) => {
    const row = await tx.publicFeedback.findFirst({
      where: { id: input.feedbackId, project: projectReadScope(actor) },
      select: { id: true, projectId: true, status: true, summary: true, version: true },
    });
    if (!row) throw new AppError('NOT_FOUND');
    const data =
      input.decision === 'PUBLISH'
        ? { summary: input.summary, status: row.status === 'HIDDEN' ? ('NEW' as const) : row.status }
        : { status: input.decision === 'HANDLE' ? ('HANDLED' as const) : ('HIDDEN' as const) };
    const { count } = await tx.publicFeedback.updateMany({ where: { id: row.id, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError({ version: row.version, status: row.status });
    await writeAudit(tx, {
      actor,
      action: 'FEEDBACK_MODERATE',
      entityType: 'PublicFeedback',
      entityId: row.id,
      projectId: row.projectId,
      before: { feedbackStatus: row.status, feedbackSummary: row.summary ?? '' },
      after: { feedbackStatus: data.status, feedbackSummary: 'summary' in data ? data.summary : (row.summary ?? '') },
    });
  });
}

/** The lead institution answers a complaint on its application; the first answer's time is kept. */
export async function answerFeedback(options: { actor: Actor; input: FeedbackAnswerInput; now?: Date }) {
  const { actor, input } = options;
  if (!can(actor, 'feedback:answer')) throw new AppError('FORBIDDEN');
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const row = await tx.publicFeedback.findFirst({
      where: { id: input.feedbackId, category: 'COMPLAINT', status: { not: 'HIDDEN' }, project: projectEditScope(actor) },
      select: { id: true, projectId: true, answer: true, answeredAt: true, version: true },
    });
    if (!row) throw new AppError('NOT_FOUND');
    const { count } = await tx.publicFeedback.updateMany({
      where: { id: row.id, version: input.version },
      data: { answer: input.answer, answeredAt: row.answeredAt ?? now, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError({ version: row.version, answer: row.answer });
    await writeAudit(tx, {
      actor,
      action: 'FEEDBACK_ANSWER',
      entityType: 'PublicFeedback',
      entityId: row.id,
      projectId: row.projectId,
      before: { answer: row.answer },
      after: { answer: input.answer },
    });
  });
}
