/**
 * A sandbox application's public statement (《金融科技创新应用声明书》): its
 * sections, as each public notice discloses them (sandbox.md), and how two
 * frozen versions differ. Pure.
 */
export const STATEMENT_SECTIONS = [
  'innovation',
  'service',
  'compliance',
  'techSecurity',
  'riskCompensation',
  'exitMechanism',
  'emergencyPlan',
  'riskNotice',
  'complaints',
] as const;
export type StatementSection = (typeof STATEMENT_SECTIONS)[number];
export type Statement = Partial<Record<StatementSection, string>>;

/** A stored statement (JSON) as sections: unknown keys and non-text values are dropped. */
export function asStatement(value: unknown): Statement {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const raw = value as Record<string, unknown>;
  return Object.fromEntries(STATEMENT_SECTIONS.flatMap((k) => (typeof raw[k] === 'string' && raw[k] !== '' ? [[k, raw[k] as string]] : [])));
}

export type SectionChange = { section: StatementSection; before: string; after: string };

/** The sections that differ between two versions, in the statement's order. */
export function statementChanges(before: Statement, after: Statement): SectionChange[] {
  return STATEMENT_SECTIONS.flatMap((section) => {
    const [a, b] = [before[section] ?? '', after[section] ?? ''];
    return a === b ? [] : [{ section, before: a, after: b }];
  });
}

/** What a dossier freezes of the project beside its statement, as plain values. */
export type DossierState = {
  name: string;
  summary: string;
  scenarios: string[];
  stage: string;
  direction: string | null;
  field: string | null;
  institutions: { name: string; role: string }[];
  technologies: string[];
};

/** The facts that differ between two frozen states, by key. */
export function stateChanges(before: DossierState, after: DossierState): { key: keyof DossierState; before: string; after: string }[] {
  const text = (v: DossierState[keyof DossierState]) =>
    Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : `${x.name}（${x.role}）`)).join('；') : (v ?? '');
  return (Object.keys(after) as (keyof DossierState)[]).flatMap((key) => {
    const [a, b] = [text(before[key]), text(after[key])];
    return a === b ? [] : [{ key, before: a, after: b }];
  });
}
