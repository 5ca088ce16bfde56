import { pingDatabase } from '@/lib/server/db';
import { asDatabaseUnavailable } from '@/lib/server/errors';
import { RETRY_AFTER_SECONDS } from '@/lib/server/unavailable-status';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    await pingDatabase();
    return Response.json({ status: 'ok', db: 'ok' });
  } catch (err) {
    const unavailable = asDatabaseUnavailable(err);
    console.error(unavailable?.message ?? err);
    return Response.json(
      { status: 'error', db: 'unavailable', reason: unavailable ? 'database unreachable' : 'database check failed' },
      {
        status: 503,
        headers: { 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' },
      },
    );
  }
}
