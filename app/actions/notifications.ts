'use server';

import { runAction, SIGNED_IN, type ActionResult } from '@/lib/server/actions';
import { emailPreferencesSchema, notificationReadSchema, notificationsReadAllSchema } from '@/lib/schemas/notifications';
import { markAllNotificationsRead, markNotificationRead, saveEmailPreferences } from '@/lib/data/notifications';

/**
 * The signed-in user's own inbox and email settings. Marking notices read
 * changes only the reader's own inbox state, so it leaves no audit entry; the
 * email settings do.
 */

export async function markNotificationReadAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: SIGNED_IN,
    schema: notificationReadSchema,
    input,
    write: (actor, data) => markNotificationRead({ actor, input: data }),
    revalidate: ['/notifications'],
  });
}

export async function markAllNotificationsReadAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: SIGNED_IN,
    schema: notificationsReadAllSchema,
    input,
    write: (actor, data) => markAllNotificationsRead({ actor, input: data }),
    revalidate: ['/notifications'],
  });
}

export async function saveEmailPreferencesAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: SIGNED_IN,
    schema: emailPreferencesSchema,
    input,
    write: (actor, data) => saveEmailPreferences({ actor, input: data }),
    revalidate: ['/account', '/notifications'],
  });
}
