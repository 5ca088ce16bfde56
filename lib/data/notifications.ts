import 'server-only';
import type { Actor } from '../rules/authz';
import { NOTIFICATION_KINDS, readNoticeParams, type NotificationKind, type NoticeParams } from '../rules/notifications';
import { Prisma } from '../generated/prisma/client';
import { db, sql } from '../server/db';
import { AppError } from '../server/errors';
import { snapshot, writeAudit } from './audit';
import type { EmailPreferencesInput, NotificationReadInput, NotificationsReadAllInput } from '../schemas/notifications';

/**
 * The signed-in user's inbox: only their own notices, whatever id is asked for
 * (another user's notice and an unknown id are both NOT_FOUND).
 */

export type InboxNotice = {
  id: number;
  kind: NotificationKind;
  params: NoticeParams;
  href: string;
  createdAt: Date;
  readAt: Date | null;
  emailedAt: Date | null;
};

/** The latest notices of the actor's inbox, newest first, unread and read alike. */
export async function listNotifications(options: { actor: Actor; take?: number; unreadOnly?: boolean }): Promise<InboxNotice[]> {
  const { actor, take = 100, unreadOnly = false } = options;
  const rows = await db.notification.findMany({
    where: { userId: actor.userId, ...(unreadOnly ? { readAt: null } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: { id: true, kind: true, params: true, href: true, createdAt: true, readAt: true, emailedAt: true },
  });
  return rows.map((row) => ({ ...row, params: readNoticeParams(row.params) }));
}

/** How many of the actor's notices are unread: the header's count, on every page, so one plain statement. */
export async function countUnreadNotifications(options: { actor: Actor }): Promise<number> {
  const [row] = await sql<{ n: number }>(
    Prisma.sql`SELECT count(*)::int AS n FROM "Notification" WHERE "userId" = ${options.actor.userId} AND "readAt" IS NULL`,
  );
  return row?.n ?? 0;
}

/** Marks one of the actor's own notices read (again marking a read one changes nothing). */
export async function markNotificationRead(options: { actor: Actor; input: NotificationReadInput }) {
  const { actor, input } = options;
  const found = await db.notification.findFirst({ where: { id: input.notificationId, userId: actor.userId }, select: { id: true, readAt: true } });
  if (!found) throw new AppError('NOT_FOUND');
  if (!found.readAt) await db.notification.updateMany({ where: { id: found.id, userId: actor.userId, readAt: null }, data: { readAt: new Date() } });
  return { id: found.id };
}

/** Marks read every unread notice of the actor's inbox up to the newest the page showed. */
export async function markAllNotificationsRead(options: { actor: Actor; input: NotificationsReadAllInput }) {
  const { count } = await db.notification.updateMany({
    where: { userId: options.actor.userId, readAt: null, id: { lte: options.input.upTo } },
    data: { readAt: new Date() },
  });
  return { count };
}

/** The kinds the actor receives by email: every kind unless switched off. */
export async function getEmailPreferences(options: { actor: Actor }): Promise<NotificationKind[]> {
  const off = await db.notificationPreference.findMany({ where: { userId: options.actor.userId, email: false }, select: { kind: true } });
  const refused = new Set(off.map((p) => p.kind));
  return NOTIFICATION_KINDS.filter((kind) => !refused.has(kind));
}

/** Saves which kinds the actor receives by email: a row per kind, with its audit entry in the same transaction. */
export async function saveEmailPreferences(options: { actor: Actor; input: EmailPreferencesInput }) {
  const { actor, input } = options;
  const wanted = new Set(input.emailKinds);
  return db.$transaction(async (tx) => {
    const before = await tx.notificationPreference.findMany({ where: { userId: actor.userId, email: false }, select: { kind: true } });
    const refused = new Set(before.map((p) => p.kind));
    await tx.notificationPreference.deleteMany({ where: { userId: actor.userId } });
    await tx.notificationPreference.createMany({ data: NOTIFICATION_KINDS.map((kind) => ({ userId: actor.userId, kind, email: wanted.has(kind) })) });
    await writeAudit(tx, {
      actor,
      action: 'NOTIFICATION_PREFERENCES_SAVE',
      entityType: 'User',
      entityId: actor.userId,
      before: snapshot({ emailKinds: NOTIFICATION_KINDS.filter((k) => !refused.has(k)) }),
      after: snapshot({ emailKinds: NOTIFICATION_KINDS.filter((k) => wanted.has(k)) }),
    });
    return { emailKinds: [...wanted] };
  });
}
