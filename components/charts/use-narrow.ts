'use client';

import { useSyncExternalStore } from 'react';

/** Below Tailwind's `sm`: a phone held upright, where a chart has about 320 px. */
const NARROW = '(max-width: 639.98px)';

const subscribe = (onChange: () => void) => {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};

/** True on a narrow screen; false on the server and while the page hydrates. */
export function useNarrow(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW).matches,
    () => false,
  );
}
