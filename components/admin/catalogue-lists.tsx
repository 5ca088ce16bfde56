import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { editIndicatorAction, editTechnologyAction, setIndicatorRetiredAction, setTechnologyRetiredAction } from '@/app/actions/corrections';
import { InstitutionKindText, PlaceholderBadge } from '@/components/badges';
import { ActionForm, Field } from '@/components/forms/action-form';
import { TextInput, VersionInput } from '@/components/forms/inputs';
import { EditedBadge, RetireButton, RetiredBadge } from '@/components/retired';
import type { CatalogueIndicator, CatalogueTechnology } from '@/lib/data/catalogues';
import type { AdminInstitutionRow } from '@/lib/data/institution-admin';

const row = 'border-t border-slate-100 align-top';
const cell = 'px-2 py-1.5';

/** Edit form and retire button of a catalogue entry, folded away in its row. */
function Corrections({ testId, children }: { testId: string; children: React.ReactNode }) {
  const t = useTranslations('catalogues');
  return (
    <details data-testid={testId}>
      <summary className="cursor-pointer text-xs text-red-800 hover:underline">{t('correct')}</summary>
      <div className="mt-2 grid gap-3 rounded border border-slate-200 p-2 md:grid-cols-[2fr_1fr]">{children}</div>
    </details>
  );
}

export function IndicatorRows({ indicators }: { indicators: CatalogueIndicator[] }) {
  const t = useTranslations('catalogues');
  const zh = useLocale() === 'zh';
  return indicators.map((i) => (
    <tr key={i.id} className={row} data-indicator={i.code}>
      <td className={`${cell} font-mono text-xs`}>{i.code}</td>
      <td className={cell}>
        {zh ? i.nameZh : i.nameEn}
        {i.retiredAt && <RetiredBadge />}
        <Corrections testId={`indicator-corrections-${i.code}`}>
          {i.retiredAt ? (
            <p className="text-xs text-slate-600">{t('retiredBy', { name: i.retiredBy?.name ?? '—' })}</p>
          ) : (
            <ActionForm action={editIndicatorAction} submitLabel={t('save')} testId={`indicator-edit-${i.code}`}>
              <input type="hidden" name="indicatorId" value={i.id} />
              <VersionInput version={i.version} />
              <Field name="nameZh" label={t('nameZh')}>
                <TextInput name="nameZh" required initial={i.nameZh} />
              </Field>
              <Field name="nameEn" label={t('nameEn')}>
                <TextInput name="nameEn" required initial={i.nameEn} />
              </Field>
              <Field name="unit" label={t('unit')}>
                <TextInput name="unit" required initial={i.unit} />
              </Field>
            </ActionForm>
          )}
          <RetireButton
            action={setIndicatorRetiredAction}
            ids={{ indicatorId: i.id }}
            version={i.version}
            retired={i.retiredAt !== null}
            testId={`indicator-retire-${i.code}`}
          />
        </Corrections>
      </td>
      <td className={cell}>{i.unit}</td>
      <td className={`${cell} text-right tabular-nums`}>{i._count.values}</td>
    </tr>
  ));
}

export function TechnologyRows({ technologies }: { technologies: CatalogueTechnology[] }) {
  const t = useTranslations('catalogues');
  return technologies.map((x) => (
    <tr key={x.id} className={row} data-technology={x.name}>
      <td className={cell}>
        {x.name}
        {x.retiredAt && <RetiredBadge />}
        <Corrections testId={`technology-corrections-${x.id}`}>
          {x.retiredAt ? (
            <p className="text-xs text-slate-600">{t('retiredBy', { name: x.retiredBy?.name ?? '—' })}</p>
          ) : (
            <ActionForm action={editTechnologyAction} submitLabel={t('save')} testId={`technology-edit-${x.id}`}>
              <input type="hidden" name="technologyId" value={x.id} />
              <VersionInput version={x.version} />
              <Field name="name" label={t('name')}>
                <TextInput name="name" required initial={x.name} />
              </Field>
              <Field name="nameEn" label={t('nameEn')}>
                <TextInput name="nameEn" required initial={x.nameEn} />
              </Field>
            </ActionForm>
          )}
          <RetireButton
            action={setTechnologyRetiredAction}
            ids={{ technologyId: x.id }}
            version={x.version}
            retired={x.retiredAt !== null}
            testId={`technology-retire-${x.id}`}
          />
        </Corrections>
      </td>
      <td className={cell}>{x.nameEn}</td>
      <td className={cell}>{x.sourced ? t('sourced') : t('added')}</td>
      <td className={`${cell} text-right tabular-nums`}>{x._count.projects}</td>
    </tr>
  ));
}

/** Every institution, those in no project too; each is corrected on its own page. */
export function InstitutionRows({ institutions }: { institutions: AdminInstitutionRow[] }) {
  return institutions.map((i) => (
    <tr key={i.id} className={row} data-institution={i.id}>
      <td className={cell}>
        <Link href={`/institutions/${i.id}`} className="text-red-800 hover:underline">
          {i.name}
        </Link>
        {i.isPlaceholder && <PlaceholderBadge />}
        {i.retiredAt && <RetiredBadge />}
        <EditedBadge edited={i.editedFields} field="name" />
      </td>
      <td className={cell}>
        <InstitutionKindText kind={i.kind} inferred={i.kindInferred} />
      </td>
      <td className={`${cell} text-right tabular-nums`}>{i._count.projects}</td>
    </tr>
  ));
}
