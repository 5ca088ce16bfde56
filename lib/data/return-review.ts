import 'server-only';
/**
 * The regulator's review of a submitted return: accept it (it is then frozen,
 * and its indicator values become MetricValues with the return as their source),
 * or send it back with a note and comments per section for the institution to
 * revise. The decision names the return's version it read; a decision on a
 * return someone else decided first, or revised since, is a CONFLICT.
 */
import { can, projectReadScope, type Actor } from '../rules/authz';
import { parseReturnPeriod } from '../rules/returns';
import type { ReturnReviewInput } from '../schemas/returns';
import { db } from '../server/db';
import { AppError, ConflictError, InputError } from '../server/errors';
import { snapshot, writeAudit } from './audit';
import { notifyReturnReviewed } from './notices';
import { sectionsOf } from './returns';
import { checkReturnValues, writeReturnValues } from './return-values';

export async function reviewReturn(options: { actor: Actor; input: ReturnReviewInput }): Promise<{ version: number }> {
  const { actor, input } = options;
  if (!can(actor, 'return:review')) throw new AppError('FORBIDDEN');
  return db.$transaction(async (tx) => {
    const ret = await tx.return.findFirst({
      where: { id: input.returnId, project: projectReadScope(actor) },
      select: {
        id: true,
        status: true,
        version: true,
        period: true,
        isSample: true,
        scheduleId: true,
        project: { select: { id: true, code: true, approvedAt: true } },
        template: { select: { name: true, nameEn: true } },
        templateVersion: { select: { sections: true } },
        submissions: { orderBy: { number: 'desc' }, take: 1, select: { id: true, number: true, answers: true } },
      },
    });
    if (!ret) throw new AppError('NOT_FOUND');
    const current = () => snapshot({ returnStatus: ret.status, version: ret.version });
    const latest = ret.submissions[0];
    if (ret.version !== input.version || ret.status !== 'SUBMITTED' || !latest) throw new ConflictError(current());
    const sections = sectionsOf(ret.templateVersion.sections);
    const unknown = Object.keys(input.sectionComments).filter((id) => !sections.some((s) => s.id === id));
    if (unknown.length) throw new InputError({ sectionComments: ['unknownSection'] });
    const accept = input.decision === 'ACCEPT';
    // A sample filing of the demo data is never accepted: no sample figure may become a reported value.
    if (accept && ret.isSample) throw new InputError({ decision: ['sampleNotAccepted'] });
    const period = parseReturnPeriod(ret.period);
    if (!period) throw new AppError('NOT_FOUND');
    const values = accept ? await checkReturnValues(tx, ret.project, sections, latest.answers as Record<string, unknown>, period) : null;
    if (values && Object.keys(values.errors).length) throw new InputError(values.errors);
    const now = new Date();
    const status = accept ? 'ACCEPTED' : 'RETURNED';
    const { count } = await tx.return.updateMany({
      where: { id: ret.id, version: input.version, status: 'SUBMITTED' },
      data: { status, acceptedAt: accept ? now : null, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError(current());
    const comments = Object.fromEntries(Object.entries(input.sectionComments).filter(([, c]) => c.length > 0));
    await tx.returnSubmission.update({
      where: { id: latest.id },
      data: { decision: input.decision, reviewNote: input.reviewNote, sectionComments: accept ? {} : comments, reviewedById: actor.userId, reviewedAt: now },
    });
    if (values) await writeReturnValues(tx, actor, { returnId: ret.id, period: ret.period, project: ret.project }, values.values);
    await writeAudit(tx, {
      actor,
      action: accept ? 'RETURN_ACCEPT' : 'RETURN_SEND_BACK',
      entityType: 'Return',
      entityId: ret.id,
      projectId: ret.project.id,
      before: snapshot({ period: ret.period, returnStatus: 'SUBMITTED' }),
      after: snapshot({ period: ret.period, returnStatus: status, reviewNote: input.reviewNote || null }),
    });
    // The lead institution's users hear of the decision in the same transaction: no decision without its notice.
    await notifyReturnReviewed(tx, {
      returnId: ret.id,
      submission: latest.number,
      projectId: ret.project.id,
      decision: input.decision,
      template: ret.template,
      period: ret.period,
      note: input.reviewNote,
      href: `/projects/${ret.project.code}/returns/${ret.scheduleId}/${ret.period}`,
    });
    return { version: ret.version + 1 };
  });
}
