/**
 * The driver adapter that Prisma's migration commands (`migrate deploy/dev/diff`)
 * use through the WASM schema engine. Used only by `prisma.config.ts`.
 *
 * It works around two upstream bugs of @prisma/adapter-pg 6.19 on that path:
 *
 * 1. (prisma/prisma#27403) The adapter cannot map the PostgreSQL catalog column
 *    types `"char"` (OID 18) and `name` (OID 19), so the schema engine's
 *    describe step fails with "Column type 'name' could not be deserialized".
 *    Both are plain strings in the text protocol: we report them as `text`.
 *
 * 2. `connectToShadowDb()` builds its pool from `{ ...config, database }`. With a
 *    `connectionString` in the config the string wins, so the "shadow" database
 *    is the main one; and it drops the shadow database while its pool is still
 *    connected. We pass discrete connection options and provide our own
 *    `connectToShadowDb()` that closes the pool before dropping (WITH (FORCE)).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';

const CHAR_OID = 18;
const NAME_OID = 19;
const TEXT_OID = 25;

type QueryResult = pg.QueryResult | pg.QueryResult[] | undefined;

function catalogTypesAsText<T extends QueryResult>(result: T): T {
  for (const r of Array.isArray(result) ? result : result ? [result] : []) {
    for (const field of r.fields ?? []) {
      if (field.dataTypeID === CHAR_OID || field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

/** A pg client whose results never carry the two catalog types the adapter rejects. */
class CatalogTextClient extends pg.Client {
  // pg's overloads cannot be restated one by one; this forwards every form
  // (promise or callback) and only rewrites the result's field types.
  override query(...args: unknown[]): never {
    const last = args[args.length - 1];
    const base = pg.Client.prototype.query as (...a: unknown[]) => unknown;
    if (typeof last === 'function') {
      const callback = last as (err: Error | null, res: QueryResult) => void;
      const wrapped = (err: Error | null, res: QueryResult) => callback(err, err ? res : catalogTypesAsText(res));
      return base.apply(this, [...args.slice(0, -1), wrapped]) as never;
    }
    const out = base.apply(this, args);
    if (out instanceof Promise) return out.then((res: QueryResult) => catalogTypesAsText(res)) as never;
    return out as never;
  }
}

export type ConnectionOptions = {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
};

export function connectionOptions(url: string): ConnectionOptions {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname) || 'localhost',
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, '')),
  };
}

function pool(options: ConnectionOptions): pg.Pool {
  return new pg.Pool({ ...options, Client: CatalogTextClient });
}

class MigrationAdapterFactory extends PrismaPg {
  constructor(private readonly connection: ConnectionOptions) {
    super(pool(connection), { disposeExternalPool: true });
  }

  override async connectToShadowDb() {
    const database = `prisma_shadow_${randomUUID().replaceAll('-', '')}`;
    const admin = new pg.Client(this.connection);
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    const adapter = await new PrismaPg(pool({ ...this.connection, database }), { disposeExternalPool: true }).connect();
    const closePool = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await closePool();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    };
    return adapter;
  }
}

export function migrationAdapter(url: string) {
  return new MigrationAdapterFactory(connectionOptions(url));
}
