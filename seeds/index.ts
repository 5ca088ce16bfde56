/** Everything a fresh portal database gets: the Beijing pilot and sandbox, and demo accounts where allowed. */
import type { PrismaClient } from '../lib/server/prisma';
import { seedDemoAssessments } from './demo-assessment';
import { demoUsersAllowed, seedDemoUsers } from './demo-users';
import { seedQuarterlyReturn, seedSampleReturns } from './returns-demo';
import { seedBeijingSandbox } from './sandbox-seed';
import { seedBeijingPilot } from './seed';
import { seedIncidentDeadlines, seedRiskDemo } from './risk';

export async function seedDatabase(prisma: PrismaClient, log: (m: string) => void = console.log): Promise<void> {
  await seedBeijingPilot(prisma);
  await seedBeijingSandbox(prisma);
  await seedIncidentDeadlines(prisma);
  if (demoUsersAllowed()) {
    await seedDemoUsers(prisma);
    // Sample filings are demo data, like the demo accounts: every state of the returns board shows.
    await seedSampleReturns(prisma);
    await seedRiskDemo(prisma);
    await seedDemoAssessments(prisma);
  } else {
    await seedQuarterlyReturn(prisma);
    log('demo accounts not created: NODE_ENV=production (set SEED_DEMO_USERS=1 to create them)');
  }
}
