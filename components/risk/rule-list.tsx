import { useLocale, useTranslations } from 'next-intl';
import { setRuleActiveAction } from '@/app/actions/risk';
import { ActionForm } from '@/components/forms/action-form';
import { VersionInput } from '@/components/forms/inputs';
import type { RuleRow } from '@/lib/data/rules';
import { DemoBadge, SeverityBadge } from './badges';
import { RuleForm } from './rule-form';

type Named = { id: number; name: string; nameEn: string };

/** Every rule of the programs the regulator reads: its terms in words, what it applies to, how many warnings are open; edit, disable or enable. */
export function RuleList({ rules, programs, indicators }: { rules: RuleRow[]; programs: Named[]; indicators: Named[] }) {
  const t = useTranslations('risk');
  if (!rules.length) return <p className="text-sm text-slate-600">{t('noRules')}</p>;
  return (
    <ul className="space-y-3" data-testid="rule-list">
      {rules.map((r) => (
        <li
          key={r.id}
          className={`space-y-1 rounded border p-3 text-sm ${r.active ? 'border-slate-200' : 'border-dashed border-slate-300 bg-slate-50'}`}
          data-rule={r.id}
          data-active={r.active}
          data-open-warnings={r.openWarnings}
        >
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <SeverityBadge severity={r.severity} />
            <span className="font-medium">{r.name}</span>
            <span className="text-slate-600">{t(`ruleKind.${r.kind}`)}</span>
            <span className={r.active ? 'text-emerald-700' : 'text-slate-500'}>{t(r.active ? 'ruleActive' : 'ruleDisabled')}</span>
            {r.isDemo && <DemoBadge />}
          </div>
          <RuleTerms rule={r} />
          <p className="text-slate-600">
            {t('appliesTo')}：{r.projectCodes.length ? r.projectCodes.join(', ') : t('allProjects')} · {t('openWarnings', { count: r.openWarnings })}
          </p>
          <div className="flex flex-wrap items-start gap-3">
            <ActionForm
              action={setRuleActiveAction}
              submitLabel={t(r.active ? 'disableRule' : 'enableRule')}
              testId={`rule-active-${r.id}`}
              className="flex flex-wrap items-center gap-2"
            >
              <input type="hidden" name="ruleId" value={r.id} />
              <input type="hidden" name="step" value={r.active ? 'DISABLE' : 'ENABLE'} />
              <VersionInput version={r.version} />
            </ActionForm>
            <details className="min-w-0 flex-1">
              <summary className="cursor-pointer py-1.5 text-red-800">{t('editRule')}</summary>
              <RuleForm programs={programs} indicators={indicators} rule={r} />
            </details>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** What a rule watches, in words: "用户数 高于 100,000", "服务场景数 连续 3 期无增长". */
function RuleTerms({ rule: r }: { rule: RuleRow }) {
  const t = useTranslations('risk');
  const locale = useLocale();
  const zh = locale === 'zh';
  const number = (v: number | null) => (v === null ? '—' : v.toLocaleString(zh ? 'zh-CN' : 'en-US'));
  const params = {
    program: zh ? r.program.name : r.program.nameEn,
    indicator: r.indicator ? (zh ? r.indicator.nameZh : r.indicator.nameEn) : '—',
    base: r.baseIndicator ? (zh ? r.baseIndicator.nameZh : r.baseIndicator.nameEn) : '—',
    direction: r.direction ? t(`direction.${r.direction}`) : '—',
    limit: number(r.limit),
    unit: r.indicator?.unit ?? '',
    count: number(r.count),
    severity: r.incidentSeverity ? t(`severity.${r.incidentSeverity}`) : '—',
  };
  const key = `ruleTerms.${r.kind}`;
  return (
    <p className="text-slate-800" data-rule-terms>
      {params.program} · {t.has(key) ? t(key, params) : t(`ruleKind.${r.kind}`)}
    </p>
  );
}
