'use server';

import { runAction, SIGNED_IN, type ActionResult } from '@/lib/server/actions';
import { renewSession } from '@/lib/server/session';
import { ownNameSchema, passwordChangeSchema } from '@/lib/schemas/account';
import { changeOwnPassword, passwordChangeRefusals, renameSelf } from '@/lib/data/accounts';

const text = (v: unknown) => (typeof v === 'string' && v.length > 0 && v.length <= 200 ? v : undefined);

/**
 * The signed-in user's own password: the one action open to a user whose
 * password an administrator reset. It ends every session of the user, then
 * gives this browser a new one, so only the browser that made the change stays signed in.
 */
export async function changePasswordAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: SIGNED_IN,
    allowedBeforePasswordChange: true,
    schema: passwordChangeSchema,
    input,
    write: async (actor, data) => renewSession(await changeOwnPassword({ actor, input: data })),
    checkRest: (actor, raw) => passwordChangeRefusals({ actor, currentPassword: text(raw.currentPassword), newPassword: text(raw.newPassword) }),
    revalidate: ['/account', '/account/password'],
  });
}

/** The signed-in user's own display name. */
export async function renameSelfAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: SIGNED_IN,
    schema: ownNameSchema,
    input,
    write: (actor, data) => renameSelf({ actor, input: data }),
    revalidate: ['/account'],
  });
}
