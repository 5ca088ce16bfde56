import Link from 'next/link';
import type { Locale } from '@/lib/i18n/config';
import type { Translate } from '@/lib/i18n/translator';
import type { PublicRegister } from '@/lib/data/public-register';
import { publicJsonPath, publicPath } from '@/lib/rules/public-paths';
import { StageDate } from './stage-date';

/** One program's register: its named projects as rows, the rest as one counted line, and its published figures with their source. */
export function RegisterTable({ register, locale, t }: { register: PublicRegister; locale: Locale; t: Translate }) {
  const en = locale === 'en';
  const name = (x: { name: string; nameEn: string }) => (en ? x.nameEn : x.name);
  const label = (en ? register.directionLabelEn : register.directionLabel) ?? (en ? 'Direction' : '方向');
  const headingId = `register-${register.code}`;
  return (
    <section aria-labelledby={headingId} className="space-y-3" data-register={register.code}>
      <h2 id={headingId} className="text-xl font-semibold">
        {name(register)}
      </h2>
      {register.figures.length > 0 && (
        <ul aria-label={t('public.figures')} className="list-disc pl-5 text-sm text-slate-700">
          {register.figures.map((f) => (
            <li key={`${f.key}-${f.asOf}`}>
              {t('public.figure', {
                key: t.has(`public.figureKey.${f.key}`) ? t(`public.figureKey.${f.key}`) : f.key,
                value: f.value,
                asOf: f.asOf,
                source: f.source,
              })}
            </li>
          ))}
        </ul>
      )}
      <div className="overflow-x-auto">
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">{name(register)}</caption>
          <thead className="border-b border-slate-300 text-slate-700">
            <tr>
              <th scope="col" className="py-2 pr-3">
                {t('public.project')}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t('public.institutions')}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t('public.placement', { label })}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t('public.stage')}
              </th>
              <th scope="col" className="py-2">
                {t('public.since')}
              </th>
            </tr>
          </thead>
          <tbody>
            {register.projects.map((p) => (
              <tr key={p.code} data-project={p.code} className="border-b border-slate-100 align-top">
                <td className="py-2 pr-3">
                  <Link href={publicPath(locale, p.code)} className="text-red-800 underline" prefetch={false}>
                    {p.name}
                  </Link>
                  <span className="block text-xs text-slate-600">{p.code}</span>
                </td>
                <td className="py-2 pr-3">{p.institutions.map((i) => i.name).join(en ? '; ' : '；')}</td>
                <td className="py-2 pr-3">
                  {p.direction ? name(p.direction) : t('public.notStated')}
                  {p.field && ` / ${name(p.field)}`}
                </td>
                <td className="py-2 pr-3">{name(p.stage)}</td>
                <td className="py-2 whitespace-nowrap">{p.since ? <StageDate change={p.since} t={t} /> : t('public.notStated')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {register.unpublished > 0 && (
        <p className="text-sm text-slate-700" data-testid="unpublished">
          {t('public.unpublished', { count: register.unpublished })}
        </p>
      )}
      <p className="text-sm">
        <a href={publicJsonPath(register.code)} className="text-red-800 underline" type="application/json">
          {t('public.json')}
        </a>
      </p>
    </section>
  );
}
