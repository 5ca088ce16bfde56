import 'server-only';
import { noticeKey, shortNote, type NoticeParams, type NotificationKind } from '../rules/notifications';
import { formatDay } from '../rules/time';
import type { Prisma } from '../generated/prisma/client';
import type { DbTransaction } from '../server/db';

/**
 * Raising notices: each is written once by its key (a second attempt, from this
 * instance or another, writes nothing), inside the transaction of the event it
 * reports, so a notice exists exactly when its event does. Email goes out later,
 * from the queue (lib/data/notice-mail.ts).
 */

type Tx = Pick<DbTransaction, 'notification' | 'user' | 'project'>;

export type NewNotice = { kind: NotificationKind; subject: string | number; params: NoticeParams; href: string; projectId: number | null };

/** Writes a notice to each of `userIds`, once per user and event; answers how many were new. */
export async function raiseNotice(tx: Tx, notice: NewNotice, userIds: number[]): Promise<number> {
  if (userIds.length === 0) return 0;
  const { count } = await tx.notification.createMany({
    data: [...new Set(userIds)].map((userId) => ({
      userId,
      kind: notice.kind,
      key: noticeKey(notice.kind, notice.subject, userId),
      params: notice.params as Prisma.InputJsonObject,
      href: notice.href,
      projectId: notice.projectId,
    })),
    skipDuplicates: true,
  });
  return count;
}

/** The enabled institution users of a project's lead institution (who file and propose), or of every institution on it. */
export async function projectInstitutionUsers(tx: Tx, projectId: number, which: 'lead' | 'all'): Promise<number[]> {
  const users = await tx.user.findMany({
    where: {
      role: 'INSTITUTION',
      disabled: false,
      institution: { projects: { some: { projectId, ...(which === 'lead' ? { role: 'LEAD' as const } : {}) } } },
    },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  return users.map((u) => u.id);
}

const projectHref = (code: string, anchor?: string) => `/projects/${encodeURIComponent(code)}${anchor ? `#${anchor}` : ''}`;

async function projectNamed(tx: Tx, projectId: number) {
  return tx.project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, code: true, name: true } });
}

/** A regulator decided a stage proposal: the lead institution's users are told, with the stage asked for and the note. */
export async function notifyStageDecided(
  tx: Tx,
  event: { proposalId: number; projectId: number; decision: 'APPROVED' | 'REJECTED'; stage: { name: string; nameEn: string }; note: string },
) {
  const project = await projectNamed(tx, event.projectId);
  return raiseNotice(
    tx,
    {
      kind: 'STAGE_DECIDED',
      subject: `proposal${event.proposalId}`,
      params: {
        code: project.code,
        project: project.name,
        decision: event.decision,
        stage: event.stage.name,
        stageEn: event.stage.nameEn,
        note: shortNote(event.note),
      },
      href: projectHref(project.code),
      projectId: project.id,
    },
    await projectInstitutionUsers(tx, project.id, 'lead'),
  );
}

/** A regulator commented on a project: every institution on it is told (participants read comments too). */
export async function notifyCommentAdded(tx: Tx, event: { commentId: number; projectId: number; body: string }) {
  const project = await projectNamed(tx, event.projectId);
  return raiseNotice(
    tx,
    {
      kind: 'COMMENT_ADDED',
      subject: `comment${event.commentId}`,
      params: { code: project.code, project: project.name, note: shortNote(event.body) },
      href: projectHref(project.code, 'comments'),
      projectId: project.id,
    },
    await projectInstitutionUsers(tx, project.id, 'all'),
  );
}

/**
 * A regulator reviewed a return: accepted (RETURN_ACCEPTED) or sent back for
 * revision (RETURN_RETURNED). Called by the review write in its transaction;
 * the lead institution's users are told, once per submission reviewed.
 */
export async function notifyReturnReviewed(
  tx: Tx,
  event: {
    returnId: number;
    submission: number;
    projectId: number;
    decision: 'ACCEPT' | 'RETURN';
    template: { name: string; nameEn: string };
    period: string;
    note: string;
    href?: string;
  },
) {
  const project = await projectNamed(tx, event.projectId);
  return raiseNotice(
    tx,
    {
      kind: event.decision === 'ACCEPT' ? 'RETURN_ACCEPTED' : 'RETURN_RETURNED',
      subject: `return${event.returnId}:s${event.submission}`,
      params: {
        code: project.code,
        project: project.name,
        template: event.template.name,
        templateEn: event.template.nameEn,
        period: event.period,
        note: shortNote(event.note),
      },
      href: event.href ?? projectHref(project.code, 'returns'),
      projectId: project.id,
    },
    await projectInstitutionUsers(tx, project.id, 'lead'),
  );
}

