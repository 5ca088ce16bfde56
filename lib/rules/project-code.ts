import { z } from 'zod';

/** Project codes as the portal writes them (e.g. BJFT-05); anything else is not a project. */
export const projectCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { message: 'CODE' });
