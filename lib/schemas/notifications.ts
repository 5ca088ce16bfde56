/**
 * Inbox inputs: marking one notice read, marking all read, and which kinds of
 * notice the user also receives by email. None carries a user id: they act on
 * the signed-in user's own inbox and settings.
 */
import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../rules/notifications';
import { idField } from './fields';

/** One notice of one's own inbox. */
export const notificationReadSchema = z.object({ notificationId: idField });
export type NotificationReadInput = z.output<typeof notificationReadSchema>;

/** Every notice of one's own inbox: no fields. */
export const notificationsReadAllSchema = z.object({});

/** The kinds ticked for email: a checkbox per kind, so none ticked arrives as no field at all. */
export const emailPreferencesSchema = z.object({
  emailKinds: z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? [] : typeof v === 'string' ? [v] : v),
    z
      .array(z.enum(NOTIFICATION_KINDS, { error: 'invalid' }), { error: 'invalid' })
      .max(NOTIFICATION_KINDS.length, { error: 'tooMany' })
      .transform((kinds) => [...new Set(kinds)]),
  ),
});
export type EmailPreferencesInput = z.output<typeof emailPreferencesSchema>;
