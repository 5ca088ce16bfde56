import type { Actor } from '@/lib/authz';
import type { PrismaClient } from '@/lib/prisma';

export const regulator: Actor = { userId: 1, role: 'REGULATOR', institutionId: null, name: 'regulator' };
export const leader: Actor = { userId: 2, role: 'LEADER', institutionId: null, name: 'leader' };
export const admin: Actor = { userId: 3, role: 'ADMIN', institutionId: null, name: 'admin' };

/** An INSTITUTION actor acting for the named institution. */
export async function institutionActor(prisma: PrismaClient, name: string): Promise<Actor> {
  const inst = await prisma.institution.findUniqueOrThrow({ where: { name }, select: { id: true } });
  return { userId: 100 + inst.id, role: 'INSTITUTION', institutionId: inst.id, name };
}
