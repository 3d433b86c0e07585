// Slack's side of a Socket Mode connection: the app connects to this WebSocket server
// (the URL fake Slack's apps.connections.open hands out), gets "hello", then receives
// envelopes and must ack each by envelope_id, as with the real service.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export interface FakeSocketMode {
  url: string;
  /** Resolves when the app has connected and been sent "hello". */
  connected(): Promise<void>;
  /** Sends an envelope; resolves with the app's ack for it. */
  send(type: 'slash_commands' | 'interactive' | 'events_api', payload: Record<string, unknown>): Promise<SocketAck>;
  close(): Promise<void>;
}

/** `/promo <text>` from UENG, as a slash_commands envelope's payload. */
export function promoCommandPayload(text: string, responseUrl: string): Record<string, unknown> {
  return { command: '/promo', text, user_id: 'UENG', team_id: 'T0TEAM', channel_id: 'C1', trigger_id: '1.2.3', response_url: responseUrl };
}

export async function startFakeSocketMode(): Promise<FakeSocketMode> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  let socket: WebSocket | undefined;
  const waiting = new Map<string, (ack: SocketAck) => void>();
  let onConnected: () => void = () => undefined;
  const connectedPromise = new Promise<void>((resolve) => (onConnected = resolve));

  server.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (data) => {
      const ack = JSON.parse(String(data)) as SocketAck;
      waiting.get(ack.envelope_id)?.(ack);
      waiting.delete(ack.envelope_id);
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'fake-socket-mode', approximate_connection_time: 3600 },
        connection_info: { app_id: 'A0APP' },
      }),
    );
    onConnected();
  });

  return {
    url: `ws://127.0.0.1:${port}/link`,
    connected: () => connectedPromise,
    send(type, payload) {
      if (!socket) throw new Error('the app has not connected');
      const envelopeId = randomUUID();
      const acked = new Promise<SocketAck>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ack for ${type} within 5 s`)), 5_000);
        waiting.set(envelopeId, (ack) => {
          clearTimeout(timer);
          resolve(ack);
        });
      });
      socket.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: true, retry_attempt: 0, retry_reason: '' }));
      return acked;
    },
    async close() {
      for (const client of server.clients) client.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
