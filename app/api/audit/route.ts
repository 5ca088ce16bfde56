import { listAuditEntries } from '@/lib/data/audit';
import { auditFilterSchema } from '@/lib/schemas/audit';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/** The audit trail as JSON for regulators and admins, with the /audit page's filters. */
export const GET = route(
  async ({ actor, request }) => {
    const f = auditFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const { entries, total } = await listAuditEntries({ actor, filter: { projectCode: f.project, actorId: f.user, action: f.action, from: f.from, to: f.to } });
    return Response.json({ entries, total });
  },
  { capability: 'audit:read' },
);
