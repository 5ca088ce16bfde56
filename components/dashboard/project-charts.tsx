import { getLocale, getTranslations } from 'next-intl/server';
import { BarChartView } from '@/components/charts/bar-chart';
import { DIRECTION_COLOURS, stageColour, UNDISCLOSED_COLOUR } from '@/components/charts/colours';
import { getDirectionStages, getFields, getFunnel, getTechnologies } from '@/lib/data/dashboard';
import { formatInteger } from '@/lib/rules/format';
import type { Locale } from '@/lib/i18n/config';
import { getProgramLifecycle } from '@/lib/data/lifecycles';
import { directionWord } from '@/lib/data/programs';
import { stageName, stagesInOrder } from '@/lib/rules/stages';
import { listHref, type CardProps } from './card-props';
import { ChartCard } from './chart-card';

async function labels() {
  const [t, locale] = await Promise.all([getTranslations(), getLocale() as Promise<Locale>]);
  return { t, locale, zh: locale === 'zh', n: (v: number) => formatInteger(v, locale) };
}

/**
 * Under a breakdown: how many projects the record does not place (the 「未公开」
 * bucket, counted, never spread over the others) and how many are placed by our
 * reading of it.
 */
function BucketNotes(props: {
  kpi: string;
  undisclosed: number;
  inferred: number;
  total: number;
  what: 'direction' | 'field' | 'technology';
  /** More arguments of the note (the direction's: what the program calls it, and how many of the bucket have an inferred stage). */
  more?: Record<string, string | number>;
  t: Translate;
}) {
  const { t } = props;
  return (
    <div className="mt-1 space-y-0.5 text-xs text-slate-600">
      <p data-kpi={props.kpi} data-value={props.undisclosed}>
        {t(`breakdown.undisclosed.${props.what}`, { count: props.undisclosed, total: props.total, ...props.more })}
      </p>
      {props.inferred > 0 && <p data-inferred={props.inferred}>{t(`breakdown.inferred.${props.what}`, { count: props.inferred })}</p>}
    </div>
  );
}

type Translate = Awaited<ReturnType<typeof labels>>['t'];

export async function DirectionStageCard(props: CardProps) {
  const [dirs, lifecycle, { t, zh, n, locale }] = await Promise.all([getDirectionStages(props), getProgramLifecycle(props.targets.programId), labels()]);
  const word = await directionWord(props.targets.programId, locale, t('charts.direction'));
  const lower = zh ? word : word.toLowerCase();
  const f = props.targets.filters;
  const stages = stagesInOrder(lifecycle).filter((s) => dirs.some((d) => (d.stages[s.id] ?? 0) > 0));
  const label = (d: (typeof dirs)[number]) => (d.undisclosed ? t('breakdown.undisclosedLabel') : d.code);
  const rows = dirs.map((d) => ({
    label: label(d),
    values: Object.fromEntries(stages.map((s) => [s.code, d.stages[s.id] ?? 0])),
    href: listHref(f, { direction: d.code }),
    hrefs: Object.fromEntries(stages.map((s) => [s.code, listHref(f, { direction: d.code, stage: s.code })])),
  }));
  const undisclosed = dirs.find((d) => d.undisclosed)!;
  return (
    <ChartCard
      id="by-direction"
      title={t('dashboard.byDirection', { label: lower })}
      hint={t('dashboard.clickHint')}
      empty={dirs.every((d) => d.total === 0)}
      table={{
        columns: [word, ...stages.map((s) => stageName(s, zh ? 'zh' : 'en')), t('charts.total'), t('breakdown.inferredColumn')],
        rows: dirs.map((d) => ({
          key: d.code,
          href: listHref(f, { direction: d.code }),
          cells: [d.undisclosed ? label(d) : `${d.code} ${zh ? d.name : d.nameEn}`, ...stages.map((s) => n(d.stages[s.id] ?? 0)), n(d.total), n(d.inferred)],
        })),
      }}
      notes={
        <BucketNotes
          kpi="direction-undisclosed"
          what="direction"
          undisclosed={undisclosed.total}
          more={{ Label: word, label: lower, staged: undisclosed.stageInferred }}
          inferred={dirs.reduce((k, d) => k + d.inferred, 0)}
          total={dirs.reduce((k, d) => k + d.total, 0)}
          t={t}
        />
      }
    >
      <BarChartView
        name="by-direction"
        rows={rows}
        series={stages.map((s) => ({ key: s.code, label: stageName(s, zh ? 'zh' : 'en'), colour: stageColour(s) }))}
        stacked
        height={260}
      />
    </ChartCard>
  );
}

