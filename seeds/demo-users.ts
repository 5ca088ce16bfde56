/**
 * One demo account per role, for trying the portal and for end-to-end tests.
 * Refused when NODE_ENV=production unless SEED_DEMO_USERS=1 says otherwise.
 */
import type { PrismaClient } from '../lib/server/prisma';
import type { Role } from '../lib/generated/prisma/enums';
import { hashPassword } from '../lib/server/passwords';

export const DEMO_PASSWORD = 'Pilot-Demo-2026';

/** `programs`: the program codes a regulator or leader may read; absent means every program. */
export const demoUsers: { email: string; name: string; role: `${Role}`; institution?: string; programs?: string[] }[] = [
  { email: 'admin@pilot.example', name: '管理员演示账号', role: 'ADMIN' },
  { email: 'regulator@pilot.example', name: '监管演示账号', role: 'REGULATOR' },
  // Leads two projects (BJFT-02, BJFT-06), both online: enough to try every institution action.
  { email: 'institution@pilot.example', name: '招商银行北京分行演示账号', role: 'INSTITUTION', institution: '招商银行北京分行' },
  { email: 'leader@pilot.example', name: '领导演示账号', role: 'LEADER' },
  // A regulator of the sandbox only: the pilot is not theirs to read or decide in.
  { email: 'sandbox-regulator@pilot.example', name: '沙盒监管演示账号', role: 'REGULATOR', programs: ['BJ-FINTECH-SANDBOX'] },
  // Leads the sandbox application BJSB-02: its self-assessment in the demo assessment.
  { email: 'sandbox-institution@pilot.example', name: '农业银行演示账号', role: 'INSTITUTION', institution: '农业银行' },
  // An outside expert: sees only the assessments of the projects assigned to it.
  { email: 'reviewer@pilot.example', name: '评审专家演示账号', role: 'REVIEWER' },
];

export function demoUsersAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV !== 'production' || env.SEED_DEMO_USERS === '1';
}

export async function seedDemoUsers(prisma: PrismaClient): Promise<void> {
  if (!demoUsersAllowed()) {
    throw new Error('Refusing to create demo accounts with NODE_ENV=production; set SEED_DEMO_USERS=1 to allow it.');
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of demoUsers) {
    const institutionId = u.institution ? (await prisma.institution.findUniqueOrThrow({ where: { name: u.institution }, select: { id: true } })).id : null;
    const programs = u.programs ? await prisma.program.findMany({ where: { code: { in: u.programs } }, select: { id: true } }) : [];
    await prisma.user.upsert({
      where: { email: u.email },
      create: {
        email: u.email,
        name: u.name,
        role: u.role,
        institutionId,
        passwordHash,
        allPrograms: u.role !== 'INSTITUTION' && u.role !== 'REVIEWER' && !u.programs,
        programs: { create: programs.map((p) => ({ programId: p.id })) },
      },
      update: {},
    });
  }
}
