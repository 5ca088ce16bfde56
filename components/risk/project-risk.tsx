import { getTranslations } from 'next-intl/server';
import { Section } from '@/components/section';
import { listIncidents } from '@/lib/data/incidents';
import { listWarnings } from '@/lib/data/warnings';
import type { Actor } from '@/lib/rules/authz';
import { IncidentList } from './incident-list';
import { WarningList } from './warning-list';

/** A project's warnings and incidents, every state, as part of its history (handled on /risk). */
export async function ProjectRisk({ actor, projectId }: { actor: Actor; projectId: number }) {
  const [warnings, incidents, t] = await Promise.all([listWarnings({ actor, projectId }), listIncidents({ actor, projectId }), getTranslations('risk')]);
  return (
    <Section title={t('projectSection')} id="risk">
      <div className="grid gap-4 md:grid-cols-2" data-testid="project-risk">
        <div className="min-w-0 space-y-2">
          <h3 className="font-medium">{t('warnings')}</h3>
          <WarningList warnings={warnings} canHandle={false} />
        </div>
        <div className="min-w-0 space-y-2">
          <h3 className="font-medium">{t('incidents')}</h3>
          <IncidentList incidents={incidents} side={null} />
        </div>
      </div>
    </Section>
  );
}