export async function FieldCard(props: CardProps) {
  const [fields, { t, zh, n }] = await Promise.all([getFields(props), labels()]);
  const f = props.targets.filters;
  const directions = [...new Set(fields.flatMap((x) => (x.direction ? [x.direction] : [])))].sort();
  const colour = (d: string | null) => (d === null ? UNDISCLOSED_COLOUR : DIRECTION_COLOURS[directions.indexOf(d) % DIRECTION_COLOURS.length]);
  const name = (x: (typeof fields)[number]) => (x.undisclosed ? t('breakdown.undisclosedLabel') : ((zh ? x.name : x.nameEn) ?? ''));
  const label = (x: (typeof fields)[number]) => (x.undisclosed ? name(x) : `${x.direction} ${name(x)}`);
  return (
    <ChartCard
      id="by-field"
      wide
      title={t('dashboard.byField')}
      hint={t('dashboard.clickHint')}
      empty={fields.every((x) => x.projects === 0)}
      table={{
        columns: [t('charts.field'), t('charts.direction'), t('charts.projects'), t('breakdown.inferredColumn')],
        rows: fields.map((x) => ({ key: x.code, href: listHref(f, { field: x.code }), cells: [name(x), x.direction ?? '—', n(x.projects), n(x.inferred)] })),
      }}
      notes={
        <BucketNotes
          kpi="field-undisclosed"
          what="field"
          undisclosed={fields.find((x) => x.undisclosed)!.projects}
          inferred={fields.reduce((k, x) => k + x.inferred, 0)}
          total={fields.reduce((k, x) => k + x.projects, 0)}
          t={t}
        />
      }
    >
      <BarChartView
        name="by-field"
        layout="horizontal"
        labelWidth={zh ? 240 : 360}
        height={Math.max(160, fields.length * 26 + 40)}
        series={[{ key: 'projects', label: t('charts.projects'), colour: DIRECTION_COLOURS[0] }]}
        rows={fields.map((x) => ({ label: label(x), values: { projects: x.projects }, href: listHref(f, { field: x.code }), colour: colour(x.direction) }))}
      />
    </ChartCard>
  );
}

export async function FunnelCard(props: CardProps) {
  const [steps, { t, zh, n }] = await Promise.all([getFunnel(props), labels()]);
  const f = props.targets.filters;
  // The first step is every project; each later one, those that reached it.
  const href = (i: number) => listHref(f, { reached: i === 0 ? undefined : steps[i].stage.code });
  const name = (s: (typeof steps)[number]) => stageName(s.stage, zh ? 'zh' : 'en');
  return (
    <ChartCard
      id="funnel"
      title={t('dashboard.funnel')}
      hint={t('dashboard.clickHint')}
      empty={(steps[0]?.projects ?? 0) === 0}
      table={{
        columns: [t('charts.stage'), t('charts.projects')],
        rows: steps.map((s, i) => ({ key: s.stage.code, href: href(i), cells: [name(s), n(s.projects)] })),
      }}
    >
      <BarChartView
        name="funnel"
        layout="horizontal"
        labelWidth={zh ? 110 : 150}
        height={Math.max(200, steps.length * 34 + 40)}
        series={[{ key: 'projects', label: t('charts.projects'), colour: stageColour(steps[0]?.stage ?? { sortOrder: 1, meaning: 'PENDING' }) }]}
        rows={steps.map((s, i) => ({ label: name(s), values: { projects: s.projects }, href: href(i), colour: stageColour(s.stage) }))}
      />
    </ChartCard>
  );
}

export async function TechnologyCard(props: CardProps) {
  const [techs, { t, zh, n }] = await Promise.all([getTechnologies(props), labels()]);
  const f = props.targets.filters;
  const name = (x: (typeof techs)[number]) => (x.undisclosed ? t('breakdown.noTechnology') : ((zh ? x.name : x.nameEn) ?? ''));
  return (
    <ChartCard
      id="by-technology"
      title={t('dashboard.byTechnology')}
      hint={t('dashboard.clickHint')}
      empty={techs.every((x) => x.projects === 0)}
      table={{
        columns: [t('charts.technology'), t('charts.projects')],
        rows: techs.map((x) => ({ key: String(x.id), href: listHref(f, { tech: x.id }), cells: [name(x), n(x.projects)] })),
      }}
      notes={
        <p className="mt-1 text-xs text-slate-600" data-kpi="technology-undisclosed" data-value={techs.find((x) => x.undisclosed)?.projects ?? 0}>
          {t('breakdown.undisclosed.technology', { count: techs.find((x) => x.undisclosed)?.projects ?? 0 })}
        </p>
      }
    >
      <BarChartView
        name="by-technology"
        layout="horizontal"
        labelWidth={zh ? 90 : 150}
        height={Math.max(160, techs.length * 28 + 40)}
        series={[{ key: 'projects', label: t('charts.projects'), colour: '#0f766e' }]}
        rows={techs.map((x) => ({
          label: name(x),
          values: { projects: x.projects },
          href: listHref(f, { tech: x.id }),
          colour: x.undisclosed ? UNDISCLOSED_COLOUR : undefined,
        }))}
      />
    </ChartCard>
  );
}
