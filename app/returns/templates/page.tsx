import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { TemplateCreateForm } from '@/components/returns/template-forms';
import { Section } from '@/components/section';
import { listPrograms } from '@/lib/data/programs';
import { getProgramLifecycle } from '@/lib/data/lifecycles';
import { listProgramTemplates, listReturnIndicators } from '@/lib/data/return-templates';
import { stageByCode, stageName } from '@/lib/rules/stages';
import { can } from '@/lib/rules/authz';
import { requireActor } from '@/lib/server/session';
import { ClientMessages } from '@/components/client-messages';

export async function generateMetadata() {
  return { title: (await getTranslations('returnTemplates'))('heading') };
}

/** Regulators and administrators: every program's return templates and their schedules, and a new template. */
export default async function ReturnTemplatesPage() {
  const actor = await requireActor();
  if (!can(actor, 'return:manage')) notFound();
  const [programs, indicators, t, tf, locale] = await Promise.all([
    listPrograms({ actor }),
    listReturnIndicators({ actor }),
    getTranslations('returnTemplates'),
    getTranslations('returnFrequency'),
    getLocale(),
  ]);
  const zh = locale === 'zh';
  const perProgram = await Promise.all(
    programs.map(async (p) => ({ program: p, lifecycle: await getProgramLifecycle(p.id), templates: await listProgramTemplates({ actor, programId: p.id }) })),
  );
  const stagesOf = (lifecycle: Awaited<ReturnType<typeof getProgramLifecycle>>, codes: string[]) =>
    codes.map((c) => (stageByCode(lifecycle, c) ? stageName(stageByCode(lifecycle, c)!, locale) : c)).join(zh ? '、' : ', ');
  return (
    <ClientMessages namespaces={['sectionsEditor']}>
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">{t('heading')}</h1>
        <p className="text-sm text-slate-600">{t('intro')}</p>
        {perProgram.map(({ program, lifecycle, templates }) => (
          <Section key={program.id} title={zh ? program.name : program.nameEn} id={`program-${program.code}`}>
            {templates.length === 0 ? (
              <p className="text-sm text-slate-600">{t('none')}</p>
            ) : (
              <ul className="space-y-2 text-sm" data-testid={`templates-${program.code}`}>
                {templates.map((tp) => (
                  <li key={tp.id} data-template={tp.code}>
                    <Link href={`/returns/templates/${tp.id}`} className="font-medium text-red-800 hover:underline">
                      {zh ? tp.name : tp.nameEn}
                    </Link>{' '}
                    <span className="font-mono text-xs text-slate-500">{tp.code}</span>{' '}
                    <span className="text-slate-600">{t('versionLine', { version: tp.latest, sections: tp.sectionCount })}</span>
                    <ul className="ml-4 list-disc text-slate-600">
                      {tp.schedules.map((s) => (
                        <li key={s.id}>{t('scheduleLine', { frequency: tf(s.frequency), dueDays: s.dueDays, stages: stagesOf(lifecycle, s.stageCodes) })}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        ))}
        <Section title={t('new')} id="new-template">
          <TemplateCreateForm programs={programs} indicators={indicators} />
        </Section>
      </div>
    </ClientMessages>
  );
}
