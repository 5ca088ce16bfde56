'use client';

import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';

/**
 * The header's account controls and navigation (its children, built on the
 * server). From `lg` up they sit in the header as they are; below it they fold
 * behind a menu button, a disclosure: `aria-expanded` says whether the panel is
 * open, Escape closes it and gives focus back to the button, and so do a click
 * outside and following a link. Without JavaScript the panel is simply shown.
 */
export function SiteMenu({ children }: { children: React.ReactNode }) {
  const t = useTranslations('nav');
  const id = useId();
  const pathname = usePathname();
  // Open on one path only: navigating anywhere else closes the menu by itself.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpenOn(null);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!button.current?.contains(target) && !panel.current?.contains(target)) setOpenOn(null);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpenOn(open ? null : pathname)}
        className="inline-flex min-h-10 items-center gap-2 rounded border border-white/40 px-3 text-sm hover:bg-white/10 lg:hidden noscript:hidden"
        data-testid="menu-button"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 5h14M3 10h14M3 15h14" />}
        </svg>
        {t('menu')}
      </button>
      <div
        ref={panel}
        id={id}
        className={`${open ? 'flex' : 'hidden'} basis-full flex-wrap items-center gap-3 border-t border-white/20 pt-3 noscript:flex lg:contents`}
        onClick={(e) => {
          if ((e.target as Element).closest('a')) setOpenOn(null);
        }}
        data-testid="site-menu"
      >
        {children}
      </div>
    </>
  );
}
