import { z } from 'zod';
import { getImportProgress } from '@/lib/data/import-runs';
import { AppError } from '@/lib/server/errors';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/** Where the reader's own import stands while its file is read and checked; the import form polls it. */
export const GET = route<{ id: string }>(
  async ({ actor, params }) => {
    const id = z.uuid().safeParse(params.id);
    if (!id.success) throw new AppError('NOT_FOUND');
    return Response.json(await getImportProgress({ actor, id: id.data }));
  },
  { capability: 'metric:import' },
);
