import { NextResponse, type NextRequest } from 'next/server';
import { createTranslator } from 'next-intl';
import { defaultLocale, isLocale, LOCALE_COOKIE } from '@/lib/i18n/config';
import en from '@/lib/i18n/messages/en.json';
import zh from '@/lib/i18n/messages/zh.json';
import { trustedProxyHops, visitorOrigin } from '@/lib/server/client-address';

/**
 * Runs before every request but static files. It is not the security boundary
 * (getActor() and the data layer are); it turns away what Next.js would answer
 * with a 500, keeps forwarded headers honest, sends signed-out visitors of a
 * page to the sign-in page, and marks what a signed-in reader gets as private:
 * - a body over the server-action limit: 413 with a message (Next.js throws);
 * - a state-changing request whose Origin is not the portal's host: 403 with a
 *   message (Next.js answers a server action's with a 500);
 * - X-Forwarded-Host and X-Forwarded-Proto: replaced by what the visitor used
 *   (lib/server/client-address.ts), so with no trusted proxy a client cannot
 *   name its own host to pass Next.js's server-action origin check;
 * - `Cache-Control: no-store` on every answer to a request with a session
 *   cookie, and HSTS when the portal is served over https (NEXTAUTH_URL).
 */
const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];
// The public register (/public, its feed, JSON and feedback) is open, and what robots read; everything else needs a session.
const PUBLIC_PATHS = ['/signin', '/api/auth/', '/api/health', '/public'];
const PUBLIC_FILES = ['/sitemap.xml', '/robots.txt'];
const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/** Server actions accept bodies up to this (next.config.js `serverActions.bodySizeLimit`, '6mb'). */
export const ACTION_BODY_LIMIT_BYTES = 6 * 1024 * 1024;
export const HSTS = 'max-age=31536000; includeSubDomains';

function message(request: NextRequest, key: 'tooLarge' | 'foreignOrigin') {
  const stored = request.cookies.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(stored) ? stored : defaultLocale;
  const t = createTranslator({ locale, messages: locale === 'en' ? en : zh, namespace: 'api' });
  return t(key, { limit: ACTION_BODY_LIMIT_BYTES / 1024 / 1024 });
}

const refuse = (request: NextRequest, status: 403 | 413, key: 'tooLarge' | 'foreignOrigin') =>
  new NextResponse(message(request, key), { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

/** The host an Origin header names, or null for none; "null" and garbage name no host at all. */
function originHost(origin: string | null): string | null | undefined {
  if (origin === null) return null;
  try {
    return new URL(origin).host.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

const isPublic = (pathname: string) =>
  PUBLIC_FILES.includes(pathname) || PUBLIC_PATHS.some((p) => (p.endsWith('/') ? pathname.startsWith(p) : pathname === p || pathname.startsWith(`${p}/`)));

function decide(request: NextRequest, signedIn: boolean): NextResponse {
  const visitor = visitorOrigin(request.headers, trustedProxyHops());
  const unsafe = !SAFE_METHODS.includes(request.method);
  if (unsafe && Number(request.headers.get('content-length') ?? 0) > ACTION_BODY_LIMIT_BYTES) return refuse(request, 413, 'tooLarge');
  const origin = originHost(request.headers.get('origin'));
  // No Origin at all is a hand-made request (browsers send one with every cross-site POST); Next.js lets it through too.
  if (unsafe && origin !== null && origin !== visitor.host) return refuse(request, 403, 'foreignOrigin');

  const { pathname, search } = request.nextUrl;
  if (!signedIn && !pathname.startsWith('/api/') && !isPublic(pathname)) {
    const signIn = new URL('/signin', request.url);
    signIn.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  const headers = new Headers(request.headers);
  if (visitor.host) headers.set('x-forwarded-host', visitor.host);
  headers.set('x-forwarded-proto', visitor.proto);
  return NextResponse.next({ request: { headers } });
}

export function proxy(request: NextRequest) {
  const signedIn = request.cookies.getAll().some((c) => SESSION_COOKIES.some((name) => c.name === name || c.name.startsWith(`${name}.`)));
  const response = decide(request, signedIn);
  if (signedIn) response.headers.set('Cache-Control', 'no-store');
  if (process.env.NEXTAUTH_URL?.startsWith('https://')) response.headers.set('Strict-Transport-Security', HSTS);
  return response;
}

export const config = {
  // Everything but built assets; the function itself decides what is public.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
