/**
 * A page that cannot reach PostgreSQL answers 503 with Retry-After, not 500.
 * Next.js gives a page no way to choose a 5xx status: an error thrown while
 * rendering becomes a 500 and the error page (app/error.tsx, which tells the
 * database case apart by its digest). So each request carries a small state
 * from the moment Node receives it (the same diagnostics channel as
 * ./peer-address.ts): a database read that fails for want of a connection
 * marks it (lib/server/db.ts, lib/server/sql.ts), and when that request's
 * answer goes out as a 500, it goes out as a 503 with Retry-After instead.
 * A 500 from anything else stays a 500. Outside a server (scripts, tests)
 * there is no state and marking does nothing.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';
import type { ServerResponse } from 'node:http';

/** Seconds a client should wait before asking again while the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

type RequestState = { databaseUnavailable: boolean };

// One store per process, even when this module is bundled more than once (instrumentation and the app).
const STORE = Symbol.for('portal.requestState');
const holder = globalThis as { [STORE]?: AsyncLocalStorage<RequestState> };
const store: AsyncLocalStorage<RequestState> = (holder[STORE] ??= new AsyncLocalStorage<RequestState>());

/** Called where a database call failed to connect: the current request, if any, answers 503 if it fails. */
export function markDatabaseUnavailable(): void {
  const state = store.getStore();
  if (state) state.databaseUnavailable = true;
}

/** Replaces the response's writeHead so that a 500 after a marked failure goes out as a 503 with Retry-After. */
export function answerUnavailableAs503(response: ServerResponse, state: RequestState): void {
  const writeHead = response.writeHead;
  const replaced = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (statusCode === 500 && state.databaseUnavailable) {
      statusCode = 503;
      this.statusCode = 503;
      if (!this.headersSent) {
        this.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
        this.setHeader('Cache-Control', 'no-store');
      }
    }
    return Reflect.apply(writeHead, this, [statusCode, ...rest]) as ServerResponse;
  };
  response.writeHead = replaced as ServerResponse['writeHead'];
}

const CHANNEL = 'http.server.request.start';
const installed = Symbol.for('portal.unavailableStatus');

/** Called once per server process (instrumentation.ts); a second call does nothing. */
export function installUnavailableStatus(): void {
  const flags = globalThis as { [installed]?: boolean };
  if (flags[installed]) return;
  flags[installed] = true;
  subscribe(CHANNEL, (message) => {
    const { response } = message as { response: ServerResponse };
    const state: RequestState = { databaseUnavailable: false };
    // Node emits the request to the server right after this, in the same turn: the state follows it.
    store.enterWith(state);
    answerUnavailableAs503(response, state);
  });
}
