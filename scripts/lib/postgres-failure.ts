/**
 * Turns a failed start of the embedded PostgreSQL into a message that says what
 * failed, quotes what PostgreSQL said, and what to do. Pure: it reads nothing,
 * so tests can feed it real log lines.
 */

export type PostgresStep = 'initialise' | 'start' | 'connect';

export type PostgresFailure = {
  step: PostgresStep;
  /** The data folder. */
  dir: string;
  port: number;
  /** The environment variable that chooses the port (EMBEDDED_PG_PORT, TEST_PG_PORT, …). */
  portSetting: string;
  /** Where the whole log is kept. */
  logFile: string;
  /** The file that keeps the server's password. */
  passwordFile: string;
  /** What PostgreSQL (and initdb) wrote during this attempt. */
  output: string;
  /** What the failing call rejected with, if anything. */
  reason?: unknown;
  /** Whether this process runs as root (the server then runs as the `postgres` system user). */
  asRoot: boolean;
};

type Diagnosis = { cause: string; fix: string };
type Rule = { pattern: RegExp; diagnose: (f: PostgresFailure, match: RegExpMatchArray, said: string) => Diagnosis };

const startAfresh = (f: PostgresFailure) => `delete ${f.dir} and ${f.passwordFile} to start afresh (the data in it is lost)`;

const RULES: Rule[] = [
  {
    pattern: /has invalid permissions/,
    diagnose: (f) => ({
      cause: 'the data folder may be entered by other users, and PostgreSQL refuses that',
      fix: `Run \`chmod 0700 ${f.dir}\` and start again.`,
    }),
  },
  {
    pattern: /has wrong ownership/,
    diagnose: (f) => ({
      cause: 'the data folder belongs to a different user than the one PostgreSQL runs as',
      fix: f.asRoot
        ? `As root the server runs as the \`postgres\` system user: run \`chown -R postgres:postgres ${f.dir}\`, or ${startAfresh(f)}.`
        : `Run the command as the user that owns ${f.dir}, or ${startAfresh(f)}.`,
    }),
  },
  {
    pattern: /lock file "postmaster\.pid" already exists/,
    diagnose: (f, _, said) => {
      const pid = said.match(/another postmaster \(PID (\d+)\)/)?.[1];
      return {
        cause: `another PostgreSQL server${pid ? ` (process ${pid})` : ''} is running on this data folder`,
        fix: `Stop it (an earlier \`npm start\` or \`npm test\` may still be running), or, if no such process exists, delete ${f.dir}/postmaster.pid and start again.`,
      };
    },
  },
  {
    pattern: /lock file "([^"]*\.s\.PGSQL\.\d+\.lock)" already exists/,
    diagnose: (f, m) => ({
      cause: `another PostgreSQL server holds the socket for port ${f.port}`,
      fix: `Stop that server or choose another port with ${f.portSetting}; if no PostgreSQL runs on port ${f.port}, delete ${m[1]}.`,
    }),
  },
  {
    pattern: /could not bind|could not create any TCP\/IP sockets|Address already in use/,
    diagnose: (f) => ({
      cause: `port ${f.port} on 127.0.0.1 is taken`,
      fix: `Stop whatever listens on port ${f.port}, or choose another port with ${f.portSetting} (e.g. ${f.portSetting}=${f.port + 1}), or set DATABASE_URL to use a PostgreSQL server of your own.`,
    }),
  },
  {
    pattern: /database files are incompatible with server/,
    diagnose: (f) => ({
      cause: 'the data folder was made by another major version of PostgreSQL',
      fix: `Dump it with the version that made it, or ${startAfresh(f)}.`,
    }),
  },
  {
    pattern: /exists but is not empty/,
    diagnose: (f) => ({
      cause: 'the data folder is not empty but holds no database (an earlier first start may have stopped halfway)',
      fix: `Delete ${f.dir} and start again.`,
    }),
  },
  {
    pattern: /Postgres cannot run as a root user|Failed to create and initialize a new user|Failed to retrieve the uid/,
    diagnose: () => ({
      cause: 'PostgreSQL refuses to run as root, and the `postgres` system user it runs as instead is missing and could not be created',
      fix: 'Create it (`groupadd postgres && useradd -g postgres postgres`), run the command as a normal user, or set DATABASE_URL to use a PostgreSQL server of your own.',
    }),
  },
  {
    pattern: /password authentication failed/,
    diagnose: (f) => ({
      cause: `the password in ${f.passwordFile} is not the one the data folder was made with`,
      fix: `Put the right password back into ${f.passwordFile}, or ${startAfresh(f)}.`,
    }),
  },
  {
    pattern: /No space left on device/,
    diagnose: (f) => ({ cause: 'the disk is full', fix: `Free some space on the disk that holds ${f.dir} and start again.` }),
  },
  {
    pattern: /shared memory/,
    diagnose: () => ({
      cause: 'PostgreSQL could not get the shared memory it needs',
      fix: 'Free memory (or raise the shared-memory limit of this container, e.g. /dev/shm) and start again.',
    }),
  },
  {
    pattern: /Permission denied/,
    diagnose: (f) => ({
      cause: 'PostgreSQL may not read or write a file it needs',
      fix: f.asRoot
        ? `As root the server runs as the \`postgres\` system user: ${f.dir} must belong to it, and every folder above it must let it pass (o+x). Check with \`ls -ld\` on each, or ${startAfresh(f)}.`
        : `Check that you own ${f.dir} and everything in it, or ${startAfresh(f)}.`,
    }),
  },
];

