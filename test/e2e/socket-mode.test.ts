import { describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app-harness.js';
import { startFakeSlack } from '../support/fake-slack.js';
import { promoCommandPayload, startFakeSocketMode } from '../support/fake-socket-mode.js';
import { TEST_BOT_TOKEN } from '../support/app-harness.js';

describe('Socket Mode', () => {
  it('when SLACK_APP_TOKEN is set, then the app connects over a WebSocket and answers a slash command there', async () => {
    const socket = await startFakeSocketMode();
    const fake = await startFakeSlack({ token: TEST_BOT_TOKEN, socketModeUrl: socket.url });
    try {
      const app = await startTestApp({
        sharedFake: fake,
        env: { SLACK_APP_TOKEN: 'xapp-1-A0APP-1-testapptoken', SLACK_SIGNING_SECRET: '' },
      });
      expect(app.config.slack.mode).toBe('socket');
      await socket.connected();
      expect(fake.callsTo('apps.connections.open')[0]?.token).toBe('xapp-1-A0APP-1-testapptoken');

      const ack = await socket.send('slash_commands', promoCommandPayload('help', fake.responseUrl('sm')));
      expect(ack.payload).toMatchObject({ response_type: 'ephemeral' });
      expect(JSON.stringify(ack.payload)).toContain('/promo settings');

      // /healthz is served on PORT in Socket Mode too.
      const health = await fetch(`${app.baseUrl}/healthz`);
      expect(health.status).toBe(200);
      await app.stop();
    } finally {
      await socket.close();
      await fake.close();
    }
  });
});
