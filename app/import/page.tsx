import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ImportForm } from '@/components/import-form';
import { requireActor } from '@/lib/server/session';
import { IMPORT_LIMITS } from '@/lib/transfer/limits';
import { importTablesFor } from '@/lib/transfer/transfers';
import { ClientMessages } from '@/components/client-messages';

export async function generateMetadata() {
  return { title: (await getTranslations('transfer'))('importHeading') };
}

export default async function ImportPage() {
  const actor = await requireActor();
  const tables = importTablesFor(actor);
  if (tables.length === 0) notFound();
  const t = await getTranslations('transfer');
  return (
    <ClientMessages namespaces={['transfer']}>
      <div className="max-w-3xl space-y-4">
        <h1 className="text-2xl font-semibold">{t('importHeading')}</h1>
        <p className="text-sm text-slate-600">{t('importIntro')}</p>
        {actor.role === 'INSTITUTION' && <p className="text-sm text-slate-600">{t('importIntroInstitution')}</p>}
        <ul className="flex gap-4 text-sm">
          {tables.map((table) => (
            <li key={table}>
              <a className="text-red-800 hover:underline" href={`/api/templates/${table}`} download>
                {t('downloadTemplate', { table: t(`tables.${table}`) })}
              </a>
            </li>
          ))}
        </ul>
        <ImportForm tables={tables} maxBytes={IMPORT_LIMITS.maxBytes} />
      </div>
    </ClientMessages>
  );
}
