/** Deterministic reset of the integration database: every table emptied, identities restarted. */
import { createPrismaClient, type PrismaClient } from '@/lib/server/prisma';

export function testClient(): PrismaClient {
  return createPrismaClient(process.env.TEST_DATABASE_URL!);
}

export async function resetDatabase(prisma: PrismaClient): Promise<void> {
  const tables = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  await prisma.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
}
