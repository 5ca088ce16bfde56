import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { InstitutionAdminPanel } from '@/components/admin/institution-admin-panel';
import { InstitutionKindText, PlaceholderBadge } from '@/components/badges';
import { InstitutionProjects } from '@/components/institution-projects';
import { ProjectAuditHistory } from '@/components/project/project-audit-history';
import { EditedBadge, RetiredBadge, RetiredNotice } from '@/components/retired';
import { listRecordHistory, namesInEntries } from '@/lib/data/audit';
import { getInstitution } from '@/lib/data/institutions';
import { getInstitutionVersion } from '@/lib/data/institution-admin';
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
  const [t, locale, version, history] = await Promise.all([
    getTranslations(),
    getLocale(),
    getInstitutionVersion({ actor, institutionId: institution.id }),
    listRecordHistory({ actor, entityType: 'Institution', entityId: institution.id }),
  ]);
  const names = await namesInEntries(history);
  const licensed = institution.licensed === null ? 'project.licensedUnknown' : institution.licensed ? 'project.licensedYes' : 'project.licensedNo';
  const edited = institution.editedFields;
  return (
    <article className="space-y-4">
      <Link href="/institutions" className="text-sm text-red-800 hover:underline">
        ← {t('institutions.back')}
      </Link>
      {institution.retiredAt && <RetiredNotice retiredAt={institution.retiredAt} by={institution.retiredBy?.name ?? null} kind="institution" />}
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">
          {institution.name}
          {institution.isPlaceholder && <PlaceholderBadge />}
          {institution.retiredAt && <RetiredBadge />}
          <EditedBadge edited={edited} field="name" />
        </h1>
        {institution.shortName && (
          <p className="text-sm text-slate-600" data-testid="short-name">
            {t('institutions.shortName')}：{institution.shortName}
          </p>
        )}
        <p className="text-sm text-slate-700">
          <InstitutionKindText kind={institution.kind} inferred={institution.kindInferred} />
          <EditedBadge edited={edited} field="kind" /> · <span data-testid="licensed">{t(licensed)}</span>
          <EditedBadge edited={edited} field="licensed" />
        </p>
        {institution.sourceNote && (
          <p className="text-xs text-slate-600">
            {institution.sourceNote}
            <EditedBadge edited={edited} field="sourceNote" />
          </p>
        )}
      </header>
      <InstitutionProjects projects={institution.projects} locale={locale} />
      {version !== null && <InstitutionAdminPanel institution={institution} version={version} />}
      {history.length > 0 && <ProjectAuditHistory entries={history} lookups={names} />}
    </article>
  );
}
