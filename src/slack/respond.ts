// The one place where a use case's answer becomes what Slack shows: field errors become
// `response_action: 'errors'` on the right blocks, and each named error becomes one short
// message the user can act on.
import { NoCalibrationAheadError, NotOnboardedError, NotThePlanManagerError, NotYourPlanError, UseCaseError, WinNotFoundError } from '../use-cases/errors.js';
import { NotYourMeetingError, NotYourPrepError } from '../use-cases/errors.js';
import { NotAnAdminError } from '../use-cases/errors.js';
import type { Deps } from '../use-cases/deps.js';
import type { FieldErrors } from '../use-cases/result.js';

export const NOT_YOUR_WIN = 'I could not find that win. It may have been deleted already, or it belongs to someone else.';
export const NOT_YOUR_PLAN = 'I could not find that plan. It may have closed already, or it belongs to someone else.';
export const NOT_THE_MANAGER =
  'Thanks for looking! Only the manager named on this plan can confirm it or change it, so I have left it as it is.';
export const NO_CALIBRATION_AHEAD =
  'Your target cycle has no calibration date ahead of today, so there is nothing to plan toward yet. Pick your next cycle in `/promo settings`, then try again.';
export const NOT_YOUR_PREP =
  'That prep is no longer open here: it may be finished, or started over in another window. Type `/promo prep` to pick up your own.';
export const NOT_YOUR_MEETING = 'I could not find that meeting. It may belong to someone else.';
export const NOT_AN_ADMIN =
  'Workspace settings are for Slack admins and the people the operator named. If something here should change, your workspace admin can help.';
export const NOT_ONBOARDED =
  'First I need to know what you are going for: open my *Home* tab and press *Get started*, or type `/promo settings`. It takes a minute.';

/** What the user reads when a request cannot be done; null for an error that is a bug. */
export function messageFor(error: unknown): string | null {
  if (error instanceof WinNotFoundError) return NOT_YOUR_WIN;
  if (error instanceof NotOnboardedError) return NOT_ONBOARDED;
  if (error instanceof NotYourPlanError) return NOT_YOUR_PLAN;
  if (error instanceof NotThePlanManagerError) return NOT_THE_MANAGER;
  if (error instanceof NoCalibrationAheadError) return NO_CALIBRATION_AHEAD;
  if (error instanceof NotYourPrepError) return NOT_YOUR_PREP;
  if (error instanceof NotYourMeetingError) return NOT_YOUR_MEETING;
  if (error instanceof NotAnAdminError) return NOT_AN_ADMIN;
  if (error instanceof UseCaseError) return 'I could not do that one. Try again from my Home tab.';
  return null;
}

/**
 * Runs a view submission's use case; a named error (not onboarded, not yours) comes back
 * as `refused`, an ack payload that shows its message on `blockId`, and is logged.
 */
export async function refusedAsFieldError<T>(
  deps: Pick<Deps, 'logger'>,
  userId: string,
  blockId: string,
  act: () => Promise<T>,
): Promise<T | { refused: { response_action: 'errors'; errors: Record<string, string> } }> {
  try {
    return await act();
  } catch (error) {
    const message = messageFor(error);
    if (!message) throw error;
    deps.logger.warn({ userId, error: (error as Error).name }, 'view submission refused');
    return { refused: { response_action: 'errors', errors: { [blockId]: message } } };
  }
}

/** A named error's message, logged as `what` refused; anything else is a bug and is rethrown. */
export function refusalMessage(deps: Pick<Deps, 'logger'>, error: unknown, userId: string, what: string): string {
  const message = messageFor(error);
  if (!message) throw error;
  deps.logger.warn({ userId, error: (error as Error).name }, `${what} refused`);
  return message;
}

/** Field errors keyed by the modal's block ids, for `ack({ response_action: 'errors', errors })`. */
export function blockErrors<F extends string>(errors: FieldErrors<F>, blockFor: Record<F, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors) as [F, string | undefined][]) {
    if (message) out[blockFor[field]] ??= message;
  }
  return out;
}
