import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { SHARED_CLIENT_NAMESPACES, type PageClientNamespace } from '@/lib/i18n/config';

/**
 * The messages of the namespaces only some pages' client components read
 * (lib/i18n/config.ts), around those components: the layout sends the shared
 * namespaces alone, so every other page does not carry these in its HTML.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: PageClientNamespace[]; children: React.ReactNode }) {
  const messages = await getMessages();
  const picked = Object.fromEntries([...SHARED_CLIENT_NAMESPACES, ...namespaces].map((ns) => [ns, messages[ns]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
