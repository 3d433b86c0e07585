// The buttons on the weekly nudge DM, and the nudge buttons on the Home tab.
// ("Log a win" belongs to win capture.) Each: ack, parse, one use case, one Slack call,
// then the Home tab is re-published so the dashboard shows the change.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import {
  answerNothingThisWeek,
  nudgeSettingsFor,
  resumeNudges,
  snoozeToMonday,
  suggestedPauseEnd,
} from '../../../use-cases/nudges.js';
import type { Deps } from '../../../use-cases/deps.js';
import { WeekNotNudgedError } from '../../../use-cases/errors.js';
import { nothingThisWeekNote, nudgeSettingsModal, pauseModal, snoozedNote, type SlackMessageView } from '../../views/nudge.js';
import { openProfileModal } from '../open-profile-modal.js';
import { refreshHome } from '../refresh-home.js';
import { encodeMetadata } from '../../metadata.js';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

// Button values come back from the client: a forged one is ignored, never trusted.
const isoWeek = z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/);
const nudgeButton = z.object({
  user: z.object({ id: z.string().min(1) }),
  actions: z.array(z.object({ value: isoWeek })).min(1),
  channel: z.object({ id: z.string().min(1) }),
  message: z.object({ ts: z.string().min(1) }),
});
type NudgeButton = { userId: string; week: string; channelId: string; messageTs: string };

function parseNudgeButton(deps: Deps, body: unknown): NudgeButton | null {
  const parsed = nudgeButton.safeParse(body);
  if (!parsed.success) {
    const userId = (body as { user?: { id?: unknown } } | null)?.user?.id;
    deps.logger.warn({ userId, issues: parsed.error.issues.length }, 'ignored a nudge button with an unexpected payload');
    return null;
  }
  const { user, actions, channel, message } = parsed.data;
  return { userId: user.id, week: (actions[0] as { value: string }).value, channelId: channel.id, messageTs: message.ts };
}

/** The answer is saved whatever happens here: a message Slack cannot update is only logged. */
async function updateNudge(deps: Deps, client: ActionArgs['client'], button: NudgeButton, note: SlackMessageView) {
  await client.chat
    .update({ channel: button.channelId, ts: button.messageTs, ...note })
    .catch((err: unknown) => deps.logger.warn({ err, userId: button.userId }, 'could not update the nudge message'));
}

/**
 * Runs a nudge button's use case; a button for a week this user was never nudged about
 * (forged, or stale from elsewhere) is logged and changes nothing.
 */
async function ignoringForgedWeek<T>(deps: Deps, button: NudgeButton, act: () => Promise<T>): Promise<{ value: T } | null> {
  try {
    return { value: await act() };
  } catch (error) {
    if (!(error instanceof WeekNotNudgedError)) throw error;
    deps.logger.warn({ userId: button.userId, week: button.week }, 'ignored a nudge button for a week never nudged');
    return null;
  }
}

export function nothingThisWeek(deps: Deps) {
  return async ({ ack, body, client }: ActionArgs) => {
    await ack();
    const button = parseNudgeButton(deps, body);
    if (!button) return;
    if (!(await ignoringForgedWeek(deps, button, () => answerNothingThisWeek(deps, button.userId, button.week)))) return;
    await updateNudge(deps, client, button, nothingThisWeekNote());
    await refreshHome(deps, client, button.userId);
  };
}

export function snoozeNudge(deps: Deps) {
  return async ({ ack, body, client }: ActionArgs) => {
    await ack();
    const button = parseNudgeButton(deps, body);
    if (!button) return;
    const snoozed = await ignoringForgedWeek(deps, button, () => snoozeToMonday(deps, button.userId, button.week));
    if (!snoozed) return;
    await updateNudge(deps, client, button, snoozedNote(snoozed.value));
    await refreshHome(deps, client, button.userId);
  };
}

/** "Pause nudges" on the DM: a modal asks until when; the submission updates this message. */
export function openPauseModal(deps: Deps) {
  return async ({ ack, body, client }: ActionArgs) => {
    await ack();
    const button = parseNudgeButton(deps, body);
    if (!button) return;
    const initialDate = await suggestedPauseEnd(deps, button.userId);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: pauseModal({
        initialDate,
        privateMetadata: encodeMetadata({ channelId: button.channelId, messageTs: button.messageTs, week: button.week }),
      }),
    });
  };
}

export function resumeFromHome(deps: Deps) {
  return async ({ ack, body, client }: ActionArgs) => {
    await ack();
    if (!(await resumeNudges(deps, body.user.id))) return;
    await refreshHome(deps, client, body.user.id);
  };
}

export function openNudgeSettings(deps: Deps) {
  return async ({ ack, body, client }: ActionArgs) => {
    await ack();
    const state = await nudgeSettingsFor(deps, body.user.id);
    // Nothing to schedule before onboarding: the profile modal asks for day and time too.
    if (!state) {
      await openProfileModal(deps, client, body.trigger_id, body.user.id);
      return;
    }
    await client.views.open({ trigger_id: body.trigger_id, view: nudgeSettingsModal({ ...state, privateMetadata: '' }) });
  };
}
