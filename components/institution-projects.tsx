import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { InferredBadge, PlaceholderBadge, StageBadge, Undisclosed } from '@/components/badges';
import { Section } from '@/components/section';
import { TableScroll } from '@/components/table-scroll';
import type { InstitutionDetail } from '@/lib/data/institutions';

/** The projects an institution leads or joins, with its role, field and stage. */
export function InstitutionProjects({ projects, locale }: { projects: InstitutionDetail['projects']; locale: string }) {
  const t = useTranslations();
  return (
    <Section title={t('institutions.projects')}>
      {projects.length === 0 ? (
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
              {projects.map(({ role, project: p }) => (
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
  );
}
