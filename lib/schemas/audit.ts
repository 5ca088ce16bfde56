import { z } from 'zod';
import { AuditAction } from '../generated/prisma/enums';
import { dateField, idField } from './fields';

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : Array.isArray(v) ? v[0] : v), schema.optional()).catch(undefined);

/** The /audit filters, from a query string: anything malformed is ignored, not an error. */
export const auditFilterSchema = z.object({
  project: optional(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/),
  ),
  user: optional(idField),
  action: optional(z.enum(AuditAction)),
  from: optional(dateField),
  to: optional(dateField),
});
export type AuditFilterInput = z.output<typeof auditFilterSchema>;
