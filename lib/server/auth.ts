import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { db } from './db';
import { verifyPassword } from './passwords';
import { clientAddress } from './client-address';
import { safeCallbackPath } from '../rules/callback-url';
import { accountKey, addressKey, clearAccount, isThrottled, recordFailure } from '../data/throttle';
import { currentSessionVersion, endSessions, recordSignIn } from '../data/users';
import { routeTranslator } from '../i18n/locale';

declare module 'next-auth' {
  interface Session {
    userId?: string;
  }
  interface User {
    sessionVersion?: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    /** The user's session version when the token was issued (lib/server/session.ts compares it). */
    sv?: number;
  }
}

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(200),
  password: z.string().min(1).max(200),
});

// bcrypt hash of a random string nobody knows: unknown emails cost as much time as wrong passwords.
const DUMMY_HASH = '$2b$11$5KMvTJqAa5vcM0s6EzlqWOkwLn6P1Ip24KwiPzHrR9EFtQ73qlE2O';

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/**
 * Checks one sign-in: throttled per account (5 failures in 15 minutes) and per
 * client address (50; lib/server/client-address.ts decides the address), both
 * locking for 15 minutes with the state in PostgreSQL so every instance sees
 * it, then the password. Throws "THROTTLED", which the sign-in form shows.
 * A success records the time (`lastSignInAt`).
 */
export async function authorizeCredentials(
  credentials: Record<string, string> | undefined,
  req: { headers?: Record<string, string | string[] | undefined> } | undefined,
) {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const keys = [accountKey(parsed.data.email), addressKey(clientAddress(req?.headers))];
  if (await isThrottled(keys)) throw new Error('THROTTLED');
  const user = await db.user.findUnique({ where: { email: parsed.data.email } });
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabled) {
    await recordFailure(keys);
    return null;
  }
  await Promise.all([clearAccount(parsed.data.email), recordSignIn(user.id)]);
  return { id: String(user.id), name: user.name, email: user.email, sessionVersion: user.sessionVersion };
}

/** A token whose user is gone or disabled, or whose version is no longer the user's: next-auth clears its cookie. */
export class SessionEndedError extends Error {
  constructor() {
    super('session ended');
    this.name = 'SessionEndedError';
  }
}

/**
 * Email and password sign-in, JWT sessions that expire after a working day.
 * The token carries the user id and the session version it was issued under:
 * role and institution are re-read from the database on every request
 * (lib/server/session.ts), so a change takes effect at once, and signing out,
 * disabling or a role change advances the version, which ends older tokens.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/signin' },
  secret: process.env.NEXTAUTH_SECRET,
  providers: [
    CredentialsProvider({
      name: 'credentials',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      authorize: authorizeCredentials,
    }),
  ],
  callbacks: {
    /** At sign-in, records the version; on renewal (/api/auth/session), refuses a token that no longer holds. */
    async jwt({ token, user }) {
      if (user) return { ...token, sv: user.sessionVersion };
      const userId = Number(token.sub);
      const version = Number.isInteger(userId) ? await currentSessionVersion(userId) : null;
      if (version === null || token.sv !== version) throw new SessionEndedError();
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub };
    },
    /** After signing in or out: only a path on the portal itself (lib/rules/callback-url.ts). */
    redirect({ url, baseUrl }) {
      return new URL(safeCallbackPath(url, baseUrl), baseUrl).href;
    },
  },
  events: {
    /** Signing out ends the session on the server too: a copy of the cookie is worth nothing afterwards. */
    async signOut({ token }) {
      const userId = Number(token?.sub);
      if (Number.isInteger(userId) && typeof token.sv === 'number') await endSessions({ userId, issuedUnder: token.sv });
    },
  },
  logger: {
    error(code, metadata) {
      // An ended session is the expected answer to a stale cookie, not a fault.
      if (code === 'JWT_SESSION_ERROR' && metadata instanceof SessionEndedError) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth][warn][${code}]`);
    },
    debug() {},
  },
};

/**
 * What next-auth answers with a 500 though the client is at fault: a GET of the
 * credentials callback (sign-in is a POST; 405) and its error page, which any
 * visitor can open with any code (400, with the code named). Null: next-auth's own answer.
 */
export async function refuseAuthRequest(segments: string[] | undefined, query: URLSearchParams): Promise<Response | null> {
  const [action, provider] = segments ?? [];
  if (action !== 'error' && !(action === 'callback' && provider === 'credentials')) return null;
  const { t } = await routeTranslator();
  const headers = { 'Cache-Control': 'no-store' };
  if (action === 'callback')
    return Response.json({ error: 'METHOD_NOT_ALLOWED', message: t('api.authMethod') }, { status: 405, headers: { ...headers, Allow: 'POST' } });
  const code = /^[A-Za-z]{1,40}$/.test(query.get('error') ?? '') ? query.get('error')! : 'Unknown';
  return Response.json({ error: 'AUTH_ERROR', code, message: t('api.authError', { code }), signIn: '/signin' }, { status: 400, headers });
}
