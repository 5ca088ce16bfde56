/**
 * The files around an embedded PostgreSQL data folder: the folder's own mode,
 * the search permission the `postgres` system user needs on the way to it, and
 * the password kept beside it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const say = (message: string) => console.log(`[postgres] ${message}`);

/** The password fixed in every data folder made before passwords were generated. */
export const LEGACY_PASSWORD = 'postgres';

/** One password per data folder, beside it: `.data/postgres` → `.data/postgres-password`. */
export const passwordFileFor = (dir: string) => path.join(path.dirname(dir), `${path.basename(dir)}-password`);

export const newPassword = () => crypto.randomBytes(24).toString('base64url');

export function readPasswordFile(file: string): string {
  const password = fs.readFileSync(file, 'utf8').trim();
  if (!password) throw new Error(`${file} is empty. Put the database password back into it, or delete it together with its data folder to start afresh.`);
  if (fs.statSync(file).mode & 0o077) fs.chmodSync(file, 0o600);
  return password;
}

/** Written to a temporary name and renamed, so the file never holds half a password. */
export function writePasswordFile(file: string, password: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${password}\n`, { mode: 0o600 });
  fs.renameSync(temporary, file);
}

export const isDataFolder = (dir: string) => fs.existsSync(path.join(dir, 'PG_VERSION'));

/**
 * PostgreSQL refuses a data folder that the group may write or others may enter
 * (it accepts 0700 and 0750). Earlier versions of this script added o+x to it;
 * such a folder gets 0700 back, and the change is said.
 */
export function restoreDataFolderMode(dir: string): boolean {
  if (!fs.existsSync(dir)) return false;
  const mode = fs.statSync(dir).mode & 0o777;
  if (!(mode & 0o027)) return false;
  fs.chmodSync(dir, 0o700);
  say(`${dir}: had mode 0${mode.toString(8)}, which PostgreSQL refuses; restored 0700`);
  return true;
}

/**
 * As root, PostgreSQL runs as the `postgres` system user, which must be able to
 * reach the binaries and the data folder. A checkout inside a private folder
 * (`mktemp -d` makes them 0700) would keep it out, so each given folder and each
 * folder above it that others cannot enter gets search permission only (o+x:
 * entering a known path, not listing or reading), and the change is said.
 * Pass the folder that holds a data folder, never the data folder itself: a data
 * folder must stay 0700, and one met here is skipped.
 */
export function letPostgresUserReach(folders: string[]): void {
  const all = new Set<string>();
  for (const folder of folders) {
    for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
      all.add(dir);
      if (dir === path.dirname(dir)) break;
    }
  }
  for (const dir of all) {
    if (!fs.existsSync(dir) || isDataFolder(dir)) continue;
    const { mode } = fs.statSync(dir);
    if (mode & 0o001) continue;
    fs.chmodSync(dir, (mode & 0o7777) | 0o001);
    say(`${dir}: added search permission for others (o+x) so that the postgres system user can reach the server`);
  }
}
