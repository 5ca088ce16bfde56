import { pingDatabase } from '@/lib/server/db';
import { asDatabaseUnavailable } from '@/lib/server/errors';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    await pingDatabase();
    return Response.json({ status: 'ok', db: 'ok' });
  } catch (err) {
    const unavailable = asDatabaseUnavailable(err);
    console.error(unavailable?.message ?? err);
    return Response.json({ status: 'error', db: 'unavailable', reason: unavailable ? 'database unreachable' : 'database check failed' }, { status: 503 });
  }
}
