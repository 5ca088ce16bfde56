import { searchFilterInstitutions } from '@/lib/data/filter-targets';
import { institutionSearchSchema } from '@/lib/rules/filters';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/** Institutions whose name contains `q`, among those the filter form may offer the reader (`programId`, `q`). */
export const GET = route(
  async ({ actor, request }) => {
    const query = institutionSearchSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return Response.json({ institutions: await searchFilterInstitutions({ actor, ...query }) });
  },
  { capability: 'program:read' },
);
