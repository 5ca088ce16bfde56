import { getExportJob } from '@/lib/data/export-jobs';
import { idField } from '@/lib/schemas/fields';
import { AppError } from '@/lib/server/errors';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/** Where the reader's own export job stands; the exports page polls it while the file is written. */
export const GET = route<{ id: string }>(
  async ({ actor, params }) => {
    const id = idField.safeParse(params.id);
    if (!id.success) throw new AppError('NOT_FOUND');
    const job = await getExportJob({ actor, id: id.data });
    return Response.json({ id: job.id, status: job.status, rowsDone: job.rowsDone, rowsTotal: job.rowsTotal });
  },
  { capability: 'program:read' },
);
