import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { getOwnAccount, listOwnPrograms } from '@/lib/data/account-page';
import { formatMoment } from '@/lib/rules/time';

type Account = Awaited<ReturnType<typeof getOwnAccount>>;
type Program = Awaited<ReturnType<typeof listOwnPrograms>>[number];

/** Who the user is on the portal: name, email, role, institution, programs, last sign-in. */
export function AccountFacts({ account, programs }: { account: Account; programs: Program[] }) {
  const t = useTranslations();
  const locale = useLocale();
  const rows: [string, string, React.ReactNode][] = [
    ['name', t('account.name'), account.name],
    ['email', t('account.email'), account.email],
    ['role', t('account.role'), t(`userRole.${account.role}`)],
  ];
  if (account.institution)
    rows.push([
      'institution',
      t('account.institution'),
      <Link key="institution" href={`/institutions/${account.institution.id}`} className="text-red-800 hover:underline">
        {account.institution.name}
      </Link>,
    ]);
  rows.push(
    ['programs', t('account.programs'), programs.length ? programs.map((p) => (locale === 'en' ? p.nameEn : p.name)).join('、') : t('account.noPrograms')],
    ['lastSignIn', t('account.lastSignIn'), account.lastSignInAt ? formatMoment(account.lastSignInAt) : t('account.neverSignedIn')],
  );
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" data-testid="account-facts">
      {rows.map(([key, label, value]) => (
        <div key={key} className="contents">
          <dt className="text-slate-600">{label}</dt>
          <dd data-fact={key}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
