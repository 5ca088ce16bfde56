'use client';

import { useEffect, useId, useState } from 'react';
import { useInBrowser } from '@/components/charts/use-in-browser';

type Institution = { id: number; name: string };
type Props = { programId: number; selected: Institution | null; typed?: string; label: string; placeholder: string; className: string };

/**
 * The institution filter: a name field that suggests, as the reader types, the
 * program's institutions the reader may see (a program can have thousands, too
 * many for a list), by name or short name. A suggestion taken sends its id as
 * `institution`; text typed without taking one is sent as typed, and the list
 * searches the institutions' names and short names for it (`typed` refills it).
 */
export function InstitutionField({ programId, selected, typed, label, placeholder, className }: Props) {
  const listId = useId();
  // Until the page hydrates the form sends what the server rendered: tests (and nothing else) wait for this mark.
  const hydrated = useInBrowser();
  const [text, setText] = useState(selected?.name ?? typed ?? '');
  const [suggestions, setSuggestions] = useState<Institution[]>(selected ? [selected] : []);
  const chosen = suggestions.find((s) => s.name === text.trim()) ?? null;
  const chosenId = chosen?.id;

  useEffect(() => {
    const q = text.trim();
    if (!q || chosenId !== undefined) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/filter-options/institutions?${new URLSearchParams({ programId: String(programId), q })}`, { signal: abort.signal })
        .then((res) => (res.ok ? (res.json() as Promise<{ institutions: Institution[] }>) : null))
        .then((body) => body && setSuggestions(body.institutions))
        .catch(() => {});
    }, 200);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [text, programId, chosenId]);

  return (
    <label className="text-xs text-slate-700">
      {label}
      <input
        type="search"
        list={listId}
        name={chosen || !text.trim() ? undefined : 'institution'}
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={100}
        autoComplete="off"
        placeholder={placeholder}
        className={className}
        data-filter="institution"
        data-hydrated={hydrated}
      />
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s.id} value={s.name} />
        ))}
      </datalist>
      {chosen && <input type="hidden" name="institution" value={chosen.id} />}
    </label>
  );
}
