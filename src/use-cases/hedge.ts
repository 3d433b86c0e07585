// After the career conversation: what the manager said, the coach's reading of it (one of
// five kinds) and the next step for that kind. The engineer can correct the kind; the
// coach's own reading is kept beside the correction. The text stays private: it is never
// shown to the manager or posted anywhere but back to the engineer.
import { classifyHedge, hedgeNextStep, type HedgeKind, type HedgeNextStep } from '../coach/hedge.js';
import { compQuestion, type CompQuestion } from '../coach/comp.js';
import { shouldConsiderWalking, type WalkResult } from '../coach/walk.js';
import { findLevel } from '../ladder/index.js';
import type { Deps } from './deps.js';
import { NotOnboardedError, NotYourMeetingError } from './errors.js';
import { invalid, ok, type Result } from './result.js';

export type { HedgeKind };

export const HEDGE_KINDS: readonly HedgeKind[] = ['soft_hedge', 'not_yet_specific', 'not_yet_vague', 'clear_yes', 'clear_no'];
export const MANAGER_ANSWER_MAX = 3000;

export const HEDGE_LABELS: Record<HedgeKind, string> = {
  clear_yes: 'A clear yes',
  clear_no: 'A clear no',
  soft_hedge: 'A soft hedge',
  not_yet_specific: 'Not yet, with specific criteria',
  not_yet_vague: 'Not yet, with vague criteria',
};

export function isHedgeKind(value: unknown): value is HedgeKind {
  return typeof value === 'string' && (HEDGE_KINDS as readonly string[]).includes(value);
}

/** What the engineer sees after recording the answer: the kind and what to do about it. */
export interface HedgeOutcome {
  meetingId: string;
  /** The kind in force: the engineer's correction, else the coach's reading. */
  kind: HedgeKind;
  /** The coach's own reading. */
  suggestedKind: HedgeKind;
  /** What the manager said, for the engineer's eyes only. */
  managerSaid: string;
  nextStep: HedgeNextStep;
  /** Clear yes: the band question to ask now. */
  comp?: CompQuestion;
  /** Clear no, after two closed-gap cycles without a promotion: the walk advice. */
  walk?: WalkResult;
}

export type ManagerAnswerField = 'text';

export interface ManagerAnswerInput {
  text: string;
  /** The meeting it was said in (prep's follow-up); absent from `/promo hedge` and Home. */
  meetingId?: string;
}

/**
 * Records what the manager said and reads it. Prep's day-after follow-up calls this with
 * its meeting id; `/promo hedge` and the Home button call it without one.
 */
export async function recordManagerAnswer(deps: Deps, userId: string, input: ManagerAnswerInput): Promise<Result<HedgeOutcome, ManagerAnswerField>> {
  const text = input.text.trim();
  if (text.length === 0) return invalid({ text: 'Write down what your manager said, as close to their words as you can.' });
  if (text.length > MANAGER_ANSWER_MAX) {
    return invalid({ text: `That is ${text.length.toLocaleString('en-US')} characters; keep it under ${MANAGER_ANSWER_MAX.toLocaleString('en-US')} (their key sentences are enough).` });
  }
  if (!(await deps.repos.users.findProfile(userId))) throw new NotOnboardedError(userId);
  const kind = classifyHedge(text).kind;
  const meetingId = await deps.repos.plans.saveManagerAnswer(userId, input.meetingId ?? null, text, kind);
  if (!meetingId) throw new NotYourMeetingError(userId, input.meetingId ?? '');
  deps.logger.info({ userId, meetingId, kind }, 'manager answer recorded');
  return ok(await outcomeOf(deps, userId, { meetingId, managerSaid: text, kind, suggestedKind: kind }));
}

/** One click: "it was really a …". The correction is stored; the coach's reading stays beside it. */
export async function correctHedgeKind(deps: Deps, userId: string, meetingId: string, kind: HedgeKind): Promise<HedgeOutcome> {
  if (!(await deps.repos.plans.correctHedgeKind(userId, meetingId, kind))) throw new NotYourMeetingError(userId, meetingId);
  deps.logger.info({ userId, meetingId, kind }, 'hedge kind corrected');
  return managerAnswer(deps, userId, meetingId);
}

/** The recorded answer and its next step, for reopening it; refuses someone else's meeting. */
export async function managerAnswer(deps: Deps, userId: string, meetingId: string): Promise<HedgeOutcome> {
  const row = await deps.repos.plans.findManagerAnswer(userId, meetingId);
  if (!row?.managerSaid) throw new NotYourMeetingError(userId, meetingId);
  const suggestedKind = isHedgeKind(row.hedgeKindSuggested) ? row.hedgeKindSuggested : classifyHedge(row.managerSaid).kind;
  const kind = isHedgeKind(row.hedgeKind) ? row.hedgeKind : suggestedKind;
  return outcomeOf(deps, userId, { meetingId, managerSaid: row.managerSaid, kind, suggestedKind });
}

async function outcomeOf(
  deps: Deps,
  userId: string,
  base: Pick<HedgeOutcome, 'meetingId' | 'managerSaid' | 'kind' | 'suggestedKind'>,
): Promise<HedgeOutcome> {
  const outcome: HedgeOutcome = { ...base, nextStep: hedgeNextStep(base.kind) };
  if (base.kind === 'clear_yes') {
    const profile = await deps.repos.users.findProfile(userId);
    const level = profile ? findLevel(deps.ladder, profile.targetLevel)?.name ?? profile.targetLevel : '';
    outcome.comp = compQuestion({ targetLevelName: level });
  }
  if (base.kind === 'clear_no') {
    const walk = await walkAdviceFor(deps, userId);
    if (walk) outcome.walk = walk;
  }
  return outcome;
}

/** The coach's walk advice when the recorded cycles call for it, else null. */
export async function walkAdviceFor(deps: Deps, userId: string): Promise<WalkResult | null> {
  const outcomes = await deps.repos.plans.outcomes(userId);
  const walk = shouldConsiderWalking({ cycles: outcomes.map((o) => ({ cycle: o.cycleName, promoted: o.promoted, gapClosed: o.planCriteriaDone })) });
  return walk.considerWalking ? walk : null;
}
