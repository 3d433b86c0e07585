import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { saveAdminSettings, type AdminField, type AdminSettingsInput } from '../../../use-cases/admin-settings.js';
import type { Deps } from '../../../use-cases/deps.js';
import { ADMIN_VIEWS } from '../../ids.js';
import { blockErrors, refusedAsFieldError } from '../../respond.js';
import { adminSavedModal } from '../../views/admin-settings.js';

type ViewValues = ViewSubmitAction['view']['state']['values'];

const BLOCK_FOR: Record<Exclude<AdminField, `cycle:${string}`>, string> = {
  nudgeDay: ADMIN_VIEWS.nudgeDayBlock,
  nudgeTime: ADMIN_VIEWS.nudgeTimeBlock,
  sharedPlanMode: ADMIN_VIEWS.planModeBlock,
  llm: ADMIN_VIEWS.llmBlock,
  retentionDays: ADMIN_VIEWS.retentionBlock,
  newCycleName: ADMIN_VIEWS.newCycleNameBlock,
  newCycleDate: ADMIN_VIEWS.newCycleDateBlock,
  ladderFile: ADMIN_VIEWS.ladderFileBlock,
  ladderText: ADMIN_VIEWS.ladderTextBlock,
};

/** A field's block: cycle fields name their cycle, the rest are fixed. */
function blockOf(field: AdminField): string {
  return field.startsWith('cycle:')
    ? `${ADMIN_VIEWS.cycleBlockPrefix}${field.slice('cycle:'.length)}`
    : BLOCK_FOR[field as keyof typeof BLOCK_FOR];
}

// A block that is not in the form (the file fixes it) reads as null: the use case leaves it alone.
export function readAdminForm(values: ViewValues): AdminSettingsInput {
  const get = (block: string, action: string) => values[block]?.[action];
  const cycleDates: Record<string, string | null> = {};
  for (const [block, actions] of Object.entries(values)) {
    if (block.startsWith(ADMIN_VIEWS.cycleBlockPrefix)) {
      cycleDates[block.slice(ADMIN_VIEWS.cycleBlockPrefix.length)] = actions[ADMIN_VIEWS.cycleAction]?.selected_date ?? null;
    }
  }
  const files = (get(ADMIN_VIEWS.ladderFileBlock, ADMIN_VIEWS.ladderFileAction) as { files?: { id?: string }[] } | undefined)?.files;
  const retention = get(ADMIN_VIEWS.retentionBlock, ADMIN_VIEWS.retentionAction);
  return {
    nudgeDay: get(ADMIN_VIEWS.nudgeDayBlock, ADMIN_VIEWS.nudgeDayAction)?.selected_option?.value ?? null,
    nudgeTime: get(ADMIN_VIEWS.nudgeTimeBlock, ADMIN_VIEWS.nudgeTimeAction)?.selected_time ?? null,
    sharedPlanMode: get(ADMIN_VIEWS.planModeBlock, ADMIN_VIEWS.planModeAction)?.selected_option?.value ?? null,
    llm: get(ADMIN_VIEWS.llmBlock, ADMIN_VIEWS.llmAction)?.selected_option?.value ?? null,
    // Absent (fixed by the file) stays null; present but empty is "keep wins".
    retentionDays: retention ? (retention.value ?? '') : null,
    cycleDates,
    newCycleName: get(ADMIN_VIEWS.newCycleNameBlock, ADMIN_VIEWS.newCycleNameAction)?.value ?? null,
    newCycleDate: get(ADMIN_VIEWS.newCycleDateBlock, ADMIN_VIEWS.newCycleDateAction)?.selected_date ?? null,
    ladderFileId: files?.[0]?.id ?? null,
    ladderText: get(ADMIN_VIEWS.ladderTextBlock, ADMIN_VIEWS.ladderTextAction)?.value ?? null,
  };
}

export function adminSubmit(deps: Deps) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const outcome = await refusedAsFieldError(deps, body.user.id, ADMIN_VIEWS.newCycleNameBlock, () =>
      saveAdminSettings(deps, body.user.id, readAdminForm(view.state.values)),
    );
    if ('refused' in outcome) {
      await ack(outcome.refused);
      return;
    }
    if (!outcome.ok) {
      const fields = Object.keys(outcome.errors) as AdminField[];
      const blockFor = Object.fromEntries(fields.map((field) => [field, blockOf(field)])) as Record<AdminField, string>;
      await ack({ response_action: 'errors', errors: blockErrors(outcome.errors, blockFor) });
      return;
    }
    await ack({ response_action: 'update', view: adminSavedModal(outcome.value) });
  };
}
