import { z } from 'zod';

/** The tables an export may name (lib/transfer/sheets/tables.ts), and its two formats. */
export const EXPORT_TABLES = ['projects', 'institutions', 'metrics', 'audit'] as const;
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;

/**
 * Starting a background export: the table, the format, the language its
 * headers are written in, and the view's query exactly as its page's export
 * link carried it (the data layer reads the filters from it as the page does).
 */
export const exportJobStartSchema = z.object({
  table: z.enum(EXPORT_TABLES),
  format: z.enum(EXPORT_FORMATS),
  locale: z.enum(['zh', 'en']),
  view: z
    .string()
    .max(2_000)
    .regex(/^[\w.*~%+=&-]*$/, { message: 'INVALID' }),
});
export type ExportJobStartInput = z.output<typeof exportJobStartSchema>;