const TIMESTAMP = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[\d+\] /;
const RELEVANT = /\b(?:FATAL|PANIC|ERROR|DETAIL|HINT):|could not|invalid|denied|already exists|incompatible|not empty|initdb: error/i;

/** The lines worth quoting: PostgreSQL's errors and their details, without timestamps, the last few. */
export function relevantLines(output: string, max = 6): string[] {
  const lines = output
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/^\[STDERR\] /, '')
        .replace(TIMESTAMP, '')
        .trim(),
    )
    .filter(Boolean);
  const relevant = lines.filter((line) => RELEVANT.test(line));
  return (relevant.length ? relevant : lines).slice(-max);
}

function reasonText(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  if (typeof reason === 'string') return reason;
  return '';
}

const WHAT_FAILED: Record<PostgresStep, string> = {
  initialise: 'could not create its data folder',
  start: 'could not start',
  connect: 'started but refused the connection',
};

export function explainPostgresFailure(f: PostgresFailure): string {
  const said = `${f.output}\n${reasonText(f.reason)}`;
  let diagnosis: Diagnosis | undefined;
  for (const rule of RULES) {
    const match = said.match(rule.pattern);
    if (match) {
      diagnosis = rule.diagnose(f, match, said);
      break;
    }
  }
  diagnosis ??= {
    cause: f.step === 'connect' ? 'the connection failed' : 'PostgreSQL stopped before it was ready',
    fix: `Read ${f.logFile} for the whole story; set DATABASE_URL to use a PostgreSQL server of your own instead.`,
  };
  // The reason often repeats what PostgreSQL wrote (initdb's error does); quote it only when the log is silent.
  const fromOutput = relevantLines(f.output);
  const quoted = fromOutput.length ? fromOutput : relevantLines(reasonText(f.reason));
  return [
    `The embedded PostgreSQL (data folder ${f.dir}, port ${f.port}) ${WHAT_FAILED[f.step]}: ${diagnosis.cause}.`,
    quoted.length ? `PostgreSQL said:\n${quoted.map((line) => `  ${line}`).join('\n')}` : 'PostgreSQL said nothing before it stopped.',
    diagnosis.fix,
    `Whole log: ${f.logFile}`,
  ].join('\n');
}
