import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { migrationAdapter } from './prisma/migration-adapter';

// Migrations run on the schema engine bundled in the CLI (WASM), through a
// driver adapter; no native engine is downloaded. Prisma loads no .env file here.
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set: point it at the PostgreSQL database to migrate.');
    return migrationAdapter(url);
  },
});
