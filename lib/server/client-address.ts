/**
 * Which address a request comes from, and which host and protocol the visitor
 * used, decided the way a reverse-proxy-aware server decides them.
 *
 * Served directly (TRUST_PROXY_HOPS=0, the default) only the TCP peer counts:
 * X-Forwarded-* headers come from the client and are ignored. Behind N trusted
 * reverse proxies (TRUST_PROXY_HOPS=N) each proxy appends the address it saw
 * to X-Forwarded-For, so the entry N from the right was written by the
 * outermost trusted proxy; entries further left are whatever the client sent.
 *
 * Next.js gives route handlers no socket, so the peer address reaches them in
 * PEER_ADDRESS_HEADER, which the server sets on every request before Next.js
 * sees it, replacing any copy a client sent (lib/server/peer-address.ts).
 */
import { isIP } from 'node:net';

export const PEER_ADDRESS_HEADER = 'x-portal-peer-address';
export const MAX_PROXY_HOPS = 10;

/** TRUST_PROXY_HOPS as an integer 0–10; anything else trusts no proxy (0). */
export function trustedProxyHops(value: string | undefined = process.env.TRUST_PROXY_HOPS): number {
  if (value === undefined || !/^\s*\d{1,2}\s*$/.test(value)) return 0;
  const hops = Number(value);
  return hops <= MAX_PROXY_HOPS ? hops : 0;
}

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

/** Every comma-separated entry of a header, in order, repeated headers joined. */
export function headerEntries(headers: HeaderSource, name: string): string[] {
  const raw = headers instanceof Headers ? headers.get(name) : headers?.[name];
  const joined = Array.isArray(raw) ? raw.join(',') : (raw ?? '');
  return joined
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/**
 * The entry of a forwarded header that the outermost trusted proxy wrote: N
 * from the right, or the left-most when the chain is shorter than N.
 * Undefined with no trusted proxy or no entries.
 */
export function trustedEntry(entries: string[], hops: number): string | undefined {
  if (hops < 1 || entries.length === 0) return undefined;
  return entries[Math.max(0, entries.length - hops)];
}

/** An IP address as one spelling ("::ffff:192.0.2.1" and "192.0.2.1:443" are 192.0.2.1), or null. */
export function normalizeAddress(value: string | undefined): string | null {
  if (!value) return null;
  let address = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  address = address.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  return isIP(address) ? address : null;
}

/**
 * The client's address for per-address limits: the peer with no trusted proxy,
 * else the X-Forwarded-For entry the outermost trusted proxy wrote (the peer
 * when the request carries no X-Forwarded-For). "unknown" when neither is a
 * valid address, which then counts as one shared address.
 */
export function clientAddress(headers: HeaderSource, hops: number = trustedProxyHops()): string {
  const peer = headerEntries(headers, PEER_ADDRESS_HEADER)[0];
  const forwarded = trustedEntry(headerEntries(headers, 'x-forwarded-for'), hops);
  return normalizeAddress(forwarded ?? peer) ?? 'unknown';
}

/**
 * The host and protocol the visitor used: the Host header and plain http when
 * served directly (the server terminates no TLS itself), the trusted proxy's
 * X-Forwarded-Host and X-Forwarded-Proto behind one.
 */
export function visitorOrigin(headers: Headers, hops: number = trustedProxyHops()): { host: string | null; proto: 'http' | 'https' } {
  const host = trustedEntry(headerEntries(headers, 'x-forwarded-host'), hops) ?? headers.get('host');
  const proto = trustedEntry(headerEntries(headers, 'x-forwarded-proto'), hops)?.toLowerCase() === 'https' ? 'https' : 'http';
  return { host: host?.toLowerCase() ?? null, proto };
}
