import { routeTranslator } from '@/lib/i18n/locale';
import { AppError } from '@/lib/server/errors';
import { route } from '@/lib/server/route';
import { buildTemplate } from '@/lib/transfer/templates';
import { CONTENT_TYPES, IMPORT_TABLES, type ImportTable } from '@/lib/transfer/transfers';

export const dynamic = 'force-dynamic';

/** An import template in the reader's language: the columns with drop-down lists, an example, and every value each column accepts. */
export const GET = route<{ table: string }>(
  async ({ actor, params }) => {
    const table = params.table as ImportTable;
    if (!IMPORT_TABLES.includes(table)) throw new AppError('NOT_FOUND');
    const { t, locale } = await routeTranslator();
    const body = await buildTemplate({ actor, table, locale, t });
    return new Response(new Uint8Array(body), {
      headers: {
        'Content-Type': CONTENT_TYPES.xlsx,
        'Content-Disposition': `attachment; filename="${table}-template.xlsx"; filename*=UTF-8''${encodeURIComponent(`${t(`transfer.tables.${table}`)}-${t('transfer.template')}.xlsx`)}`,
      },
    });
  },
  { capability: 'program:read' },
);
