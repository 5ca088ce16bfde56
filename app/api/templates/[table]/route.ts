import { getLocale, getTranslations } from 'next-intl/server';
import { getActor } from '@/lib/session';
import { buildTemplate } from '@/lib/templates';
import { CONTENT_TYPES, TABLES, type Table } from '@/lib/transfers';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ table: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response('sign in first', { status: 401 });
  const table = (await params).table as Table;
  if (!TABLES.includes(table)) return new Response('unknown template', { status: 404 });
  const [t, stage, kind, locale] = await Promise.all([getTranslations('transfer'), getTranslations('stage'), getTranslations('institutionKind'), getLocale()]);
  const body = await buildTemplate({
    actor,
    table,
    locale: locale === 'en' ? 'en' : 'zh',
    labels: {
      allowedValues: t('allowedValues'),
      fields: t('referenceFields'),
      institutions: t('tables.institutions'),
      technologies: t('referenceTechnologies'),
      indicators: t('referenceIndicators'),
      stage: Object.fromEntries(['APPROVED', 'ONLINE', 'PROMOTION', 'COMPLETED', 'WITHDRAWN'].map((s) => [s, stage(s)])),
      kind: Object.fromEntries(['BANK', 'PAYMENT_ORG', 'INDUSTRY_ASSOCIATION', 'PUBLIC_INSTITUTION', 'TECH_COMPANY', 'OTHER'].map((k) => [k, kind(k)])),
    },
  });
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': CONTENT_TYPES.xlsx,
      'Content-Disposition': `attachment; filename="${table}-template.xlsx"; filename*=UTF-8''${encodeURIComponent(`${t(`tables.${table}`)}-${t('template')}.xlsx`)}`,
      'Cache-Control': 'no-store',
    },
  });
}
