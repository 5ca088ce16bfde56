import { listAuditEntries } from '@/lib/data/audit';
import { can } from '@/lib/rules/authz';
import { asDatabaseUnavailable } from '@/lib/server/errors';
import { auditFilterSchema } from '@/lib/schemas/audit';
import { getActor } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

/** The audit trail as JSON for regulators and admins, with the /audit page's filters. */
export async function GET(request: Request) {
  try {
    const actor = await getActor();
    if (!actor) return Response.json({ error: 'UNAUTHENTICATED' }, { status: 401 });
    if (!can(actor, 'audit:read')) return Response.json({ error: 'FORBIDDEN' }, { status: 403 });
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const f = auditFilterSchema.parse(query);
    const { entries, total } = await listAuditEntries({ actor, filter: { projectCode: f.project, actorId: f.user, action: f.action, from: f.from, to: f.to } });
    return Response.json({ entries, total });
  } catch (err) {
    const unavailable = asDatabaseUnavailable(err);
    console.error(unavailable?.message ?? err);
    return Response.json({ error: unavailable ? 'DATABASE_UNAVAILABLE' : 'UNEXPECTED' }, { status: unavailable ? 503 : 500 });
  }
}
