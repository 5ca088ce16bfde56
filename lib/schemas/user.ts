import { z } from 'zod';
import { Role } from '../generated/prisma/enums';
import { checkbox, emailField, idField, requiredText } from './fields';

const optionalId = z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), idField.nullable());

/** INSTITUTION users need an institution; nobody else may have one. */
const institutionRule = <T extends { role: Role; institutionId: number | null }>(u: T, ctx: z.RefinementCtx) => {
  if (u.role === 'INSTITUTION' && u.institutionId === null) ctx.addIssue({ code: 'custom', path: ['institutionId'], message: 'required' });
  if (u.role !== 'INSTITUTION' && u.institutionId !== null) ctx.addIssue({ code: 'custom', path: ['institutionId'], message: 'onlyForInstitution' });
};

export const userCreateSchema = z
  .object({
    email: emailField,
    name: requiredText(100),
    role: z.enum(Role, { error: 'invalid' }),
    institutionId: optionalId,
    password: z.string({ error: 'required' }).min(12, { error: 'passwordTooShort' }).max(200, { error: 'tooLong' }),
  })
  .superRefine(institutionRule);
export type UserCreateInput = z.output<typeof userCreateSchema>;

export const userUpdateSchema = z
  .object({
    userId: idField,
    role: z.enum(Role, { error: 'invalid' }),
    institutionId: optionalId,
    disabled: checkbox,
  })
  .superRefine(institutionRule);
export type UserUpdateInput = z.output<typeof userUpdateSchema>;
