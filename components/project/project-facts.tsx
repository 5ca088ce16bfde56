import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { InferredBadge, InstitutionKindText, PlaceholderBadge } from '@/components/badges';
import { EditedBadge, RetiredBadge } from '@/components/retired';
import { Section } from '@/components/section';
import { TableScroll } from '@/components/table-scroll';
import type { ProjectDetail } from '@/lib/data/projects';

export function ProjectFacts({ project }: { project: ProjectDetail }) {
  const t = useTranslations();
  const zh = useLocale() === 'zh';
  const licensed = (v: boolean | null) => t(v === null ? 'project.licensedUnknown' : v ? 'project.licensedYes' : 'project.licensedNo');
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      <Section title={t('project.summary')}>
        <p className="text-sm leading-relaxed" data-testid="summary">
          {project.summary || t('project.noSummary')}
          <EditedBadge edited={project.editedFields} field="summary" />
        </p>
        {project.sourceNote && (
          <p className="mt-3 border-l-2 border-slate-300 pl-2 text-xs text-slate-600" data-testid="provenance">
            <span className="font-medium">{t('project.provenance')}</span> · {project.sourceNote}
            {project.editedFields.length > 0 && (
              <span className="block" data-testid="edited-fields">
                {t('edited.fields', { fields: project.editedFields.map((f) => t(`edited.field.${f}`)).join(zh ? '、' : ', ') })}
              </span>
            )}
          </p>
        )}
      </Section>
      <Section title={t('project.institutions')}>
        <EditedBadge edited={project.editedFields} field="institutions" />
        <TableScroll label={t('project.institutions')}>
          <table className="w-full text-left text-sm">
            <thead className="whitespace-nowrap text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  {t('project.institutions')}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t('project.kind')}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t('project.licensed')}
                </th>
              </tr>
            </thead>
            <tbody>
              {project.institutions.map(({ role, roleInferred, roleNote, institution }) => (
                <tr key={institution.id} className="border-t border-slate-100" data-role={role}>
                  <td className="min-w-40 py-1 pr-3">
                    <Link href={`/institutions/${institution.id}`} className="text-red-800 hover:underline" data-institution-link={institution.id}>
                      {institution.name}
                    </Link>
                    {institution.shortName && <span className="ml-1 text-xs text-slate-500">（{institution.shortName}）</span>}
                    {institution.isPlaceholder && <PlaceholderBadge />}
                    {institution.retiredAt && <RetiredBadge />}
                    <span className="ml-1 text-xs text-slate-500">({t(`role.${role}`)})</span>
                    {roleInferred && <InferredBadge note={roleNote} />}
                  </td>
                  <td className="py-1 pr-3 whitespace-nowrap">
                    <InstitutionKindText kind={institution.kind} inferred={institution.kindInferred} />
                  </td>
                  <td className="py-1 whitespace-nowrap">{licensed(institution.licensed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </Section>
      <Section title={t('project.technologies')}>
        <EditedBadge edited={project.editedFields} field="technologies" />
        {project.technologies.length ? (
          <ul className="flex flex-wrap gap-2 text-sm">
            {project.technologies.map(({ technology }) => (
              <li key={technology.name} className="rounded bg-slate-100 px-2 py-0.5">
                {zh ? technology.name : technology.nameEn}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t('project.noTechnologies')}</p>
        )}
      </Section>
      <Section title={t('project.scenarios')}>
        {project.scenarios.length ? (
          <ul className="flex flex-wrap gap-2 text-sm" data-testid="scenarios">
            {project.scenarios.map((s) => (
              <li key={s} className="rounded bg-red-50 px-2 py-0.5 text-red-900">
                {s}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t('project.noScenarios')}</p>
        )}
      </Section>
    </div>
  );
}
