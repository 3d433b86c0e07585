import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { settleProfile, submitProfile } from '../../../use-cases/onboarding.js';
import type { ProfileField, ProfileForm } from '../../../use-cases/profile.js';
import type { FieldErrors } from '../../../use-cases/result.js';
import type { Deps } from '../../../use-cases/deps.js';
import { parseTimeOfDay } from '../../../schedule/weekly.js';
import { ONBOARDING } from '../../ids.js';
import { parseProfileModalMetadata } from '../../metadata.js';
import { blockErrors } from '../../respond.js';
import { keptWinsFiledMessage } from '../../views/wins-list.js';
import { prepView } from '../open-prep.js';
import { refreshHome } from '../refresh-home.js';

type ViewValues = ViewSubmitAction['view']['state']['values'];

const BLOCK_FOR: Record<ProfileField, string> = {
  currentLevel: ONBOARDING.currentLevelBlock,
  targetLevel: ONBOARDING.targetLevelBlock,
  managerId: ONBOARDING.managerBlock,
  targetCycle: ONBOARDING.cycleBlock,
  nudgeDay: ONBOARDING.nudgeDayBlock,
  nudgeMinute: ONBOARDING.nudgeTimeBlock,
};

// Slack's own form validation can be bypassed by a forged payload, so every field is
// read defensively and anything missing becomes a field error, never a 500.
const formSchema = z.object({
  currentLevel: z.string({ error: 'Pick a level from the list.' }).min(1, 'Pick a level from the list.'),
  targetLevel: z.string({ error: 'Pick a level from the list.' }).min(1, 'Pick a level from the list.'),
  managerId: z.string().min(1).nullable(),
  targetCycle: z.string({ error: 'Pick a cycle from the list.' }).min(1, 'Pick a cycle from the list.'),
  nudgeDay: z.coerce.number({ error: 'Pick a day.' }).int().min(1, 'Pick a day.').max(7, 'Pick a day.'),
  nudgeMinute: z.number({ error: 'Pick a time, like 15:00.' }),
});

export function readProfileForm(values: ViewValues): z.ZodSafeParseResult<ProfileForm> {
  const get = (block: string, action: string) => values[block]?.[action];
  const time = get(ONBOARDING.nudgeTimeBlock, ONBOARDING.nudgeTimeAction)?.selected_time;
  return formSchema.safeParse({
    currentLevel: get(ONBOARDING.currentLevelBlock, ONBOARDING.currentLevelAction)?.selected_option?.value,
    targetLevel: get(ONBOARDING.targetLevelBlock, ONBOARDING.targetLevelAction)?.selected_option?.value,
    managerId: get(ONBOARDING.managerBlock, ONBOARDING.managerAction)?.selected_user ?? null,
    targetCycle: get(ONBOARDING.cycleBlock, ONBOARDING.cycleAction)?.selected_option?.value,
    nudgeDay: get(ONBOARDING.nudgeDayBlock, ONBOARDING.nudgeDayAction)?.selected_option?.value,
    nudgeMinute: time ? (parseTimeOfDay(time) ?? undefined) : undefined,
  });
}

export function profileSubmit(deps: Deps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const parsed = readProfileForm(view.state.values);
    if (!parsed.success) {
      const errors: FieldErrors<ProfileField> = {};
      for (const issue of parsed.error.issues) errors[issue.path[0] as ProfileField] ??= issue.message;
      await ack({ response_action: 'errors', errors: blockErrors(errors, BLOCK_FOR) });
      return;
    }
    const result = await submitProfile(deps, userId, parsed.data);
    if (!result.ok) {
      await ack({ response_action: 'errors', errors: blockErrors(result.errors, BLOCK_FOR) });
      return;
    }
    // Opened on the way to the prep: the same modal carries on into it.
    if (parseProfileModalMetadata(view.private_metadata).then === 'prep') await ack({ response_action: 'update', view: await prepView(deps, userId) });
    else await ack();
    const { filedWins } = await settleProfile(deps, userId);
    if (filedWins.length > 0) await deps.slack.postDm(userId, keptWinsFiledMessage({ wins: filedWins }));
    await refreshHome(deps, client, userId);
  };
}
