/** Real user rows for integration tests: audit entries and proposals refer to them. */
import type { Actor, Role } from '@/lib/rules/authz';
import type { PrismaClient } from '@/lib/server/prisma';

/** A user acting as `role`; a regulator or leader reads every program unless `programs` names the program codes it may. */
async function userActor(prisma: PrismaClient, role: Role, institution?: string, programs?: string[]): Promise<Actor> {
  const institutionId = institution ? (await prisma.institution.findUniqueOrThrow({ where: { name: institution }, select: { id: true } })).id : null;
  const email = `${role.toLowerCase()}-${institutionId ?? 'none'}${programs ? `-${programs.join('-').toLowerCase()}` : ''}@test.example`;
  const name = institution ?? role;
  const programIds = programs ? (await prisma.program.findMany({ where: { code: { in: programs } }, select: { id: true } })).map((p) => p.id) : [];
  const user = await prisma.user.upsert({
    where: { email },
    create: {
      email,
      name,
      role,
      institutionId,
      passwordHash: 'x',
      allPrograms: role !== 'INSTITUTION' && !programs,
      programs: { create: programIds.map((programId) => ({ programId })) },
    },
    update: {},
    select: { id: true },
  });
  return { userId: user.id, role, institutionId, name, programs: role === 'INSTITUTION' || !programs ? 'ALL' : programIds };
}

/** One actor per role, plus institutions in each relation to the projects tests use. */
export async function createActors(prisma: PrismaClient) {
  return {
    admin: await userActor(prisma, 'ADMIN'),
    regulator: await userActor(prisma, 'REGULATOR'),
    leader: await userActor(prisma, 'LEADER'),
    /** An expert reviewer: sees only the assessments of projects assigned to it (none until a test assigns one). */
    reviewer: await userActor(prisma, 'REVIEWER'),
    /** Leads BJFT-02 and BJFT-06. */
    cmb: await userActor(prisma, 'INSTITUTION', '招商银行北京分行'),
    /** Leads BJFT-05. */
    unionpay: await userActor(prisma, 'INSTITUTION', '中国银联'),
    /** Participates in BJFT-08 without leading it: read-only there. */
    park: await userActor(prisma, 'INSTITUTION', '北京金融安全产业园'),
    /** A regulator of the sandbox alone (when the sandbox is seeded): the pilot is not theirs. */
    sandboxRegulator: await userActor(prisma, 'REGULATOR', undefined, ['BJ-FINTECH-SANDBOX']),
  };
}

export type TestActors = Awaited<ReturnType<typeof createActors>>;

export async function projectId(prisma: PrismaClient, code: string): Promise<number> {
  return (await prisma.project.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
}

export async function projectVersion(prisma: PrismaClient, code: string): Promise<number> {
  return (await prisma.project.findUniqueOrThrow({ where: { code }, select: { version: true } })).version;
}

/**
 * A digest of every table a write can touch: equal digests mean nothing changed.
 */
export async function dbFingerprint(prisma: PrismaClient): Promise<string> {
  const tables = [
    'Institution',
    'Project',
    'StageProposal',
    'StageChange',
    'Milestone',
    'MetricValue',
    'Comment',
    'ProgressReport',
    'AuditEntry',
    'User',
    'ReturnTemplate',
    'ReturnTemplateVersion',
    'ReturnSchedule',
    'Return',
    'ReturnSubmission',
    'Incident',
    'MonitoringRule',
    'Warning',
    'Rubric',
    'RubricDimension',
    'Assessment',
    'AssessmentScore',
    'ProjectReviewer',
    'PublicFeedback',
    'ImportRun',
    'ExportJob',
  ];
  const parts: string[] = [];
  for (const table of tables) {
    const [row] = await prisma.$queryRawUnsafe<{ digest: string | null; n: number }[]>(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest, count(*)::int AS n FROM "${table}" t`,
    );
    parts.push(`${table}:${row.n}:${row.digest}`);
  }
  return parts.join(' ');
}