/** A calendar notice (RETURN_DUE or RETURN_OVERDUE) for one project's return of one period of a schedule. */
export async function notifyReturnCalendar(
  tx: Tx,
  event: {
    kind: 'RETURN_DUE' | 'RETURN_OVERDUE';
    scheduleId: number;
    project: { id: number; code: string; name: string };
    template: { name: string; nameEn: string };
    period: string;
    due: Date;
  },
) {
  const { project } = event;
  return raiseNotice(
    tx,
    {
      kind: event.kind,
      subject: `schedule${event.scheduleId}:p${project.id}:${event.period}`,
      params: {
        code: project.code,
        project: project.name,
        template: event.template.name,
        templateEn: event.template.nameEn,
        period: event.period,
        due: formatDay(event.due),
      },
      href: projectHref(project.code, 'returns'),
      projectId: project.id,
    },
    await projectInstitutionUsers(tx, project.id, 'lead'),
  );
}

/** The enabled regulators who read a program (every program, or this one granted): those told of its incidents and warnings. */
export async function programRegulators(tx: Tx, programId: number): Promise<number[]> {
  const users = await tx.user.findMany({
    where: { role: 'REGULATOR', disabled: false, OR: [{ allPrograms: true }, { programs: { some: { programId } } }] },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  return users.map((u) => u.id);
}

/** An incident was reported (or recorded) on a project: the program's regulators are told, with its severity. */
export async function notifyIncidentReported(tx: Tx, event: { incidentId: number; projectId: number; severity: string; description: string }) {
  const project = await tx.project.findUniqueOrThrow({ where: { id: event.projectId }, select: { id: true, code: true, name: true, programId: true } });
  return raiseNotice(
    tx,
    {
      kind: 'INCIDENT_REPORTED',
      subject: `incident${event.incidentId}`,
      params: { code: project.code, project: project.name, severity: event.severity, note: shortNote(event.description) },
      href: projectHref(project.code, 'risk'),
      projectId: project.id,
    },
    await programRegulators(tx, project.programId),
  );
}

/** A monitoring rule raised a warning on a project: the program's regulators are told, with the rule and its severity. */
export async function notifyWarningRaised(tx: Tx & Pick<DbTransaction, 'monitoringRule'>, event: { warningId: number; ruleId: number; projectId: number }) {
  const [project, rule] = await Promise.all([
    tx.project.findUniqueOrThrow({ where: { id: event.projectId }, select: { id: true, code: true, name: true, programId: true } }),
    tx.monitoringRule.findUniqueOrThrow({ where: { id: event.ruleId }, select: { name: true, severity: true } }),
  ]);
  return raiseNotice(
    tx,
    {
      kind: 'WARNING_RAISED',
      subject: `warning${event.warningId}`,
      params: { code: project.code, project: project.name, rule: rule.name, severity: rule.severity },
      href: projectHref(project.code, 'risk'),
      projectId: project.id,
    },
    await programRegulators(tx, project.programId),
  );
}

/** A regulator confirmed a project's assessment: the lead institution's users are told its consolidated score. */
export async function notifyAssessmentConfirmed(tx: Tx, event: { assessmentId: number; projectId: number; total: number | null }) {
  const project = await projectNamed(tx, event.projectId);
  return raiseNotice(
    tx,
    {
      kind: 'ASSESSMENT_CONFIRMED',
      subject: `assessment${event.assessmentId}`,
      params: { code: project.code, project: project.name, score: event.total === null ? '' : String(event.total) },
      href: `/assessments/${encodeURIComponent(project.code)}`,
      projectId: project.id,
    },
    await projectInstitutionUsers(tx, project.id, 'lead'),
  );
}

/** A regulator named an expert reviewer for a project's assessment: the reviewer is told where to score. */
export async function notifyReviewerAssigned(tx: Tx, event: { projectId: number; reviewerId: number }) {
  const project = await projectNamed(tx, event.projectId);
  return raiseNotice(
    tx,
    {
      kind: 'REVIEWER_ASSIGNED',
      subject: `review${project.id}`,
      params: { code: project.code, project: project.name },
      href: `/assessments/${encodeURIComponent(project.code)}`,
      projectId: project.id,
    },
    [event.reviewerId],
  );
}
