'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';

type Program = { code: string; name: string; nameEn: string };

/**
 * The program a view shows lives in its URL (`?program=`): the switcher sets it
 * on the current page (dropping the other filters, which name another program's
 * directions and stages), and the header's links carry it to the next page.
 */
export function ProgramSwitcher({ programs, locale }: { programs: Program[]; locale: string }) {
  const t = useTranslations('programs');
  const pathname = usePathname();
  const router = useRouter();
  const current = useSearchParams().get('program') ?? programs[0]?.code;
  return (
    <form method="get" action={pathname} className="text-sm" data-testid="program-switcher">
      <label>
        <span className="sr-only">{t('switch')}</span>
        <select
          name="program"
          value={current}
          onChange={(e) => router.push(`${pathname}?program=${encodeURIComponent(e.target.value)}`)}
          className="rounded border border-red-300 bg-red-900 px-2 py-1 text-white"
        >
          {programs.map((p) => (
            <option key={p.code} value={p.code}>
              {locale === 'zh' ? p.name : p.nameEn}
            </option>
          ))}
        </select>
      </label>
      <noscript>
        <button type="submit" className="ml-1 underline">
          {t('switch')}
        </button>
      </noscript>
    </form>
  );
}

/** A header link that keeps the program the current URL names. */
export function ProgramLink({ href, children, className }: { href: string; children: React.ReactNode; className?: string }) {
  const program = useSearchParams().get('program');
  return (
    <Link href={program ? `${href}?program=${encodeURIComponent(program)}` : href} className={className}>
      {children}
    </Link>
  );
}
