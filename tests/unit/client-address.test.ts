/** Which address and host a request comes from, with and without trusted reverse proxies. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { clientAddress, normalizeAddress, PEER_ADDRESS_HEADER, trustedProxyHops, visitorOrigin } from '@/lib/server/client-address';
import { installPeerAddressHeader } from '@/lib/server/peer-address';

const PEER = PEER_ADDRESS_HEADER;

describe('TRUST_PROXY_HOPS', () => {
  it('is an integer from 0 to 10; anything else trusts no proxy', () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops('0')).toBe(0);
    expect(trustedProxyHops('1')).toBe(1);
    expect(trustedProxyHops(' 2 ')).toBe(2);
    expect(trustedProxyHops('10')).toBe(10);
    for (const bad of ['11', '-1', '1.5', '1e1', 'one', '', 'true', '0x1', '999']) expect(trustedProxyHops(bad), bad).toBe(0);
  });
});

describe('the client address', () => {
  // [headers, hops, expected]
  const cases: [Record<string, string | string[] | undefined>, number, string][] = [
    // Served directly: only the peer counts, whatever the client sends.
    [{ [PEER]: '203.0.113.5' }, 0, '203.0.113.5'],
    [{ [PEER]: '203.0.113.5', 'x-forwarded-for': '198.51.100.1' }, 0, '203.0.113.5'],
    [{ [PEER]: '203.0.113.5', 'x-forwarded-for': '198.51.100.1, 198.51.100.2' }, 0, '203.0.113.5'],
    [{ [PEER]: '203.0.113.5', 'x-real-ip': '198.51.100.1' }, 0, '203.0.113.5'],
    [{ 'x-forwarded-for': '198.51.100.1' }, 0, 'unknown'],
    [{}, 0, 'unknown'],
    // One trusted proxy: the entry it appended (the last), never a forged one before it.
    [{ [PEER]: '10.0.0.1', 'x-forwarded-for': '198.51.100.1' }, 1, '198.51.100.1'],
    [{ [PEER]: '10.0.0.1', 'x-forwarded-for': '6.6.6.6, 198.51.100.1' }, 1, '198.51.100.1'],
    [{ [PEER]: '10.0.0.1', 'x-forwarded-for': '6.6.6.6,7.7.7.7,  198.51.100.1 ' }, 1, '198.51.100.1'],
    [{ [PEER]: '10.0.0.1', 'x-forwarded-for': ['6.6.6.6', '198.51.100.1'] }, 1, '198.51.100.1'],
    [{ [PEER]: '10.0.0.1', 'x-forwarded-for': '6.6.6.6, , 198.51.100.1,' }, 1, '198.51.100.1'],
    // Two trusted proxies: the second entry from the right.
    [{ [PEER]: '10.0.0.2', 'x-forwarded-for': '6.6.6.6, 198.51.100.1, 10.0.0.1' }, 2, '198.51.100.1'],
    // Fewer entries than hops: the left-most (the proxies nearest the client are all trusted).
    [{ [PEER]: '10.0.0.2', 'x-forwarded-for': '198.51.100.1' }, 3, '198.51.100.1'],
    // A trusted proxy but no header (a request that did not pass through it): the peer.
    [{ [PEER]: '10.0.0.1' }, 1, '10.0.0.1'],
    // One spelling per address: IPv4-mapped IPv6, ports, brackets and case.
    [{ [PEER]: '::ffff:127.0.0.1' }, 0, '127.0.0.1'],
    [{ [PEER]: '10.0.0.1', 'x-forwarded-for': '198.51.100.1:51234' }, 1, '198.51.100.1'],
    [{ [PEER]: '10.0.0.1', 'x-forwarded-for': '[2001:DB8::1]:443' }, 1, '2001:db8::1'],
    [{ [PEER]: '2001:db8::7' }, 0, '2001:db8::7'],
    // Not an address: one shared "unknown", never the raw text as a key.
    [{ [PEER]: '10.0.0.1', 'x-forwarded-for': 'unknown' }, 1, 'unknown'],
    [{ [PEER]: '10.0.0.1', 'x-forwarded-for': '9'.repeat(100) }, 1, 'unknown'],
    [{ [PEER]: '10.0.0.1', 'x-forwarded-for': '<script>' }, 1, 'unknown'],
  ];
  for (const [headers, hops, expected] of cases) {
    it(`${JSON.stringify(headers)} with ${hops} hop(s) is ${expected}`, () => {
      expect(clientAddress(headers, hops)).toBe(expected);
    });
  }

  it('reads Headers objects as well as plain records', () => {
    expect(clientAddress(new Headers({ [PEER]: '10.0.0.1', 'x-forwarded-for': '6.6.6.6, 198.51.100.1' }), 1)).toBe('198.51.100.1');
    expect(clientAddress(undefined, 0)).toBe('unknown');
  });

  it('normalises or refuses address spellings', () => {
    expect(normalizeAddress(' 192.0.2.1 ')).toBe('192.0.2.1');
    expect(normalizeAddress('::FFFF:192.0.2.1')).toBe('192.0.2.1');
    expect(normalizeAddress('::1')).toBe('::1');
    expect(normalizeAddress('192.0.2.300')).toBeNull();
    expect(normalizeAddress('example.com')).toBeNull();
    expect(normalizeAddress(undefined)).toBeNull();
  });
});

describe('the host and protocol the visitor used', () => {
  const headers = (h: Record<string, string>) => new Headers(h);

  it('served directly: the Host header and http, whatever X-Forwarded-Host and -Proto claim', () => {
    expect(visitorOrigin(headers({ host: 'portal.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }), 0)).toEqual({
      host: 'portal.example',
      proto: 'http',
    });
  });

  it("behind trusted proxies: the outermost trusted proxy's values", () => {
    expect(visitorOrigin(headers({ host: '10.0.0.1:3000', 'x-forwarded-host': 'Portal.Example', 'x-forwarded-proto': 'https' }), 1)).toEqual({
      host: 'portal.example',
      proto: 'https',
    });
    expect(
      visitorOrigin(headers({ host: '10.0.0.1:3000', 'x-forwarded-host': 'evil.example, portal.example', 'x-forwarded-proto': 'http, https' }), 1),
    ).toEqual({
      host: 'portal.example',
      proto: 'https',
    });
    expect(visitorOrigin(headers({ host: '10.0.0.1:3000' }), 1)).toEqual({ host: '10.0.0.1:3000', proto: 'http' });
  });
});

describe('the peer address header', () => {
  it('carries the socket address and replaces any copy a client sends', async () => {
    installPeerAddressHeader();
    installPeerAddressHeader();
    const server = http.createServer((req, res) => res.end(JSON.stringify(req.headers[PEER])));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER]: '6.6.6.6', 'x-forwarded-for': '7.7.7.7' } });
      expect(await res.json()).toBe('127.0.0.1');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
