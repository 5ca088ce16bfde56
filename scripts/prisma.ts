/** `tsx scripts/prisma.ts <args>`: the Prisma CLI with the offline settings (generate, migrate …). */
import { prisma } from './lib/prisma-cli';

prisma(process.argv.slice(2)).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
