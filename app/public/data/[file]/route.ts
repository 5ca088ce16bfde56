import { cachedPublicRegisters } from '@/lib/data/public-cache';

// Served from the cache like the pages, renewed by the public tag or after five minutes.
export const dynamic = 'force-static';
export const revalidate = 300;
export const generateStaticParams = () => [];

/** One program's register as JSON (`/public/data/<program>.json`): the same public fields as its page. */
export async function GET(_request: Request, context: { params: Promise<{ file: string }> }) {
  const match = /^(.+)\.json$/.exec((await context.params).file);
  const register = match ? (await cachedPublicRegisters()).find((r) => r.code === match[1]) : undefined;
  if (!register) return Response.json({ error: 'NOT_FOUND' }, { status: 404 });
  return Response.json(register, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
