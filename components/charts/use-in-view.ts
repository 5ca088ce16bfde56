'use client';

import { useEffect, useRef, useState } from 'react';

/**
 * Whether an element has come near the viewport (within `margin`), once and for
 * good: a chart below the fold is drawn when scrolled to, so the charts of a
 * long page do not all hydrate and draw at load. Printing draws every chart.
 */
export function useInView<T extends Element>(margin = '200px') {
  const ref = useRef<T>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || seen) return;
    const show = () => setSeen(true);
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && show(), { rootMargin: margin });
    observer.observe(element);
    const print = window.matchMedia('print');
    print.addEventListener('change', show);
    window.addEventListener('beforeprint', show);
    return () => {
      observer.disconnect();
      print.removeEventListener('change', show);
      window.removeEventListener('beforeprint', show);
    };
  }, [seen, margin]);
  return { ref, seen };
}
