import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { InstitutionRows, IndicatorRows, TechnologyRows } from '@/components/admin/catalogue-lists';
import { RetiredToggle } from '@/components/retired';
import { Section } from '@/components/section';
import { listCatalogues } from '@/lib/data/catalogues';
import { listAllInstitutions } from '@/lib/data/institution-admin';
import { can } from '@/lib/rules/authz';
import { parseFilters } from '@/lib/rules/filters';
import { requireActor } from '@/lib/server/session';

export async function generateMetadata() {
  return { title: (await getTranslations('catalogues'))('heading') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Administrators correct and retire the indicators, technologies and institutions that projects and values point to. */
export default async function CataloguesPage({ searchParams }: Props) {
  const actor = await requireActor();
  if (!can(actor, 'catalogue:manage')) notFound();
  const { retired } = parseFilters(await searchParams).filters;
  const [{ indicators, technologies }, institutions, t] = await Promise.all([
    listCatalogues({ actor, retired }),
    can(actor, 'project:manage') ? listAllInstitutions({ actor, retired }) : [],
    getTranslations('catalogues'),
  ]);
  const head = (labels: string[]) => (
    <thead className="bg-slate-100 text-slate-700">
      <tr>
        {labels.map((l) => (
          <th key={l} scope="col" className="px-2 py-1.5">
            {l}
          </th>
        ))}
      </tr>
    </thead>
  );
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t('heading')}</h1>
        <RetiredToggle shown={retired === 'include' || retired === 'only'} href={{ show: '/admin/catalogues?retired=include', hide: '/admin/catalogues' }} />
      </div>
      <p className="text-sm text-slate-600">{t('intro')}</p>
      <Section title={t('indicators')} id="indicators">
        <table className="w-full text-left text-sm" data-testid="indicator-catalogue">
          {head([t('code'), t('name'), t('unit'), t('values')])}
          <tbody>
            <IndicatorRows indicators={indicators} />
          </tbody>
        </table>
      </Section>
      <Section title={t('technologies')} id="technologies">
        <table className="w-full text-left text-sm" data-testid="technology-catalogue">
          {head([t('name'), t('nameEn'), t('origin'), t('projects')])}
          <tbody>
            <TechnologyRows technologies={technologies} />
          </tbody>
        </table>
      </Section>
      {institutions.length > 0 && (
        <Section title={t('institutions')} id="institutions">
          <p className="mb-2 text-sm text-slate-600">{t('institutionsIntro')}</p>
          <table className="w-full text-left text-sm" data-testid="institution-catalogue">
            {head([t('name'), t('kind'), t('projects')])}
            <tbody>
              <InstitutionRows institutions={institutions.filter((i) => !i.isPlaceholder)} />
            </tbody>
          </table>
          {/* The placeholders are many and alike: folded away until needed (a name disclosed later is corrected on its page). */}
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-red-800">{t('placeholders', { count: institutions.filter((i) => i.isPlaceholder).length })}</summary>
            <table className="mt-2 w-full text-left text-sm">
              <tbody>
                <InstitutionRows institutions={institutions.filter((i) => i.isPlaceholder)} />
              </tbody>
            </table>
          </details>
        </Section>
      )}
    </div>
  );
}
