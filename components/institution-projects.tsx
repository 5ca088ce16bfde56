import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { InferredBadge, PlaceholderBadge, StageBadge, Undisclosed } from '@/components/badges';
import { Section } from '@/components/section';
import type { InstitutionDetail } from '@/lib/data/institutions';

/** The projects an institution leads or joins, with its role, field and stage. */
export function InstitutionProjects({ projects, locale }: { projects: InstitutionDetail['projects']; locale: string }) {
  const t = useTranslations();
  return (
    <Section title={t('institutions.projects')}>
      {projects.length === 0 ? (
        <p className="text-sm text-slate-600">{t('institutions.none')}</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="text-slate-500">
            <tr>
              <th scope="col" className="py-1">
                {t('projects.name')}
              </th>
              <th scope="col" className="py-1">
                {t('institutions.role')}
              </th>
              <th scope="col" className="py-1">
                {t('projects.field')}
              </th>
              <th scope="col" className="py-1">
                {t('projects.stage')}
              </th>
            </tr>
          </thead>
          <tbody>
            {projects.map(({ role, project: p }) => (
              <tr key={p.code} className="border-t border-slate-100" data-project={p.code} data-role={role}>
                <td className="py-1">
                  <Link href={`/projects/${p.code}`} className="text-red-800 hover:underline">
                    {p.name}
                  </Link>
                  {p.isPlaceholder && <PlaceholderBadge />}
                </td>
                <td className="py-1">{t(`role.${role}`)}</td>
                <td className="py-1">
                  {p.direction ? p.direction.code : <Undisclosed />}
                  {p.directionInferred && <InferredBadge />} · {p.field ? locale === 'zh' ? p.field.name : p.field.nameEn : <Undisclosed />}
                  {p.fieldInferred && <InferredBadge />}
                </td>
                <td className="py-1">
                  <StageBadge stage={p.stage} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
