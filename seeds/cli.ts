/** `npm run db:seed`: loads the Beijing pilot into DATABASE_URL. Exits non-zero on any failure. */
import { createPrismaClient, requireDatabaseUrl } from '../lib/server/prisma';
import { seedDatabase } from './index';

async function main() {
  const prisma = createPrismaClient(requireDatabaseUrl());
  try {
    const started = performance.now();
    await seedDatabase(prisma);
    const [projects, institutions, values, users] = await Promise.all([
      prisma.project.count(),
      prisma.institution.count(),
      prisma.metricValue.count(),
      prisma.user.count(),
    ]);
    console.log(
      `seed: ${projects} projects, ${institutions} institutions, ${values} metric values, ${users} users (${Math.round(performance.now() - started)} ms)`,
    );
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((err) => {
  console.error('seed failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
