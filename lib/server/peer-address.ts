import 'server-only';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { PEER_ADDRESS_HEADER } from './client-address';

/**
 * Next.js hands route handlers and the proxy the request's headers but not its
 * socket, and fills X-Forwarded-For from the socket only when the client did
 * not send one. Node publishes every request on this channel before the server
 * (and so Next.js) sees it: the socket's peer address is written into a header
 * of our own there, replacing whatever a client sent under that name, so no
 * client can choose the value (lib/server/client-address.ts reads it).
 */
const CHANNEL = 'http.server.request.start';

export function recordPeerAddress(message: unknown): void {
  const { request, socket } = message as { request: IncomingMessage; socket: Socket };
  delete request.headers[PEER_ADDRESS_HEADER];
  if (socket.remoteAddress) request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress;
}

const installed = Symbol.for('portal.peerAddressHeader');

/** Called once per server process (instrumentation.ts); a second call does nothing. */
export function installPeerAddressHeader(): void {
  const state = globalThis as { [installed]?: boolean };
  if (state[installed]) return;
  state[installed] = true;
  subscribe(CHANNEL, recordPeerAddress);
}
