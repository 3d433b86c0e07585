// Every `/promo` subcommand, once: its name, how it is typed, its line in the help, and
// its handler. The dispatch (promo.ts), the help text (views/help.ts) and the manifest's
// usage_hint all come from this table, and a test checks that the three agree.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../use-cases/deps.js';
import { helpMessage } from '../../views/help.js';
import { openProfileModal } from '../open-profile-modal.js';
import { checkInCommand, hedgeCommand, planCommand } from './plan-commands.js';
import { prepCommand } from './prep.js';
import { winCommand, winsCommand } from './wins.js';
import { adminCommand } from './admin.js';
import { exportCommand, forgetMeCommand } from './data-rights.js';
import { docCommand } from './doc.js';

export type CommandArgs = Pick<SlackCommandMiddlewareArgs & AllMiddlewareArgs, 'command' | 'ack' | 'client' | 'respond'>;

export interface Subcommand {
  name: string;
  /** What follows the name, as the help and the manifest show it ("<what you did>"). */
  args?: string;
  /** One line in the help: what it does for the user. */
  help: string;
  /**
   * 'onboard': a user with no profile gets onboarding instead (nothing works without one).
   * 'run': the handler runs anyway and deals with it (help; a win is kept until onboarding).
   */
  beforeOnboarding: 'onboard' | 'run';
  handle(deps: Deps, args: CommandArgs, rest: string): Promise<void>;
}

export const SUBCOMMANDS: readonly Subcommand[] = [
  {
    name: 'prep',
    help: 'prepare the career conversation with your manager: the ask, the case, the gap, in a few short steps',
    // Onboarding first, with the prep waiting behind it: handled by the command itself.
    beforeOnboarding: 'run',
    handle: prepCommand,
  },
  {
    name: 'win',
    args: '<what you did>',
    help: 'log a win in one line; I tag it with your target criteria',
    beforeOnboarding: 'run',
    handle: winCommand,
  },
  {
    name: 'wins',
    help: 'your latest wins, to edit or delete',
    beforeOnboarding: 'onboard',
    handle: winsCommand,
  },
  {
    name: 'hedge',
    args: '[what your manager said]',
    help: 'after the career conversation: what your manager said, what it means, and what to do next',
    beforeOnboarding: 'onboard',
    handle: hedgeCommand,
  },
  {
    name: 'plan',
    help: 'your promotion plan: criteria with dates, shared with your manager',
    beforeOnboarding: 'onboard',
    handle: planCommand,
  },
  {
    name: 'checkin',
    help: 'check in on your plan now: where each criterion stands',
    beforeOnboarding: 'onboard',
    handle: checkInCommand,
  },
  {
    name: 'settings',
    help: 'your level, target, cycle, manager and weekly nudge time',
    beforeOnboarding: 'run',
    handle: async (deps, { command, ack, client }) => {
      await ack();
      await openProfileModal(deps, client, command.trigger_id, command.user_id);
    },
  },
  {
    name: 'doc',
    help: 'your two-page promo doc, drafted from your case, wins and plan, to edit and send to your DM',
    beforeOnboarding: 'onboard',
    handle: docCommand,
  },
  {
    name: 'admin',
    help: 'workspace settings: calibration dates, nudge defaults, the leveling guide (workspace admins)',
    beforeOnboarding: 'run',
    handle: adminCommand,
  },
  {
    name: 'export',
    help: 'a copy of everything I keep about you, as a JSON file in our DM',
    beforeOnboarding: 'run',
    handle: exportCommand,
  },
  {
    name: 'forget-me',
    help: 'delete everything I keep about you (I ask first)',
    beforeOnboarding: 'run',
    handle: forgetMeCommand,
  },
  {
    name: 'help',
    help: 'this list',
    beforeOnboarding: 'run',
    handle: async (_deps, { ack }) => {
      await ack({ response_type: 'ephemeral', ...helpMessage({ commands: HELP_LINES }) });
    },
  },
];

/** "win <what you did>": how a subcommand is typed after `/promo`. */
export function usageOf(subcommand: Pick<Subcommand, 'name' | 'args'>): string {
  return subcommand.args ? `${subcommand.name} ${subcommand.args}` : subcommand.name;
}

/** The manifest's usage_hint for `/promo`, e.g. "win <what you did> | wins | settings | help". */
export function usageHint(): string {
  return SUBCOMMANDS.map(usageOf).join(' | ');
}

export const HELP_LINES: readonly { usage: string; what: string }[] = SUBCOMMANDS.map((c) => ({ usage: usageOf(c), what: c.help }));

export function findSubcommand(name: string): Subcommand | undefined {
  return SUBCOMMANDS.find((c) => c.name === name);
}
