import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ScheduleForm, TemplateEditForm } from '@/components/returns/template-forms';
import { TemplateVersions } from '@/components/returns/template-versions';
import { Section } from '@/components/section';
import { getProgramLifecycle } from '@/lib/data/lifecycles';
import { getTemplate, listReturnIndicators } from '@/lib/data/return-templates';
import { AppError } from '@/lib/server/errors';
import { requireActor } from '@/lib/server/session';
import { ClientMessages } from '@/components/client-messages';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations('returnTemplates'))('heading') };
}

/** One template: its names and sections (a change makes a new version), every version, and its schedules. */
export default async function ReturnTemplatePage({ params }: Props) {
  const actor = await requireActor();
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id < 1) notFound();
  const template = await getTemplate({ actor, templateId: id }).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  const [lifecycle, indicators, t, locale] = await Promise.all([
    getProgramLifecycle(template.programId),
    listReturnIndicators({ actor }),
    getTranslations('returnTemplates'),
    getLocale(),
  ]);
  const zh = locale === 'zh';
  const latest = template.versions[0];
  return (
    <ClientMessages namespaces={['sectionsEditor']}>
      <div className="space-y-4">
        <div>
          <p className="text-sm text-slate-600">{zh ? template.program.name : template.program.nameEn}</p>
          <h1 className="text-2xl font-semibold">
            {zh ? template.name : template.nameEn} <span className="font-mono text-base text-slate-500">{template.code}</span>
          </h1>
          <p className="text-sm text-slate-600">{t('filedOn', { count: template._count.returns, version: latest?.number ?? 0 })}</p>
        </div>
        <Section title={t('edit')} id="edit">
          <TemplateEditForm
            template={{ id: template.id, version: template.version, name: template.name, nameEn: template.nameEn, sections: latest?.sections ?? [] }}
            indicators={indicators}
          />
        </Section>
        <Section title={t('schedules')} id="schedules">
          <div className="space-y-4">
            {template.schedules.map((s) => (
              <div key={s.id} className="rounded border border-slate-200 p-3" data-schedule={s.id}>
                <ScheduleForm templateId={template.id} stages={lifecycle.stages} schedule={s} />
              </div>
            ))}
            <div className="rounded border border-dashed border-slate-300 p-3">
              <h3 className="mb-2 text-sm font-medium">{t('addSchedule')}</h3>
              <ScheduleForm templateId={template.id} stages={lifecycle.stages} />
            </div>
          </div>
        </Section>
        <Section title={t('versions')} id="versions">
          <TemplateVersions versions={template.versions} />
        </Section>
      </div>
    </ClientMessages>
  );
}
