'use client';

import { useEffect } from 'react';
import { useRouter } from 'next/navigation';

/** Re-renders the page every `ms` while `active` (a job is waiting or being written), so its progress moves on. */
export function RefreshWhile({ active, ms = 2_000 }: { active: boolean; ms?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), ms);
    return () => clearInterval(timer);
  }, [active, ms, router]);
  return null;
}
