import { NextResponse, type NextRequest } from 'next/server';

// Only a convenience: signed-out visitors are sent to the sign-in page. The
// security boundary is getActor() and the data layer, never this file.
const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const signIn = new URL('/signin', request.url);
  signIn.searchParams.set('callbackUrl', `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Everything but sign-in itself, the auth API, the health check and static files.
  matcher: ['/((?!signin|api/auth|api/health|_next/static|_next/image|favicon.ico).*)'],
};
