'use server';

import { runAction, type ActionResult } from '@/lib/server/actions';
import { userCreateSchema, userUpdateSchema } from '@/lib/schemas/user';
import { passwordResetSchema, userDetailsSchema } from '@/lib/schemas/account';
import { createUser, updateUser } from '@/lib/data/users';
import { resetPassword, updateUserDetails } from '@/lib/data/accounts';

export async function createUserAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'user:manage',
    schema: userCreateSchema,
    input,
    write: (actor, data) => createUser({ actor, input: data }),
    revalidate: ['/admin/users', '/audit'],
  });
}

export async function updateUserAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'user:manage',
    schema: userUpdateSchema,
    input,
    write: (actor, data) => updateUser({ actor, input: data }),
    revalidate: ['/admin/users', '/audit'],
  });
}

/** A user's name and email, by an administrator. */
export async function updateUserDetailsAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'user:manage',
    schema: userDetailsSchema,
    input,
    write: (actor, data) => updateUserDetails({ actor, input: data }),
    revalidate: ['/admin/users', '/audit'],
  });
}

export type PasswordResetResult = ActionResult<{ temporaryPassword: string }>;

/** A generated temporary password, answered once to the administrator; the user must change it at the next sign-in. */
export async function resetPasswordAction(_prev: PasswordResetResult | null, input: unknown): Promise<PasswordResetResult> {
  return runAction({
    capability: 'user:manage',
    schema: passwordResetSchema,
    input,
    write: (actor, data) => resetPassword({ actor, input: data }),
    answer: (written): PasswordResetResult => ({ ok: true, message: 'SAVED', data: written }),
    revalidate: ['/admin/users', '/audit'],
  });
}
