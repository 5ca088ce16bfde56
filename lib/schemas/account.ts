/**
 * Account inputs: one's own password and display name, and an administrator's
 * edit of a user's name and email and reset of a password. The own-account
 * inputs carry no user id: they always act on the signed-in user.
 */
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, passwordProblems } from '../rules/passwords';
import { emailField, idField, requiredText } from './fields';

/** A display name. */
const nameField = requiredText(100);

/** A password as typed: never trimmed. */
const typedPassword = z.string({ error: 'required' }).min(1, { error: 'required' }).max(PASSWORD_MAX_LENGTH, { error: 'tooLong' });

/**
 * Changing one's own password. The strength and length rules run here (and so
 * for the form too); the data layer adds the checks that need the user: the
 * current password, and not containing the user's email or name.
 */
export const passwordChangeSchema = z
  .object({
    currentPassword: typedPassword,
    newPassword: z.string({ error: 'required' }).superRefine((password, ctx) => {
      for (const message of passwordProblems(password)) ctx.addIssue({ code: 'custom', message });
    }),
    confirmPassword: z.string({ error: 'required' }),
  })
  .superRefine((input, ctx) => {
    if (input.confirmPassword !== input.newPassword) ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'passwordMismatch' });
  });
export type PasswordChangeInput = z.output<typeof passwordChangeSchema>;

/** One's own display name, at the version the form read. */
export const ownNameSchema = z.object({ version: idField, name: nameField });
export type OwnNameInput = z.output<typeof ownNameSchema>;

/** An administrator's edit of a user's name and email, at the version the form read. */
export const userDetailsSchema = z.object({ userId: idField, version: idField, name: nameField, email: emailField });
export type UserDetailsInput = z.output<typeof userDetailsSchema>;

/** An administrator's reset: a temporary password is generated, never typed. */
export const passwordResetSchema = z.object({ userId: idField });
export type PasswordResetInput = z.output<typeof passwordResetSchema>;
