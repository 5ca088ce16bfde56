/**
 * Where a visitor goes after signing in: a path on the portal itself, never
 * another site. The target is resolved against the portal's origin the way a
 * browser resolves it (backslashes as slashes, tabs and newlines dropped), and
 * only a same-origin result is kept, as a path that cannot be read as
 * protocol-relative ("//host"). Anything else goes to the home page. The
 * sign-in page, next-auth's redirect callback and the sign-in form all use it.
 */
export const HOME_PATH = '/';

export function safeCallbackPath(target: unknown, origin: string): string {
  if (typeof target !== 'string' || target === '' || target.length > 2048) return HOME_PATH;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(target, base);
  } catch {
    return HOME_PATH;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== base.origin || url.username || url.password) return HOME_PATH;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return HOME_PATH;
  return path;
}
