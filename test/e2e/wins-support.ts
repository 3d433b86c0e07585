// Shared setup for the wins end-to-end suites: an onboarded engineer, and win modal values.
import { WIN_FLAGS, WIN_VIEWS } from '../../src/slack/ids.js';
import type { TestApp } from '../support/app-harness.js';
import { RESPONSE_URL_METHOD } from '../support/fake-slack.js';
import { onboardUser } from '../support/onboarding.js';
import { state, type SentRequest, type StateValues } from '../support/slack-requests.js';

/** Monday 23 November 2026, 07:00 in New York: ISO week 2026-W48, Q4. */
export const NOW = new Date('2026-11-23T12:00:00Z');
export const TODAY = '2026-11-23';
export const WEEK = '2026-W48';
export const ENGINEER = 'UENG';
export const OTHER = 'UOTHER';

/** An engineer in New York, first nudged Friday 27 November 2026 at 15:00 their time. */
export async function onboard(app: TestApp, userId = ENGINEER): Promise<void> {
  await onboardUser(app, userId, { tz: 'America/New_York', now: NOW });
}

export interface WinFormValues {
  text?: string | null;
  date?: string | null;
  link?: string | null;
  criteria?: string[];
  flags?: string[];
}

export function winValues(v: WinFormValues = {}): StateValues {
  return {
    [WIN_VIEWS.textBlock]: { [WIN_VIEWS.textAction]: state.plainTextInput(v.text === undefined ? 'Led the incident review' : v.text) },
    [WIN_VIEWS.dateBlock]: { [WIN_VIEWS.dateAction]: state.datepicker(v.date === undefined ? TODAY : v.date) },
    [WIN_VIEWS.linkBlock]: { [WIN_VIEWS.linkAction]: { type: 'url_text_input', value: v.link ?? null } },
    [WIN_VIEWS.criteriaBlock]: { [WIN_VIEWS.criteriaAction]: state.multiStaticSelect(v.criteria ?? []) },
    [WIN_VIEWS.flagsBlock]: { [WIN_VIEWS.flagsAction]: state.checkboxes(v.flags ?? []) },
  };
}

export { WIN_FLAGS };

export async function winsOf(app: TestApp, userId = ENGINEER) {
  return app.coach.deps.repos.wins.listRecent(userId, 100);
}

export async function weekAnswer(app: TestApp, week = WEEK, userId = ENGINEER) {
  return app.coach.deps.repos.nudges.weekAnswer(userId, week);
}

/** Lets work the app does after its ack finish before asserting that something did not happen. */
export const settle = (ms = 250) => new Promise((resolve) => setTimeout(resolve, ms));

/** An ephemeral reply to a slash command, through its ack or its response_url. */
export interface CommandReply {
  response_type?: string;
  text: string;
  blocks?: unknown[];
  replace_original?: boolean;
}

/**
 * `/promo win <text>`, as the user types it. The ack is empty, so Slack is answered before
 * the database is touched; what happened comes back through the response_url once the win
 * is written, and is returned here with the request.
 */
export async function winCommand(app: TestApp, text: string, userId = ENGINEER): Promise<{ res: SentRequest; reply: CommandReply }> {
  const res = await app.slack.command({ userId, text: `win ${text}` });
  if (res.status !== 200 || res.body !== '') throw new Error(`/promo win acked with ${res.status} ${res.body}`);
  const call = await app.fake.waitForCall(
    RESPONSE_URL_METHOD,
    (c) => c.responseUrlId !== undefined && app.fake.responseUrl(c.responseUrlId) === res.responseUrl,
  );
  return { res, reply: call.args as unknown as CommandReply };
}
