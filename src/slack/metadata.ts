// private_metadata carried through modals: small, and parsed with zod on the way back in,
// because it round-trips through the client and a forged payload can carry anything.
import { z } from 'zod';
import { PREP_STEPS } from '../use-cases/prep.js';

export function encodeMetadata<T>(value: T): string {
  return JSON.stringify(value);
}

function parse<T, F>(schema: z.ZodType<T>, raw: string | undefined, fallback: F): T | F {
  try {
    const parsed = schema.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

/** A nudge the app posted, to update in place once it has been answered, and the week it asked about. */
const nudgeRef = z.object({
  channelId: z.string().min(1).max(64),
  messageTs: z.string().min(1).max(64),
  week: z.string().regex(/^\d{4}-W\d{2}$/),
});

// The win modal: which win is edited (none for a new one), where it was opened from, the
// "My wins" modal underneath when it was pushed from there (refreshed after saving), and the
// nudge it was opened from (updated after saving, so it stops asking).
const winModalMetadata = z.object({
  winId: z.string().min(1).max(64).optional(),
  source: z.enum(['nudge', 'home', 'modal']),
  listViewId: z.string().min(1).max(64).optional(),
  nudge: nudgeRef.optional(),
});
export type WinModalMetadata = z.infer<typeof winModalMetadata>;

export const parseWinModalMetadata = (raw: string | undefined): WinModalMetadata =>
  parse(winModalMetadata, raw, { source: 'modal' });

/** Which nudge message a pause modal was opened from, so the submission can update it in place. */
const pauseMetadata = nudgeRef;
export type PauseMetadata = z.infer<typeof pauseMetadata>;

export const parsePauseMetadata = (raw: string | undefined): PauseMetadata | null => parse(pauseMetadata, raw, null);

const rowId = z.string().min(1).max(64);

/** The hedge modal: the meeting it records the answer for (prep's follow-up), if any. */
const hedgeMetadata = z.object({ meetingId: rowId.optional() });
export type HedgeMetadata = z.infer<typeof hedgeMetadata>;
export const parseHedgeMetadata = (raw: string | undefined): HedgeMetadata => parse(hedgeMetadata, raw, {});

/** The plan builder: the draft row is the truth; this says which plan and which step. */
const planBuilderMetadata = z.object({ planId: rowId, step: z.enum(['criteria', 'dates', 'review']) });
export type PlanBuilderMetadata = z.infer<typeof planBuilderMetadata>;
export const parsePlanBuilderMetadata = (raw: string | undefined): PlanBuilderMetadata | null => parse(planBuilderMetadata, raw, null);

/** The plan edit modal: the engineer's own edit, or the manager's "Suggest changes" (re-checked on submit). */
const planEditMetadata = z.object({ planId: rowId, role: z.enum(['engineer', 'manager']) });
export type PlanEditMetadata = z.infer<typeof planEditMetadata>;
export const parsePlanEditMetadata = (raw: string | undefined): PlanEditMetadata | null => parse(planEditMetadata, raw, null);

const checkInMetadata = z.object({ checkInId: rowId });
export type CheckInMetadata = z.infer<typeof checkInMetadata>;
export const parseCheckInMetadata = (raw: string | undefined): CheckInMetadata | null => parse(checkInMetadata, raw, null);

const outcomeMetadata = z.object({ planId: rowId });
export type OutcomeMetadata = z.infer<typeof outcomeMetadata>;
export const parseOutcomeMetadata = (raw: string | undefined): OutcomeMetadata | null => parse(outcomeMetadata, raw, null);

/** A `/promo prep` step: which draft (checked against the user on every use) and which step is on screen. */
const prepMetadata = z.object({ draftId: z.string().min(1).max(64), step: z.enum(PREP_STEPS) });
export type PrepMetadata = z.infer<typeof prepMetadata>;
export const parsePrepMetadata = (raw: string | undefined): PrepMetadata | null => parse(prepMetadata, raw, null);

/** The meeting's date modal and the follow-up's answer modal: which meeting (checked against the user). */
const meetingMetadata = z.object({ meetingId: z.string().min(1).max(64) });
export type MeetingMetadata = z.infer<typeof meetingMetadata>;
export const parseMeetingMetadata = (raw: string | undefined): MeetingMetadata | null => parse(meetingMetadata, raw, null);

/** The onboarding modal, when it was opened on the way to somewhere: that is where saving it leads. */
const profileModalMetadata = z.object({ then: z.enum(['prep']).optional() });
export type ProfileModalMetadata = z.infer<typeof profileModalMetadata>;
export const parseProfileModalMetadata = (raw: string | undefined): ProfileModalMetadata => parse(profileModalMetadata, raw, {});
