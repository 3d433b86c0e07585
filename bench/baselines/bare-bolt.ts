// The baseline every interaction figure is divided by: a minimal Bolt app on the same Bolt
// version and the same receiver settings as Promo Coach (HTTPReceiver, /slack/events,
// processBeforeResponse off, a /healthz route), that acks and opens a static modal. Run
// as its own process, like the app, by bench/processes.ts.
import { App, HTTPReceiver } from '@slack/bolt';
import type { ModalView } from '@slack/types';

const env = process.env;
const MODAL: ModalView = {
  type: 'modal',
  callback_id: 'bare_modal',
  title: { type: 'plain_text', text: 'Bare Bolt' },
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'A static modal, opened as fast as Bolt can.' } }],
};

const receiver = new HTTPReceiver({
  signingSecret: env.SLACK_SIGNING_SECRET ?? '',
  endpoints: '/slack/events',
  processBeforeResponse: false,
  customRoutes: [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"status":"ok"}');
      },
    },
  ],
});
const app = new App({ token: env.SLACK_BOT_TOKEN ?? '', receiver, clientOptions: { slackApiUrl: env.SLACK_API_URL ?? '' } });

app.command(/.*/, async ({ ack, command, client }) => {
  await ack();
  await client.views.open({ trigger_id: command.trigger_id, view: MODAL });
});
app.action(/.*/, async ({ ack, body, client }) => {
  await ack();
  if ('trigger_id' in body) await client.views.open({ trigger_id: body.trigger_id, view: MODAL });
});
app.view(/.*/, async ({ ack }) => {
  await ack({ response_action: 'update', view: MODAL });
});

await app.start(Number(env.PORT));
process.on('SIGTERM', () => void app.stop().then(() => process.exit(0)));
