import { can } from '@/lib/authz';
import { asDatabaseUnavailable } from '@/lib/errors';
import { searchFilterInstitutions } from '@/lib/filter-targets';
import { institutionSearchSchema } from '@/lib/filters';
import { getActor } from '@/lib/session';

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
