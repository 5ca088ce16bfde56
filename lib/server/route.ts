import 'server-only';
import { ZodError } from 'zod';
import { can, type Actor, type Capability } from '../rules/authz';
import { routeTranslator } from '../i18n/locale';
import { AppError, asDatabaseUnavailable, type ErrorCode } from './errors';
import { getActor } from './session';
import { RETRY_AFTER_SECONDS } from './unavailable-status';

export { RETRY_AFTER_SECONDS };

const STATUS: Record<ErrorCode | 'UNEXPECTED', number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_INPUT: 400,
  DATABASE_UNAVAILABLE: 503,
  UNEXPECTED: 500,
};

export type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (args: { actor: Actor; request: Request; params: P }) => Promise<Response>;

/** A JSON error answer: the code for programs, a message in the reader's language for people. */
async function errorResponse(code: ErrorCode | 'UNEXPECTED', headers: Record<string, string> = {}, reason?: 'PASSWORD_CHANGE_REQUIRED'): Promise<Response> {
  const { t } = await routeTranslator();
  return Response.json({ error: code, ...(reason && { reason }), message: t(`api.${reason ?? code}`) }, { status: STATUS[code], headers });
}

/** Maps what a handler threw to its answer once: the error vocabulary, the database, or a logged 500. */
async function failure(err: unknown, request: Request): Promise<Response> {
  if (err instanceof AppError && err.code !== 'DATABASE_UNAVAILABLE') return errorResponse(err.code);
  if (err instanceof ZodError) return errorResponse('INVALID_INPUT');
  const unavailable = asDatabaseUnavailable(err);
  if (unavailable) {
    console.error(unavailable.message);
    return errorResponse('DATABASE_UNAVAILABLE', { 'Retry-After': String(RETRY_AFTER_SECONDS) });
  }
  console.error(`${request.method} ${new URL(request.url).pathname} failed:`, err);
  return errorResponse('UNEXPECTED');
}

/**
 * The one wrapper of every signed-in route handler (the counterpart of
 * runAction for reads): actor → capability → handler, each failure answered
 * as JSON with a code and a message, and `Cache-Control: no-store` on every
 * answer, since each one carries what only this reader may see.
 */
export function route<P = Record<string, never>>(handler: Handler<P>, options: { capability?: Capability } = {}) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    let response: Response;
    try {
      const actor = await getActor();
      if (!actor) response = await errorResponse('UNAUTHENTICATED');
      // Until a reset password is changed, nothing is open (the permission map grants such a user nothing either).
      else if (actor.mustChangePassword) response = await errorResponse('FORBIDDEN', {}, 'PASSWORD_CHANGE_REQUIRED');
      else if (options.capability && !can(actor, options.capability)) response = await errorResponse('FORBIDDEN');
      else response = await handler({ actor, request, params: await context.params });
    } catch (err) {
      response = await failure(err, request).catch(() => Response.json({ error: 'UNEXPECTED' }, { status: 500 }));
    }
    response.headers.set('Cache-Control', 'no-store');
    return response;
  };
}
