import { getTranslations } from 'next-intl/server';
import { Section } from '@/components/section';
import { IncidentForm } from '@/components/risk/incident-form';
import { IncidentList } from '@/components/risk/incident-list';
import { RiskSummary } from '@/components/risk/risk-summary';
import { RuleForm } from '@/components/risk/rule-form';
import { WarningList } from '@/components/risk/warning-list';
import { getRiskBoard } from '@/lib/data/risk-board';
import { can } from '@/lib/rules/authz';
import { requireActor } from '@/lib/server/session';

export async function generateMetadata() {
  return { title: (await getTranslations('risk'))('title') };
}

/** The risk board: open warnings and incidents of the projects the reader may read, and the forms its role may use. */
export default async function RiskPage() {
  const actor = await requireActor();
  const [board, t] = await Promise.all([getRiskBoard({ actor }), getTranslations('risk')]);
  const side = can(actor, 'incident:handle') ? 'institution' : can(actor, 'incident:decide') ? 'regulator' : null;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="text-sm text-slate-600">{t('lead')}</p>
      <p className="text-xs text-violet-700">{t('demoNote')}</p>
      <RiskSummary warningsOpen={board.warningsOpen} incidentsOpen={board.incidentsOpen} breakdown={board.breakdown} />
      <Section title={t('warnings')} id="warnings">
        <WarningList warnings={board.warnings} canHandle={can(actor, 'monitoring:manage')} />
      </Section>
      <Section title={t('incidents')} id="incidents">
        <IncidentList incidents={board.incidents} side={side} />
      </Section>
      {board.reportable.length > 0 && (
        <Section title={t('report')} id="report">
          <IncidentForm projects={board.reportable} />
        </Section>
      )}
      {board.programs.length > 0 && (
        <Section title={t('newRule')} id="rules">
          <RuleForm programs={board.programs} indicators={board.indicators} />
        </Section>
      )}
    </div>
  );
}
