// Submissions of the "Pause nudges" and nudge settings modals. Bad dates and forged
// values come back as field errors in the modal, never as a failed request.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { pauseNudges, saveNudgeSettings, type NudgeSettingsForm } from '../../../use-cases/nudges.js';
import type { Deps } from '../../../use-cases/deps.js';
import type { FieldErrors } from '../../../use-cases/result.js';
import { isOwnNudge } from '../../../use-cases/nudge-messages.js';
import { parseTimeOfDay } from '../../../schedule/weekly.js';
import { NUDGE_VIEWS } from '../../ids.js';
import { parsePauseMetadata } from '../../metadata.js';
import { blockErrors, refusedAsFieldError } from '../../respond.js';
import { pausedNote } from '../../views/nudge.js';
import { refreshHome } from '../refresh-home.js';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type ViewValues = ViewSubmitAction['view']['state']['values'];

const selectedDate = (values: ViewValues): string | null =>
  values[NUDGE_VIEWS.pauseUntilBlock]?.[NUDGE_VIEWS.pauseUntilAction]?.selected_date ?? null;

export function pauseSubmit(deps: Deps) {
  return async ({ ack, body, view, client }: SubmitArgs) => {
    const userId = body.user.id;
    const result = await refusedAsFieldError(deps, userId, NUDGE_VIEWS.pauseUntilBlock, () =>
      pauseNudges(deps, userId, selectedDate(view.state.values)),
    );
    if ('refused' in result) {
      await ack(result.refused);
      return;
    }
    if (!result.ok) {
      await ack({ response_action: 'errors', errors: blockErrors(result.errors, { pausedUntil: NUDGE_VIEWS.pauseUntilBlock }) });
      return;
    }
    await ack();
    const { until } = result.value;
    deps.logger.info({ userId, until }, 'nudges paused');
    const origin = parsePauseMetadata(view.private_metadata);
    // Only the user's own nudge is rewritten: the reference came back from the client.
    if (origin && (await isOwnNudge(deps, userId, origin))) {
      await client.chat
        .update({ channel: origin.channelId, ts: origin.messageTs, ...pausedNote({ until }) })
        .catch((err: unknown) => deps.logger.warn({ err, userId }, 'could not update the nudge message'));
    }
    await refreshHome(deps, client, userId);
  };
}

const settingsSchema = z.object({
  nudgeDay: z.coerce.number({ error: 'Pick a day.' }).int().min(1, 'Pick a day.').max(7, 'Pick a day.'),
  nudgeMinute: z.number({ error: 'Pick a time, like 15:00.' }),
  pausedUntil: z.string().nullable(),
});

const BLOCK_FOR: Record<keyof NudgeSettingsForm, string> = {
  nudgeDay: NUDGE_VIEWS.dayBlock,
  nudgeMinute: NUDGE_VIEWS.timeBlock,
  pausedUntil: NUDGE_VIEWS.pauseUntilBlock,
};

export function settingsSubmit(deps: Deps) {
  return async ({ ack, body, view, client }: SubmitArgs) => {
    const userId = body.user.id;
    const values = view.state.values;
    const time = values[NUDGE_VIEWS.timeBlock]?.[NUDGE_VIEWS.timeAction]?.selected_time;
    const parsed = settingsSchema.safeParse({
      nudgeDay: values[NUDGE_VIEWS.dayBlock]?.[NUDGE_VIEWS.dayAction]?.selected_option?.value,
      nudgeMinute: time ? (parseTimeOfDay(time) ?? undefined) : undefined,
      pausedUntil: selectedDate(values),
    });
    if (!parsed.success) {
      const errors: FieldErrors<keyof NudgeSettingsForm> = {};
      for (const issue of parsed.error.issues) errors[issue.path[0] as keyof NudgeSettingsForm] ??= issue.message;
      await ack({ response_action: 'errors', errors: blockErrors(errors, BLOCK_FOR) });
      return;
    }
    const result = await refusedAsFieldError(deps, userId, NUDGE_VIEWS.dayBlock, () => saveNudgeSettings(deps, userId, parsed.data));
    if ('refused' in result) {
      await ack(result.refused);
      return;
    }
    if (!result.ok) {
      await ack({ response_action: 'errors', errors: blockErrors(result.errors, BLOCK_FOR) });
      return;
    }
    await ack();
    deps.logger.info({ userId }, 'nudge settings saved');
    await refreshHome(deps, client, userId);
  };
}
