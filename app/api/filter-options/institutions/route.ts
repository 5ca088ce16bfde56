import { can } from '@/lib/rules/authz';
import { asDatabaseUnavailable } from '@/lib/server/errors';
import { searchFilterInstitutions } from '@/lib/data/filter-targets';
import { institutionSearchSchema } from '@/lib/rules/filters';
import { getActor } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

/** Institutions whose name contains `q`, among those the filter form may offer the reader (`programId`, `q`). */
export async function GET(request: Request) {
  try {
    const actor = await getActor();
    if (!actor) return Response.json({ error: 'UNAUTHENTICATED' }, { status: 401 });
    if (!can(actor, 'program:read')) return Response.json({ error: 'FORBIDDEN' }, { status: 403 });
    const parsed = institutionSearchSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) return Response.json({ error: 'INVALID_INPUT' }, { status: 400 });
    const institutions = await searchFilterInstitutions({ actor, ...parsed.data });
    return Response.json({ institutions });
  } catch (err) {
    const unavailable = asDatabaseUnavailable(err);
    console.error(unavailable?.message ?? err);
    return Response.json({ error: unavailable ? 'DATABASE_UNAVAILABLE' : 'UNEXPECTED' }, { status: unavailable ? 503 : 500 });
  }
}
