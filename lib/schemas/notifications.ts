/**
 * Inbox inputs: marking one notice read, marking read every notice the page
 * showed, and which kinds of notice the user also receives by email. None
 * carries a user id: they act on the signed-in user's own inbox and settings.
 */
import { z } from 'zod';
import { NOTIFICATION_KINDS, type NotificationKind } from '../rules/notifications';
import { idField } from './fields';

/** One notice of one's own inbox. */
export const notificationReadSchema = z.object({ notificationId: idField });
export type NotificationReadInput = z.output<typeof notificationReadSchema>;

/** Every unread notice up to the newest the page showed: one that arrived since stays unread. */
export const notificationsReadAllSchema = z.object({ upTo: idField });
export type NotificationsReadAllInput = z.output<typeof notificationsReadAllSchema>;

const CHOICE = new RegExp(`^(${NOTIFICATION_KINDS.join('|')}):(on|off)$`);

/**
 * The email choice for every kind, as `KIND:on` / `KIND:off`. The form sends a
 * hidden `KIND:off` for each kind and a checkbox `KIND:on` beside it, so an
 * unticked box still says "off" and a kind left out is refused; `on` wins.
 */
export const emailPreferencesSchema = z.object({
  emailKinds: z.preprocess(
    (v) => (typeof v === 'string' ? [v] : v),
    z
      .array(z.string({ error: 'invalid' }).regex(CHOICE, { error: 'invalid' }), { error: 'required' })
      .max(NOTIFICATION_KINDS.length * 2, { error: 'tooMany' })
      .refine((choices) => NOTIFICATION_KINDS.every((kind) => choices.some((c) => c.startsWith(`${kind}:`))), { error: 'required' })
      .transform((choices) => NOTIFICATION_KINDS.filter((kind) => choices.includes(`${kind}:on`)) as NotificationKind[]),
  ),
});
export type EmailPreferencesInput = z.output<typeof emailPreferencesSchema>;
