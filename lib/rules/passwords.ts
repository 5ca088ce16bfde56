/**
 * What a new password must be: at least 12 characters, not guessable, and not
 * the user's own email or name. The strength estimate is zxcvbn's
 * (@zxcvbn-ts/core), with the dictionaries it ships of common and leaked
 * passwords, common English words and names, and keyboard patterns; all of it
 * is in the packages, nothing is fetched at run time. Pure: the form's schema
 * and the data layer (which knows the user's email and name) both call it.
 */
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
/** zxcvbn's scores run 0–4; 3 is "safely unguessable" (about 10^8 guesses and more). */
export const PASSWORD_MIN_SCORE = 3;

/** The warnings and suggestions zxcvbn can give without its online breach matcher (which is not used). */
export const PASSWORD_WARNINGS = [
  'straightRow',
  'keyPattern',
  'simpleRepeat',
  'extendedRepeat',
  'sequences',
  'recentYears',
  'dates',
  'topTen',
  'topHundred',
  'common',
  'similarToCommon',
  'wordByItself',
  'namesByThemselves',
  'commonNames',
  'userInputs',
] as const;
export const PASSWORD_SUGGESTIONS = [
  'l33t',
  'reverseWords',
  'allUppercase',
  'capitalization',
  'dates',
  'recentYears',
  'associatedYears',
  'sequences',
  'repeated',
  'longerKeyboardPattern',
  'anotherWord',
  'useWords',
  'noNeed',
] as const;

// Building the ranked dictionaries takes a few hundred milliseconds: once per process, on first use.
let estimator: ZxcvbnFactory | undefined;
function strength(password: string, personal: string[]): ZxcvbnResult {
  estimator ??= new ZxcvbnFactory({ graphs: common.adjacencyGraphs, dictionary: { ...common.dictionary, ...english.dictionary } });
  return estimator.check(password, personal);
}

/** The user's own words a password must not contain: the email, its local part, the name and each word of it. */
export function personalWords(user: { email?: string; name?: string }): string[] {
  const email = user.email?.trim().toLowerCase() ?? '';
  const name = user.name?.trim().toLowerCase() ?? '';
  const local = email.split('@')[0] ?? '';
  const words = [email, local.length >= 3 ? local : '', name.replace(/\s+/g, ''), ...name.split(/[\s.·_-]+/).filter((w) => w.length >= 3)];
  return [...new Set(words.filter((w) => w.length >= 2))];
}

/**
 * Why `password` may not be a new password, as message codes (namespace
 * `formErrors`); empty when it may. With the user's email and name, also
 * refuses a password that contains either of them, and zxcvbn counts them as
 * easy guesses. The library's own warning and suggestions follow its verdict,
 * as `passwordWarning.*` and `passwordSuggestion.*`.
 */
export function passwordProblems(password: string, user: { email?: string; name?: string } = {}): string[] {
  if (password.length < PASSWORD_MIN_LENGTH) return ['passwordTooShort'];
  if (password.length > PASSWORD_MAX_LENGTH) return ['tooLong'];
  const personal = personalWords(user);
  const flat = password.toLowerCase().replace(/\s+/g, '');
  const problems: string[] = personal.some((w) => flat.includes(w)) ? ['passwordPersonal'] : [];
  const { score, feedback } = strength(password, personal);
  if (score < PASSWORD_MIN_SCORE) {
    problems.push('passwordWeak');
    if (feedback.warning && (PASSWORD_WARNINGS as readonly string[]).includes(feedback.warning)) problems.push(`passwordWarning.${feedback.warning}`);
    for (const s of feedback.suggestions) if ((PASSWORD_SUGGESTIONS as readonly string[]).includes(s)) problems.push(`passwordSuggestion.${s}`);
  }
  return problems;
}
