/**
 * The new-password rules (lib/rules/passwords.ts) and the form schema that
 * applies them: length, zxcvbn's strength score with its dictionaries of
 * common and leaked passwords, the user's own email and name, and a message in
 * both languages for everything the library can say.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import en from '@/lib/i18n/messages/en.json';
import zh from '@/lib/i18n/messages/zh.json';
import { PASSWORD_SUGGESTIONS, PASSWORD_WARNINGS, passwordProblems, personalWords } from '@/lib/rules/passwords';
import { passwordChangeSchema } from '@/lib/schemas/account';
import { temporaryPassword } from '@/lib/server/passwords';

const ZHANG = { email: 'zhang.wei@bank.example', name: 'Zhang Wei' };

describe('password rules', () => {
  it('accepts a long password that is hard to guess', () => {
    expect(passwordProblems('Quiet-Lantern-Harbour-7')).toEqual([]);
    expect(passwordProblems('orbit tulip gravel saxophone', ZHANG)).toEqual([]);
  });

  it('refuses fewer than 12 characters, whatever they are', () => {
    expect(passwordProblems('Xq7#mZ2!pL9')).toEqual(['passwordTooShort']);
    expect(passwordProblems('Xq7#mZ2!pL9w')).toEqual([]);
  });

  it("refuses common and leaked passwords, keyboard rows and repeats, with zxcvbn's reason", () => {
    expect(passwordProblems('password1234')).toEqual(expect.arrayContaining(['passwordWeak', 'passwordWarning.similarToCommon']));
    expect(passwordProblems('qwertyuiop12')).toContain('passwordWeak');
    expect(passwordProblems('aaaaaaaaaaaaaaaa')).toEqual(expect.arrayContaining(['passwordWeak', 'passwordWarning.simpleRepeat']));
    expect(passwordProblems('iloveyou2020')).toContain('passwordWeak');
  });

  it('refuses a password equal to or containing the email or the name, in any case', () => {
    expect(passwordProblems('zhang.wei@bank.example', ZHANG)).toContain('passwordPersonal');
    expect(passwordProblems('My-ZHANG.WEI@bank.example-99', ZHANG)).toContain('passwordPersonal');
    expect(passwordProblems('Harbour-zhangwei-Lantern', ZHANG)).toContain('passwordPersonal');
    expect(passwordProblems('张三的密码很长很长123', { email: 'z@bank.example', name: '张三' })).toContain('passwordPersonal');
    // The same password is fine for somebody else.
    expect(passwordProblems('Harbour-zhangwei-Lantern', { email: 'li@bank.example', name: 'Li Na' })).toEqual([]);
  });

  it('takes the email, its local part, the name and its words as personal', () => {
    expect(personalWords(ZHANG)).toEqual(['zhang.wei@bank.example', 'zhang.wei', 'zhangwei', 'zhang', 'wei']);
    // A short local part would refuse too much: only the whole email counts then.
    expect(personalWords({ email: 'li@bank.example', name: '李' })).toEqual(['li@bank.example']);
  });

  it('names every warning and suggestion of the library in both languages', () => {
    for (const messages of [zh, en]) {
      expect(Object.keys(messages.formErrors.passwordWarning).sort()).toEqual([...PASSWORD_WARNINGS].sort());
      expect(Object.keys(messages.formErrors.passwordSuggestion).sort()).toEqual([...PASSWORD_SUGGESTIONS].sort());
    }
    for (const code of ['passwordTooShort', 'passwordWeak', 'passwordPersonal', 'passwordMismatch', 'passwordUnchanged', 'currentPasswordWrong']) {
      expect(zh.formErrors).toHaveProperty(code);
      expect(en.formErrors).toHaveProperty(code);
    }
  });

  it('lists every warning and suggestion the library knows, but the online breach check it does not use', async () => {
    const { default: keys } = await import('@zxcvbn-ts/core/dist/data/translationKeys.mjs' as string);
    const known = keys as { warnings: Record<string, string>; suggestions: Record<string, string> };
    expect(
      Object.keys(known.warnings)
        .filter((k) => k !== 'pwned')
        .sort(),
    ).toEqual([...PASSWORD_WARNINGS].sort());
    expect(
      Object.keys(known.suggestions)
        .filter((k) => k !== 'pwned')
        .sort(),
    ).toEqual([...PASSWORD_SUGGESTIONS].sort());
  });
});

describe('password change schema', () => {
  const errors = (input: Record<string, unknown>) => {
    const parsed = passwordChangeSchema.safeParse(input);
    return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
  };

  it('accepts a strong new password typed twice', () => {
    expect(errors({ currentPassword: 'old', newPassword: 'Quiet-Lantern-Harbour-7', confirmPassword: 'Quiet-Lantern-Harbour-7' })).toEqual({});
  });

  it('says what is wrong with each field', () => {
    expect(errors({ currentPassword: '', newPassword: 'short', confirmPassword: 'short' })).toEqual({
      currentPassword: ['required'],
      newPassword: ['passwordTooShort'],
    });
    expect(errors({ currentPassword: 'old', newPassword: 'password1234', confirmPassword: 'password1234' }).newPassword).toContain('passwordWeak');
    expect(errors({ currentPassword: 'old', newPassword: 'Quiet-Lantern-Harbour-7', confirmPassword: 'Quiet-Lantern-Harbour-8' })).toEqual({
      confirmPassword: ['passwordMismatch'],
    });
  });

  it('never trims a password', () => {
    expect(errors({ currentPassword: 'old', newPassword: ' Quiet-Lantern-Harbour-7 ', confirmPassword: 'Quiet-Lantern-Harbour-7' })).toEqual({
      confirmPassword: ['passwordMismatch'],
    });
  });
});

describe('temporary passwords', () => {
  it('are 4 groups of 4 unambiguous characters, different every time, and strong by the same rules', () => {
    const seen = new Set(Array.from({ length: 50 }, () => temporaryPassword()));
    expect(seen.size).toBe(50);
    for (const p of [...seen].slice(0, 5)) {
      expect(p).toMatch(/^[A-HJ-NP-Za-km-z2-9]{4}(-[A-HJ-NP-Za-km-z2-9]{4}){3}$/);
      expect(passwordProblems(p)).toEqual([]);
    }
  });
});
