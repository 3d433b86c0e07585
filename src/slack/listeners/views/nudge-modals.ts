// Submissions of the "Pause nudges" and nudge settings modals. Bad dates and forged
// values come back as field errors in the modal, never as a failed request.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { pauseNudges, saveNudgeSettings, type NudgeSettingsForm } from '../../../use-cases/nudges.js';
import type { Deps } from '../../../use-cases/deps.js';
import { parseTimeOfDay } from '../../../schedule/weekly.js';
import { NUDGE_VIEWS } from '../../ids.js';
import { parsePauseMetadata } from '../../metadata.js';
import { pausedNote } from '../../views/nudge.js';
import { refreshHome } from '../refresh-home.js';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type ViewValues = ViewSubmitAction['view']['state']['values'];

const selectedDate = (values: ViewValues): string | null =>
  values[NUDGE_VIEWS.pauseUntilBlock]?.[NUDGE_VIEWS.pauseUntilAction]?.selected_date ?? null;

export function pauseSubmit(deps: Deps) {
  return async ({ ack, body, view, client }: SubmitArgs) => {
    const userId = body.user.id;
    const result = await pauseNudges(deps, userId, selectedDate(view.state.values));
    if (!result.ok) {
      await ack({ response_action: 'errors', errors: { [NUDGE_VIEWS.pauseUntilBlock]: result.error } });
      return;
    }
    await ack();
    deps.logger.info({ userId, until: result.until }, 'nudges paused');
    const origin = parsePauseMetadata(view.private_metadata);
    if (origin) {
      await client.chat
        .update({ channel: origin.channelId, ts: origin.messageTs, ...pausedNote({ until: result.until }) })
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
    const errors: Record<string, string> = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors[BLOCK_FOR[issue.path[0] as keyof NudgeSettingsForm]] ??= issue.message;
    } else {
      const result = await saveNudgeSettings(deps, userId, parsed.data);
      if (!result.ok) for (const [field, message] of Object.entries(result.errors)) errors[BLOCK_FOR[field as keyof NudgeSettingsForm]] = message;
    }
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    deps.logger.info({ userId }, 'nudge settings saved');
    await refreshHome(deps, client, userId);
  };
}
