import { Readable } from 'node:stream';
import { getLocale, getTranslations } from 'next-intl/server';
import { isLocale } from '@/lib/i18n/config';
import { getActor } from '@/lib/session';
import { exportMeta } from '@/lib/transfer-meta';
import { CONTENT_TYPES, exportTable, TABLES, type Format, type Table } from '@/lib/transfers';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ table: string }> };

export async function GET(request: Request, { params }: Params) {
  const actor = await getActor();
  if (!actor) return new Response('sign in first', { status: 401 });
  const table = (await params).table as Table;
  const format = new URL(request.url).searchParams.get('format') ?? 'xlsx';
  if (!TABLES.includes(table) || (format !== 'xlsx' && format !== 'csv')) return new Response('unknown export', { status: 404 });

  const [t, tr, locale] = await Promise.all([getTranslations('transfer'), getTranslations('userRole'), getLocale()]);
  const meta = exportMeta({
    actor,
    labels: { exportedBy: t('exportedBy'), exportedAt: t('exportedAt'), filters: t('filters'), none: t('noFilters'), role: tr(actor.role) },
    filters: [],
  });
  const stream = exportTable({
    actor,
    table,
    format: format as Format,
    locale: isLocale(locale) ? locale : 'zh',
    meta,
    sheetNames: { data: t(`tables.${table}`), meta: t('metaSheet') },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  const filename = `${t(`tables.${table}`)}-${stamp}.${format}`;
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      'Content-Type': CONTENT_TYPES[format as Format],
      'Content-Disposition': `attachment; filename="${table}-${stamp}.${format}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'Cache-Control': 'no-store',
    },
  });
}
