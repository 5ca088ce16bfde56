import { describe, expect, it } from 'vitest';
import { checkEnv, describeEnvProblems, redactUrl } from '@/lib/server/env';

const SECRET = 'k3J9q0x7Vb2mN5rT8wY1zA4cE6gH0jL2pS5uX8';

function problems(env: Record<string, string | undefined>, options?: { requireSecret?: boolean }): string[] {
  const result = checkEnv(env, options);
  return result.ok ? [] : result.problems;
}

describe('the environment checked at start', () => {
  it('accepts an empty environment and fills in the defaults', () => {
    const result = checkEnv({});
    expect(result).toEqual({ ok: true, env: { PORT: 3000, EMBEDDED_PG_PORT: 54329, DB_POOL_SIZE: 10, TRUST_PROXY_HOPS: 0 } });
  });

  it('accepts a full, good environment and returns numbers for the numbers', () => {
    const result = checkEnv({
      PORT: '8080',
      DATABASE_URL: 'postgresql://portal:s3cret@db.internal:5432/pilot?sslmode=require',
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: 'https://portal.example.org',
      EMBEDDED_PG_PORT: '55432',
      DB_POOL_SIZE: '20',
      TRUST_PROXY_HOPS: '1',
    });
    expect(result.ok && result.env).toMatchObject({ PORT: 8080, EMBEDDED_PG_PORT: 55432, DB_POOL_SIZE: 20, TRUST_PROXY_HOPS: 1 });
    expect(checkEnv({ DATABASE_URL: 'postgres://localhost/pilot' }).ok).toBe(true);
  });

  it('takes an smtp URL for email and says what to set for anything else, without showing its password', () => {
    expect(checkEnv({ SMTP_URL: 'smtps://mailer:pw@mail.example.org:465', SMTP_FROM: '试点平台 <portal@example.org>' })).toMatchObject({
      ok: true,
      env: { SMTP_URL: 'smtps://mailer:pw@mail.example.org:465', SMTP_FROM: '试点平台 <portal@example.org>' },
    });
    const [problem] = problems({ SMTP_URL: 'http://mailer:pw@mail.example.org' });
    expect(problem).toContain('SMTP_URL must be an smtp:// or smtps:// URL');
    expect(problem).not.toContain(':pw@');
    expect(problems({ SMTP_FROM: 'not an address' })[0]).toContain('SMTP_FROM must be an email address');
  });

  it('treats an empty variable as unset', () => {
    expect(checkEnv({ PORT: '', DATABASE_URL: ' ', NEXTAUTH_SECRET: '' })).toMatchObject({ ok: true, env: { PORT: 3000 } });
  });

  it('says exactly what to set for a bad PORT', () => {
    expect(problems({ PORT: 'abc' })).toEqual(["PORT must be a whole number between 1 and 65535; got 'abc'. Set PORT to a free port, e.g. PORT=3000."]);
    for (const bad of ['0', '65536', '-1', '3000.5', '1e3', '0x50']) expect(problems({ PORT: bad })[0]).toContain(`got '${bad}'`);
  });

  it('rejects a bad EMBEDDED_PG_PORT, DB_POOL_SIZE and TRUST_PROXY_HOPS with their ranges', () => {
    expect(problems({ EMBEDDED_PG_PORT: '70000' })[0]).toMatch(
      /^EMBEDDED_PG_PORT must be a whole number between 1 and 65535; got '70000'\. .*EMBEDDED_PG_PORT=54329/,
    );
    expect(problems({ DB_POOL_SIZE: '0' })[0]).toMatch(/^DB_POOL_SIZE must be a whole number between 1 and 100; got '0'\. .*DB_POOL_SIZE=10/);
    expect(problems({ DB_POOL_SIZE: '101' })[0]).toContain("got '101'");
    expect(problems({ TRUST_PROXY_HOPS: '11' })[0]).toMatch(/^TRUST_PROXY_HOPS must be a whole number between 0 and 10; got '11'\. .*TRUST_PROXY_HOPS=1/);
    expect(problems({ TRUST_PROXY_HOPS: 'yes' })[0]).toContain("got 'yes'");
    expect(checkEnv({ TRUST_PROXY_HOPS: '0' }).ok).toBe(true);
  });

  it('rejects a DATABASE_URL that is not PostgreSQL, lacks a host or a database, without showing its password', () => {
    for (const bad of [
      'mysql://root:hunter2@localhost:3306/pilot',
      'postgresql://root:hunter2@localhost:5432',
      'postgresql:///pilot',
      'localhost:5432/pilot',
    ]) {
      const [problem] = problems({ DATABASE_URL: bad });
      expect(problem).toMatch(/^DATABASE_URL must be a postgresql:\/\/ \(or postgres:\/\/\) URL with a host and a database; got '/);
      expect(problem).toContain('DATABASE_URL=postgresql://user:password@localhost:5432/pilot');
      expect(problem).not.toContain('hunter2');
    }
    expect(redactUrl('postgresql://root:hunter2@localhost:notaport/pilot')).toBe('postgresql://root:***@localhost:notaport/pilot');
  });

  it('accepts a socket directory given as the host parameter', () => {
    expect(checkEnv({ DATABASE_URL: 'postgresql:///pilot?host=/var/run/postgresql' }).ok).toBe(true);
  });

  it('rejects a short NEXTAUTH_SECRET without showing it', () => {
    const [problem] = problems({ NEXTAUTH_SECRET: 'changeme' });
    expect(problem).toMatch(/^NEXTAUTH_SECRET must be at least 32 characters; it has 8\. /);
    expect(problem).toContain('openssl rand -base64 32');
    expect(problem).not.toContain('changeme');
  });

  it('requires NEXTAUTH_SECRET only where the production server asks for it', () => {
    expect(checkEnv({}).ok).toBe(true);
    expect(problems({}, { requireSecret: true })).toEqual([
      expect.stringMatching(/^NEXTAUTH_SECRET is not set; the production server signs sessions with it\. /),
    ]);
    expect(checkEnv({ NEXTAUTH_SECRET: SECRET }, { requireSecret: true }).ok).toBe(true);
  });

  it('rejects an NEXTAUTH_URL that is not http or https', () => {
    for (const bad of ['localhost:3000', 'ftp://portal.example.org', 'portal']) {
      expect(problems({ NEXTAUTH_URL: bad })).toEqual([
        `NEXTAUTH_URL must be the portal's address starting with http:// or https://; got '${bad}'. Set it like NEXTAUTH_URL=https://portal.example.org.`,
      ]);
    }
  });

  it('lists every problem at once', () => {
    const all = problems({ PORT: 'abc', DB_POOL_SIZE: '0', TRUST_PROXY_HOPS: '-1', NEXTAUTH_URL: 'x', DATABASE_URL: 'x' }, { requireSecret: true });
    expect(all.map((p) => p.split(' ')[0])).toEqual(['PORT', 'DATABASE_URL', 'NEXTAUTH_URL', 'DB_POOL_SIZE', 'TRUST_PROXY_HOPS', 'NEXTAUTH_SECRET']);
    expect(describeEnvProblems(all)).toMatch(/^The environment has 6 problems:\n- PORT must be/);
    expect(describeEnvProblems(all.slice(0, 1))).toMatch(/^The environment has a problem:\n- PORT/);
  });
});
