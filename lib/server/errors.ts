/**
 * The portal's small error vocabulary. Data-layer functions throw these; the
 * boundary (page, action, route handler) maps each to a response once.
 */
export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'INVALID_INPUT' | 'DATABASE_UNAVAILABLE';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = code,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/**
 * PostgreSQL cannot be reached or refuses us. Carries a fixed `digest` so the
 * error page can tell it apart in production (where messages are hidden), and
 * no stack frames: the log line says what to check, not where the code was.
 */
export class DatabaseUnavailableError extends Error {
  readonly digest = 'DATABASE_UNAVAILABLE';
  constructor(reason: string) {
    super(
      `Database unavailable (${reason}). Check that PostgreSQL is running and reachable, ` +
        'and that DATABASE_URL names the right host, port, database and credentials.',
    );
    this.name = 'DatabaseUnavailableError';
    this.stack = `${this.name}: ${this.message}`;
  }
}

const UNAVAILABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'DatabaseDoesNotExist',
  'DatabaseAccessDenied',
  'AuthenticationFailed',
  'ConnectionClosed',
  'SocketTimeout',
  'TlsConnectionError',
  'TooManyConnections',
]);
const UNAVAILABLE_CODES = new Set(['P1000', 'P1001', 'P1002', 'P1003', 'P1010', 'P1011', 'P1017', 'P2024']);

type Cause = { kind?: string; host?: string; port?: number; db?: string };

// node-postgres, used directly for hand-written reads (lib/server/sql.ts), throws the
// socket's own error or PostgreSQL's SQLSTATE: connection exceptions (class 08),
// refused credentials (28), a missing database, too many connections, a server
// shutting down or starting up.
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EAI_AGAIN']);
const unavailableSqlState = (code: string) => /^(08|28)[0-9A-Z]{3}$/.test(code) || ['3D000', '53300', '57P01', '57P02', '57P03'].includes(code);

/** Recognises a connection-level failure in whatever Prisma or the pg adapter threw. */
export function asDatabaseUnavailable(err: unknown): DatabaseUnavailableError | null {
  if (err instanceof DatabaseUnavailableError) return err;
  if (typeof err !== 'object' || err === null) return null;
  const { code, meta } = err as { code?: string; meta?: { driverAdapterError?: { cause?: Cause } } };
  const cause = meta?.driverAdapterError?.cause;
  if (cause?.kind && UNAVAILABLE_KINDS.has(cause.kind)) {
    const where = cause.host ? ` at ${cause.host}:${cause.port ?? ''}` : cause.db ? ` for database ${cause.db}` : '';
    return new DatabaseUnavailableError(`${cause.kind}${where}`);
  }
  if (code && UNAVAILABLE_CODES.has(code)) return new DatabaseUnavailableError(`Prisma ${code}`);
  if (code && SOCKET_CODES.has(code)) {
    const { address, port } = err as { address?: string; port?: number };
    return new DatabaseUnavailableError(`${code}${address ? ` at ${address}:${port ?? ''}` : ''}`);
  }
  if (code && unavailableSqlState(code)) return new DatabaseUnavailableError(`PostgreSQL ${code}`);
  // A connection ended under a query carries no code, only node-postgres's message.
  if (err instanceof Error && /^Connection terminated/.test(err.message)) return new DatabaseUnavailableError('connection terminated');
  return null;
}

/** Input the schema accepted but the data rejects (a date before approval, a duplicate): field → message codes. */
export class InputError extends AppError {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super('INVALID_INPUT');
  }
}

/** A stale edit: `current` is what is stored now, so the form can show what changed. */
export class ConflictError extends AppError {
  constructor(readonly current: Record<string, unknown>) {
    super('CONFLICT');
  }
}

/**
 * Whether a write failed on a unique constraint (Prisma's P2002, or PostgreSQL's
 * 23505 from a hand-written statement): two writers raced for the same key, and
 * the loser's input becomes a field error rather than an unexpected failure.
 */
export function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== 'object' || err === null || !('code' in err)) return false;
  return err.code === 'P2002' || err.code === '23505';
}
