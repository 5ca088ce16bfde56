/**
 * The two languages say the same things: the same message keys, and a message
 * for every value of the enums the pages translate by key.
 */
import { describe, expect, it } from 'vitest';
import { AuditAction, InstitutionKind, ProposalStatus, Role, ValueQualifier } from '@/lib/generated/prisma/enums';
import { AUDIT_FIELDS } from '@/lib/rules/audit-display';
import en from '@/lib/i18n/messages/en.json';
import zh from '@/lib/i18n/messages/zh.json';

type Tree = { [key: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));

const ENUM_MESSAGES: [string, Record<string, string>][] = [
  ['auditAction', AuditAction],
  ['institutionKind', InstitutionKind],
  ['userRole', Role],
  ['transfer.qualifier', ValueQualifier],
  ['metric', ValueQualifier],
  ['proposalStatus', ProposalStatus],
  // Every field an audit entry's history can show has a label.
  ['auditField', Object.fromEntries(AUDIT_FIELDS.map((k) => [k, k]))],
];

describe('messages', () => {
  it('have the same keys in Chinese and English', () => {
    expect(keys(en as Tree).sort()).toEqual(keys(zh as Tree).sort());
  });

  for (const [namespace, values] of ENUM_MESSAGES) {
    it(`name every value of ${namespace}`, () => {
      const present = new Set(keys(zh as Tree));
      expect(Object.values(values).filter((v) => !present.has(`${namespace}.${v}`))).toEqual([]);
    });
  }
});
