import bcrypt from 'bcryptjs';

// Cost 11: about a tenth of a second per check on a small server core.
const COST = 11;

export const hashPassword = (password: string) => bcrypt.hash(password, COST);
export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);
