/**
 * Coded columns in files people open: the label in the reader's language in one
 * column and the code beside it for machines (「机构类型」 = 银行, 「机构类型代码」 =
 * BANK). An import takes a code or a label in either language, in either
 * column. The labels are the pages' own messages; a stage's are its lifecycle's
 * (stages are data: `stageOf`).
 */
import { z } from 'zod';
import { AuditAction, InstitutionKind, Role, ValueQualifier } from '../generated/prisma/enums';
import type { Lifecycle, Stage } from '../rules/stages';
import type { Locale } from '../i18n/config';
import en from '../i18n/messages/en.json' with { type: 'json' };
import zh from '../i18n/messages/zh.json' with { type: 'json' };

type Labels = Record<string, string>;
type List<C extends string> = { codes: readonly C[]; zh: Labels; en: Labels; aliases?: Labels };

const list = <C extends string>(codes: readonly C[], zhLabels: Labels, enLabels: Labels, aliases?: Labels): List<C> => ({
  codes,
  zh: zhLabels,
  en: enLabels,
  aliases,
});

const LISTS = {
  kind: list(Object.values(InstitutionKind), zh.institutionKind, en.institutionKind),
  // The form's short words (约, 超过) are taken too: they are what people type.
  qualifier: list(Object.values(ValueQualifier), zh.transfer.qualifier, en.transfer.qualifier, {
    [zh.editPanel.qualifierEXACT]: 'EXACT',
    [zh.editPanel.qualifierABOUT]: 'ABOUT',
    [zh.editPanel.qualifierOVER]: 'OVER',
  }),
  // The sources the portal has words for; any other key is its own label.
  source: list(Object.keys(zh.sourceKey), zh.sourceKey, en.sourceKey),
  userRole: list(Object.values(Role), zh.userRole, en.userRole),
  auditAction: list(Object.values(AuditAction), zh.auditAction, en.auditAction),
  entity: list(Object.keys(zh.auditEntity), zh.auditEntity, en.auditEntity),
};

export type CodeList = keyof typeof LISTS;
type CodeOf<L extends CodeList> = (typeof LISTS)[L]['codes'][number];

/** Full-width and half-width forms alike, case and spacing aside: 约(近似值) is 约（近似值）. */
const normal = (text: string) => text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

const byText = new Map<CodeList, Map<string, string>>();
function lookup(name: CodeList): Map<string, string> {
  let map = byText.get(name);
  if (!map) {
    const l: List<string> = LISTS[name];
    map = new Map<string, string>();
    for (const [text, code] of Object.entries(l.aliases ?? {})) map.set(normal(text), code);
    for (const code of l.codes) for (const text of [l.en[code], l.zh[code], code]) if (text) map.set(normal(text), code);
    byText.set(name, map);
  }
  return map;
}

/** A stage of the lifecycle by its code or its name in either language (应用推广期, Promotion, PROMOTION). */
export function stageOf(lifecycle: Pick<Lifecycle, 'stages'>, text: string): Stage | undefined {
  const wanted = normal(text);
  return lifecycle.stages.find((s) => [s.code, s.name, s.nameEn].some((x) => normal(x) === wanted));
}

/** The codes of a list, in order. */
export const codesOf = <L extends CodeList>(name: L): readonly CodeOf<L>[] => LISTS[name].codes;

/** A code's label in `locale`; a code without one stands for itself. */
export function labelOf(name: CodeList, code: string, locale: Locale): string {
  const l: List<string> = LISTS[name];
  return l[locale][code] || code;
}

/** The code a cell names, by its code or its label in either language; null when it names none. */
export function codeOf<L extends CodeList>(name: L, text: string): CodeOf<L> | null {
  const code = lookup(name).get(normal(text));
  return code === undefined ? null : (LISTS[name].codes as readonly string[]).includes(code) ? (code as CodeOf<L>) : null;
}

/** A coded cell: empty is null; anything else must name a code of the list (ENUM otherwise). */
export const codedCell = <L extends CodeList>(name: L) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || codeOf(name, v) !== null, { message: 'ENUM' })
    .transform((v) => (v === '' ? null : codeOf(name, v)));

/**
 * The code a row names through a label column and its optional code column:
 * either may be filled; when both are, they must agree.
 */
export function agreed<C extends string>(label: C | null, code: C | null | undefined): { code: C | null; mismatch: boolean } {
  if (label && code && label !== code) return { code: null, mismatch: true };
  return { code: code ?? label, mismatch: false };
}
