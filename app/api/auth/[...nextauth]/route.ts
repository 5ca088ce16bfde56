import NextAuth from 'next-auth';
import { authOptions, refuseAuthRequest } from '@/lib/server/auth';

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's endpoints, but the two requests it would answer with a 500 for a client's mistake get a 4xx. */
export async function GET(request: Request, context: Context) {
  return (await refuseAuthRequest((await context.params).nextauth, new URL(request.url).searchParams)) ?? handler(request, context);
}

export { handler as POST };
