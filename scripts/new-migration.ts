/**
 * `npm run db:migration -- <name>`: writes a new migration holding what
 * schema.prisma adds to the existing migrations (replayed on a shadow database
 * of DATABASE_URL's server). `prisma migrate dev` cannot do this offline on the
 * 6.19 WASM engine (its data-loss check finds no shadow database), so this is
 * `migrate diff` into a timestamped folder; `npm run db:migrate` then applies it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { requireDatabaseUrl } from '../lib/server/prisma';
import { prismaCliArgs, prismaCliEnv } from './lib/prisma-cli';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:migration -- <name in snake_case>');
  process.exit(1);
}
const sql = execFileSync(
  process.execPath,
  prismaCliArgs(['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema-datamodel', 'prisma/schema.prisma', '--script']),
  { env: prismaCliEnv(requireDatabaseUrl()), encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
);
if (!/^(CREATE|ALTER|DROP)/m.test(sql)) {
  console.log('schema.prisma and the migrations agree: nothing to write.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join('prisma', 'migrations', `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
console.log(`wrote ${dir}/migration.sql`);
