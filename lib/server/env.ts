/**
 * The environment the portal reads, checked once when it starts: by `npm start`
 * before anything else, and by the Next.js server at boot (instrumentation.ts).
 * Every problem is reported at once, each saying what to set. Pure: no
 * 'server-only', so scripts can use it. An empty variable counts as unset.
 */
import { z } from 'zod';

export type ServerEnv = {
  PORT: number;
  DATABASE_URL?: string;
  NEXTAUTH_SECRET?: string;
  NEXTAUTH_URL?: string;
  EMBEDDED_PG_PORT: number;
  DB_POOL_SIZE: number;
  TRUST_PROXY_HOPS: number;
  /** Email for notices (nodemailer): without it the portal works and says email is off. */
  SMTP_URL?: string;
  SMTP_FROM?: string;
};

export type EnvCheck = { ok: true; env: ServerEnv } | { ok: false; problems: string[] };

/** Secrets shorter than this are guessable; `openssl rand -base64 32` makes 44 characters. */
export const MIN_SECRET_LENGTH = 32;

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

function wholeNumber(name: string, range: { min: number; max: number; fallback: number }, advice: string) {
  return optionalText.transform((value, ctx) => {
    if (value === undefined) return range.fallback;
    const n = Number(value);
    if (/^\d+$/.test(value) && n >= range.min && n <= range.max) return n;
    ctx.addIssue({ code: 'custom', message: `${name} must be a whole number between ${range.min} and ${range.max}; got '${value}'. ${advice}` });
    return z.NEVER;
  });
}

/** A URL as it may be shown: the password replaced, even in a string that is not a valid URL. */
export function redactUrl(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

const databaseUrl = optionalText.transform((value, ctx) => {
  if (value === undefined) return undefined;
  const url = parseUrl(value);
  const host = url?.hostname || url?.searchParams.get('host');
  const database = url?.pathname.replace(/^\//, '');
  if (url && ['postgres:', 'postgresql:'].includes(url.protocol) && host && database) return value;
  ctx.addIssue({
    code: 'custom',
    message:
      `DATABASE_URL must be a postgresql:// (or postgres://) URL with a host and a database; got '${redactUrl(value)}'. ` +
      'Set it like DATABASE_URL=postgresql://user:password@localhost:5432/pilot, or unset it to let `npm start` run the embedded PostgreSQL.',
  });
  return z.NEVER;
});

const authSecret = optionalText.transform((value, ctx) => {
  if (value === undefined || value.length >= MIN_SECRET_LENGTH) return value;
  ctx.addIssue({
    code: 'custom',
    message:
      `NEXTAUTH_SECRET must be at least ${MIN_SECRET_LENGTH} characters; it has ${value.length}. ` +
      'Set it to a random string, e.g. NEXTAUTH_SECRET=$(openssl rand -base64 32), or unset it and `npm start` makes one and keeps it in .data/auth-secret.',
  });
  return z.NEVER;
});

const authUrl = optionalText.transform((value, ctx) => {
  if (value === undefined) return undefined;
  const url = parseUrl(value);
  if (url && ['http:', 'https:'].includes(url.protocol) && url.hostname) return value;
  ctx.addIssue({
    code: 'custom',
    message: `NEXTAUTH_URL must be the portal's address starting with http:// or https://; got '${value}'. Set it like NEXTAUTH_URL=https://portal.example.org.`,
  });
  return z.NEVER;
});

const smtpUrl = optionalText.transform((value, ctx) => {
  if (value === undefined) return undefined;
  const url = parseUrl(value);
  if (url && ['smtp:', 'smtps:'].includes(url.protocol) && url.hostname) return value;
  ctx.addIssue({
    code: 'custom',
    message: `SMTP_URL must be an smtp:// or smtps:// URL with a host; got '${redactUrl(value)}'. Set it like SMTP_URL=smtps://user:password@mail.example.org:465, or unset it to keep email off.`,
  });
  return z.NEVER;
});

const smtpFrom = optionalText.transform((value, ctx) => {
  if (value === undefined || z.email().safeParse(value.replace(/^.*<([^>]+)>\s*$/, '$1')).success) return value;
  ctx.addIssue({ code: 'custom', message: `SMTP_FROM must be an email address (optionally "Name <address>"); got '${value}'.` });
  return z.NEVER;
});

const schema = z.object({
  PORT: wholeNumber('PORT', { min: 1, max: 65535, fallback: 3000 }, 'Set PORT to a free port, e.g. PORT=3000.'),
  DATABASE_URL: databaseUrl,
  NEXTAUTH_SECRET: authSecret,
  NEXTAUTH_URL: authUrl,
  EMBEDDED_PG_PORT: wholeNumber(
    'EMBEDDED_PG_PORT',
    { min: 1, max: 65535, fallback: 54329 },
    'Set EMBEDDED_PG_PORT to a free port for the embedded PostgreSQL, e.g. EMBEDDED_PG_PORT=54329.',
  ),
  DB_POOL_SIZE: wholeNumber(
    'DB_POOL_SIZE',
    { min: 1, max: 100, fallback: 10 },
    'Set DB_POOL_SIZE to the database connections each server process may open, e.g. DB_POOL_SIZE=10.',
  ),
  TRUST_PROXY_HOPS: wholeNumber(
    'TRUST_PROXY_HOPS',
    { min: 0, max: 10, fallback: 0 },
    'Set TRUST_PROXY_HOPS to the number of reverse proxies in front of the portal (e.g. TRUST_PROXY_HOPS=1 behind one), or unset it when clients connect directly.',
  ),
  SMTP_URL: smtpUrl,
  SMTP_FROM: smtpFrom,
});

/**
 * Checks the environment. `requireSecret`: the production server signs sessions
 * with NEXTAUTH_SECRET and refuses to start without one.
 */
export function checkEnv(env: Record<string, string | undefined>, options: { requireSecret?: boolean } = {}): EnvCheck {
  const result = schema.safeParse(env);
  const problems = result.success ? [] : result.error.issues.map((issue) => issue.message);
  if (options.requireSecret && !env.NEXTAUTH_SECRET?.trim()) {
    problems.push(
      `NEXTAUTH_SECRET is not set; the production server signs sessions with it. Set it to a random string of at least ${MIN_SECRET_LENGTH} characters, e.g. NEXTAUTH_SECRET=$(openssl rand -base64 32).`,
    );
  }
  if (problems.length || !result.success) return { ok: false, problems };
  return { ok: true, env: result.data };
}

/** All problems in one message, one per line. */
export function describeEnvProblems(problems: string[]): string {
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  return `The environment has ${count}:\n${problems.map((problem) => `- ${problem}`).join('\n')}`;
}
