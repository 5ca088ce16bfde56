import { z } from 'zod';
import { STATEMENT_SECTIONS, type StatementSection } from '../rules/statement';
import { idField, text } from './fields';

const sections = Object.fromEntries(STATEMENT_SECTIONS.map((k) => [k, text(4000)])) as Record<StatementSection, ReturnType<typeof text>>;

/** The public statement's draft, one form field per section, each plain text up to 4,000 characters. */
export const statementSchema = z.object({ projectId: idField, version: idField, ...sections });
export type StatementInput = z.output<typeof statementSchema>;
