/** Runs the Prisma CLI offline: migrations go through the WASM schema engine (see prisma.config.ts). */
import path from 'node:path';
import { run } from './process';

// The CLI looks for native engines when it starts and downloads missing ones; these
// variables name an existing file instead. In this setup neither engine is executed.
const placeholder = path.resolve('prisma', 'engine-placeholder.txt');

export function prismaCliEnv(databaseUrl?: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    PRISMA_QUERY_ENGINE_LIBRARY: placeholder,
    PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  };
}

export const prismaCliArgs = (args: string[]) => [path.resolve('node_modules', 'prisma', 'build', 'index.js'), ...args];

export function prisma(args: string[], databaseUrl?: string): Promise<void> {
  return run(process.execPath, prismaCliArgs(args), { env: prismaCliEnv(databaseUrl) });
}
