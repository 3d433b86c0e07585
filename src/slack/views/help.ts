import type { KnownBlock } from '@slack/types';
import { COMMAND } from '../ids.js';

export interface HelpArgs {
  /** What the user typed, when it was not a command we know. */
  unknown?: string;
}

// The commands that exist today; a subcommand joins this list when its flow ships.
export const HELP_COMMANDS: { usage: string; what: string }[] = [
  { usage: `${COMMAND} win [what you did]`, what: 'log a win in one line; I tag it with your target criteria' },
  { usage: `${COMMAND} wins`, what: 'your latest wins, to edit or delete' },
  { usage: `${COMMAND} settings`, what: 'your level, target, manager and weekly nudge time' },
  { usage: `${COMMAND} help`, what: 'this list' },
];

export function helpMessage({ unknown }: HelpArgs = {}): { text: string; blocks: KnownBlock[] } {
  const intro = unknown
    ? `I don't know \`${unknown.replace(/[`<>&]/g, '')}\` yet. Here's what I can do:`
    : "I'm your promotion coach. I help you collect wins every week and walk into the career conversation with a case your manager can carry into calibration.";
  const lines = HELP_COMMANDS.map((c) => `• \`${c.usage}\` — ${c.what}`).join('\n');
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
