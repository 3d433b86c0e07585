import type { KnownBlock } from '@slack/types';
import { COMMAND } from '../ids.js';

export interface HelpArgs {
  /** Each subcommand as typed after the command ("win <what you did>") and what it does. */
  commands: readonly { usage: string; what: string }[];
  /** What the user typed, when it was not a command we know. */
  unknown?: string;
}

export function helpMessage({ commands, unknown }: HelpArgs): { text: string; blocks: KnownBlock[] } {
  const intro = unknown
    ? `I don't know \`${unknown.replace(/[`<>&]/g, '')}\` yet. Here's what I can do:`
    : "I'm your promotion coach. I help you collect wins every week and walk into the career conversation with a case your manager can carry into calibration.";
  const lines = commands.map((c) => `• \`${COMMAND} ${c.usage}\` — ${c.what}`).join('\n');
  return {
    text: `${intro}\n${lines}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: intro } },
      { type: 'section', text: { type: 'mrkdwn', text: lines } },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: 'Your dashboard lives in my *Home* tab. Only you see these replies.' }],
      },
    ],
  };
}
