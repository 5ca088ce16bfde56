'use server';

import { runAction, type ActionResult } from '@/lib/server/actions';
import { userCreateSchema, userUpdateSchema } from '@/lib/schemas/user';
import { createUser, updateUser } from '@/lib/data/users';

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
