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
