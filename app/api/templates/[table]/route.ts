import { routeTranslator } from '@/lib/i18n/locale';
import { AppError } from '@/lib/server/errors';
import { route } from '@/lib/server/route';
import { buildTemplate } from '@/lib/transfer/templates';
import { CONTENT_TYPES, IMPORT_TABLES, type ImportTable } from '@/lib/transfer/transfers';
import { InstitutionKind, ValueQualifier } from '@/lib/generated/prisma/enums';

export const dynamic = 'force-dynamic';

/** An import template: the columns, and a sheet of every value the reader may use in each. */
export const GET = route<{ table: string }>(
  async ({ actor, params }) => {
    const table = params.table as ImportTable;
    if (!IMPORT_TABLES.includes(table)) throw new AppError('NOT_FOUND');
    const { t, locale } = await routeTranslator();
    const body = await buildTemplate({
      actor,
      table,
      locale,
      labels: {
        allowedValues: t('transfer.allowedValues'),
        fields: t('transfer.referenceFields'),
        institutions: t('transfer.tables.institutions'),
        technologies: t('transfer.referenceTechnologies'),
        indicators: t('transfer.referenceIndicators'),
        projects: t('transfer.referenceProjects'),
        qualifier: Object.fromEntries(Object.values(ValueQualifier).map((q) => [q, t(`transfer.qualifier.${q}`)])),
        institutionSource: t('transfer.institutionSource'),
        kind: Object.fromEntries(Object.values(InstitutionKind).map((k) => [k, t(`institutionKind.${k}`)])),
      },
    });
    return new Response(new Uint8Array(body), {
      headers: {
        'Content-Type': CONTENT_TYPES.xlsx,
        'Content-Disposition': `attachment; filename="${table}-template.xlsx"; filename*=UTF-8''${encodeURIComponent(`${t(`transfer.tables.${table}`)}-${t('transfer.template')}.xlsx`)}`,
      },
    });
  },
  { capability: 'program:read' },
);
