import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { InferredBadge, InstitutionKindText, PlaceholderBadge, StageBadge, Undisclosed } from '@/components/badges';
import { Section } from '@/components/section';
import { TableScroll } from '@/components/table-scroll';
import { getInstitution } from '@/lib/data/institutions';
import { requireActor } from '@/lib/server/session';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props) {
  const institution = await getInstitution({ actor: await requireActor(), id: (await params).id });
  return { title: institution?.name };
}

export default async function InstitutionPage({ params }: Props) {
  const actor = await requireActor();
  const institution = await getInstitution({ actor, id: (await params).id });
  if (!institution) notFound();
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const licensed = institution.licensed === null ? 'project.licensedUnknown' : institution.licensed ? 'project.licensedYes' : 'project.licensedNo';
  return (
    <article className="space-y-4">
      <Link href="/institutions" className="text-sm text-red-800 hover:underline">
        ← {t('institutions.back')}
      </Link>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">
          {institution.name}
          {institution.isPlaceholder && <PlaceholderBadge />}
        </h1>
        {institution.shortName && (
          <p className="text-sm text-slate-600" data-testid="short-name">
            {t('institutions.shortName')}：{institution.shortName}
          </p>
        )}
        <p className="text-sm text-slate-700">
          <InstitutionKindText kind={institution.kind} inferred={institution.kindInferred} /> · <span data-testid="licensed">{t(licensed)}</span>
        </p>
        {institution.sourceNote && <p className="text-xs text-slate-600">{institution.sourceNote}</p>}
      </header>
      <Section title={t('institutions.projects')}>
        {institution.projects.length === 0 ? (
          <p className="text-sm text-slate-600">{t('institutions.none')}</p>
        ) : (
          <TableScroll label={t('institutions.projects')}>
            <table className="w-full text-left text-sm">
              <thead className="whitespace-nowrap text-slate-500">
                <tr>
                  <th scope="col" className="py-1 pr-3">
                    {t('projects.name')}
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {t('institutions.role')}
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {t('projects.field')}
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {t('projects.stage')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {institution.projects.map(({ role, project: p }) => (
                  <tr key={p.code} className="border-t border-slate-100" data-project={p.code} data-role={role}>
                    <td className="min-w-48 py-1 pr-3">
                      <Link href={`/projects/${p.code}`} className="text-red-800 hover:underline">
                        {p.name}
                      </Link>
                      {p.isPlaceholder && <PlaceholderBadge />}
                    </td>
                    <td className="py-1 pr-3 whitespace-nowrap">{t(`role.${role}`)}</td>
                    <td className="min-w-32 py-1 pr-3">
                      {p.direction ? p.direction.code : <Undisclosed />}
                      {p.directionInferred && <InferredBadge />} · {p.field ? locale === 'zh' ? p.field.name : p.field.nameEn : <Undisclosed />}
                      {p.fieldInferred && <InferredBadge />}
                    </td>
                    <td className="py-1 whitespace-nowrap">
                      <StageBadge stage={p.stage} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Section>
    </article>
  );
}
