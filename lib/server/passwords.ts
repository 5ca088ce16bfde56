import crypto from 'node:crypto';
import bcrypt from 'bcryptjs';

// Cost 11: about a tenth of a second per check on a small server core.
const COST = 11;

export const hashPassword = (password: string) => bcrypt.hash(password, COST);
export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);

// No 0/O, 1/l/I: the administrator reads it out or types it into a message.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password for an administrator's reset: 4 groups of 4 from 56 characters (about 93 bits), e.g. `k7Qm-x3Pa-…`. */
export function temporaryPassword(): string {
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join(''));
  return groups.join('-');
}
