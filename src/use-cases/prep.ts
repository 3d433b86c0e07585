// `/promo prep`: the three-act career-conversation prep, one step at a time. The draft
// row is the truth: every submission is saved before anything else happens, each step's
// screen is computed from what is saved, and the coach's findings are shown next to the
// field they concern. Invalid input blocks a step; advice never does: a step whose new
// answer draws advice is shown again with it, and submitting it unchanged keeps it.
import { DateTime } from 'luxon';
import { checkCase, checkGap, checkTiming, compQuestion, lintOpening, suggestOpening, type CompQuestion, type Finding, type TimingResult } from '../coach/index.js';
import type { CycleRecord, PrepDraftRecord, PrepExample, PrepWinRecord, ProfileRecord } from '../db/index.js';
import { findLevel, type Level } from '../ladder/index.js';
import { cycleHasPassed } from '../org/cycles.js';
import { localDate } from '../schedule/weekly.js';
import type { Deps, SlackMessage } from './deps.js';
import { NotOnboardedError, NotYourPrepError } from './errors.js';
import { formatLocalInstant } from './home.js';
import { buildOnePager, inviteText, MEETING_MINUTES, MEETING_TITLE } from './one-pager.js';
import { hasErrors, invalid, ok, type FieldErrors, type Result } from './result.js';

export const PREP_STEPS = ['timing', 'opening', 'case', 'behaviors', 'gap', 'comp', 'review'] as const;
export type PrepStep = (typeof PREP_STEPS)[number];

export const OPENING_MAX = 600;
export const BEHAVIOR_MAX = 500;
export const GAP_MAX = 600;
export const STRETCH_MAX = 600;
export const MIN_CASE_WINS = 4;
export const MAX_CASE_WINS = 6;
/** A static select holds 100 options; past that the picker searches (external_select). */
export const PICKER_OPTIONS_MAX = 100;
export const CADENCE_CHOICES = [1, 2, 3] as const;

export interface CycleOption {
  name: string;
  calibrationDate: string;
  /** Under the coach's four-month floor. */
  tooSoon: boolean;
}

export interface WinChoice {
  id: string;
  date: string;
  text: string;
}

export interface CriterionChoice {
  id: string;
  label: string;
}

export interface ExampleScreen {
  winId: string;
  date: string;
  winText: string;
  criterionId: string | null;
  behavior: string;
  findings: Finding[];
}

export interface PrepReview {
  opening: string;
  examples: { criterionName: string; behavior: string; date: string }[];
  gap: string;
  stretchProject: string;
  cadenceMonths: number;
  compQuestion: string | null;
  calibrationDate: string | null;
}

interface ScreenBase {
  draftId: string;
  stepNumber: number;
  stepCount: number;
  /** Opened from a saved draft: the view says so and offers "Start over". */
  resumed: boolean;
  targetLevelName: string;
  targetCycle: string;
}

export type PrepScreen = ScreenBase &
  (
    | { step: 'timing'; calibrationDate: string | null; timing: TimingResult | null; cycles: CycleOption[]; nextCycle: CycleOption | null }
    | { step: 'opening'; opening: string; findings: Finding[]; rewrite: string | null }
    /** choices is null when there are too many wins for a list: the picker searches instead. */
    | { step: 'case'; picked: WinChoice[]; choices: WinChoice[] | null; winsInYear: number; findings: Finding[] }
    | { step: 'behaviors'; examples: ExampleScreen[]; criteria: CriterionChoice[]; findings: Finding[] }
    | { step: 'gap'; gap: string; stretchProject: string; cadenceMonths: number; findings: { gap: Finding[]; stretchProject: Finding[]; cadence: Finding[] } }
    | { step: 'comp'; askComp: boolean; question: CompQuestion }
    | { step: 'review'; review: PrepReview; findings: Finding[] }
  );

export type PrepInput =
  | { step: 'timing'; cycle: string | null }
  | { step: 'opening'; opening: string }
  | { step: 'case'; winIds: string[] }
  /** By position, in the order the step showed them. */
  | { step: 'behaviors'; examples: { criterionId: string | null; behavior: string }[] }
  | { step: 'gap'; gap: string; stretchProject: string; cadenceMonths: number | null }
  | { step: 'comp'; askComp: boolean }
  | { step: 'review' };

/** Fields a step can fail on; an example's are numbered: "behavior_0", "criterion_2". */
export type PrepField = 'cycle' | 'opening' | 'wins' | 'gap' | 'stretchProject' | 'cadence' | `behavior_${number}` | `criterion_${number}`;

/** What the finished prep hands over: the one-pager, the invite, and where it goes. */
export interface PrepResult {
  meetingId: string;
  title: string;
  durationMinutes: number;
  onePager: string;
  inviteText: string;
  managerId: string;
  targetLevelName: string;
  targetCycle: string;
  review: PrepReview;
}

interface PrepContext {
  userId: string;
  tz: string | null;
  today: string;
  profile: ProfileRecord;
  target: Level | undefined;
  targetLevelName: string;
  currentLevelName: string;
  cycles: CycleRecord[];
}

async function contextFor(deps: Deps, userId: string): Promise<PrepContext> {
  const [user, profile, cycles] = await Promise.all([
    deps.repos.users.find(userId),
    deps.repos.users.findProfile(userId),
    deps.repos.settings.listCycles(),
  ]);
  if (!profile) throw new NotOnboardedError(userId);
  const target = findLevel(deps.ladder, profile.targetLevel);
  const tz = user?.tz ?? null;
  return {
    userId,
    tz,
    today: localDate(deps.clock(), tz),
    profile,
    target,
    targetLevelName: target?.name ?? profile.targetLevel,
    currentLevelName: findLevel(deps.ladder, profile.currentLevel)?.name ?? profile.currentLevel,
    cycles,
  };
}

async function ownedOpenDraft(deps: Deps, userId: string, draftId: string): Promise<PrepDraftRecord> {
  const draft = await deps.repos.prep.findOwnedDraft(userId, draftId);
  if (!draft || draft.status !== 'draft') throw new NotYourPrepError(userId, draftId);
  return draft;
}

const stepOf = (draft: PrepDraftRecord): PrepStep => (PREP_STEPS as readonly string[]).includes(draft.step) ? (draft.step as PrepStep) : 'timing';
const advice = (findings: readonly Finding[]) => findings.filter((f) => f.severity !== 'info');
const yearAgo = (today: string) => DateTime.fromISO(today).minus({ months: 12 }).toISODate() as string;

// ---- opening, resuming, moving between steps ----

/**
 * `/promo prep`: the open draft where the user left it (marked resumed), or a new one
 * aimed at the profile's target cycle.
 */
export async function openPrep(deps: Deps, userId: string): Promise<PrepScreen> {
  const ctx = await contextFor(deps, userId);
  const { draft, created } = await deps.repos.prep.openOrCreateDraft(userId, ctx.profile.targetCycle, deps.clock());
  return screenFor(deps, ctx, draft, stepOf(draft), !created);
}

/** "Start over": the same draft emptied, back on the timing step. */
export async function startPrepOver(deps: Deps, userId: string, draftId: string): Promise<PrepScreen> {
  const ctx = await contextFor(deps, userId);
  await ownedOpenDraft(deps, userId, draftId);
  if (!(await deps.repos.prep.resetDraft(userId, draftId, ctx.profile.targetCycle))) throw new NotYourPrepError(userId, draftId);
  return screenFor(deps, ctx, await ownedOpenDraft(deps, userId, draftId), 'timing', false);
}

/** Back: the step before `from`, as saved. */
export async function prepBack(deps: Deps, userId: string, draftId: string, from: PrepStep): Promise<PrepScreen> {
  const ctx = await contextFor(deps, userId);
  const draft = await ownedOpenDraft(deps, userId, draftId);
  const step = PREP_STEPS[Math.max(0, PREP_STEPS.indexOf(from) - 1)] as PrepStep;
  await deps.repos.prep.saveDraft(userId, draftId, { step });
  return screenFor(deps, ctx, { ...draft, step }, step, false);
}

/** Timing said too late: aim at the next cycle instead, in the draft and the profile. */
export async function switchToNextCycle(deps: Deps, userId: string, draftId: string): Promise<PrepScreen> {
  const ctx = await contextFor(deps, userId);
  const draft = await ownedOpenDraft(deps, userId, draftId);
  const next = nextCycleFor(ctx, draft.targetCycle ?? ctx.profile.targetCycle);
  if (next) {
    await deps.repos.prep.saveDraft(userId, draftId, { targetCycle: next.name });
    const { profile } = ctx;
    // The whole app aims where the conversation aims: Home's countdown, plans, nudges.
    await deps.repos.users.saveProfile(userId, null, { ...profile, targetCycle: next.name });
    ctx.profile = { ...profile, targetCycle: next.name };
  }
  return screenFor(deps, ctx, { ...draft, targetCycle: next?.name ?? draft.targetCycle }, 'timing', false);
}

/** "Use this opening": the coach's rewrite becomes the saved opening. */
export async function useSuggestedOpening(deps: Deps, userId: string, draftId: string): Promise<PrepScreen> {
  const ctx = await contextFor(deps, userId);
  const draft = await ownedOpenDraft(deps, userId, draftId);
  const opening = suggestOpening({ levelName: ctx.targetLevelName, cycle: draft.targetCycle ?? ctx.profile.targetCycle });
  await deps.repos.prep.saveDraft(userId, draftId, { opening, step: 'opening' });
  return screenFor(deps, ctx, { ...draft, opening }, 'opening', false);
}

// ---- submitting a step ----

export async function submitPrepStep(deps: Deps, userId: string, draftId: string, input: PrepInput): Promise<Result<PrepScreen, PrepField>> {
  const ctx = await contextFor(deps, userId);
  const draft = await ownedOpenDraft(deps, userId, draftId);
  const checked = await checkInput(deps, ctx, draft, input);
  if (!checked.ok) return checked;
  const { changes, changed } = checked.value;
  const updated = { ...draft, ...changes };
  const here = input.step;
  // New advice is shown once, next to its field; the same answer submitted again keeps it.
  const stay = changed && advice(await findingsFor(deps, ctx, updated, here)).length > 0;
  const step = stay ? here : (PREP_STEPS[Math.min(PREP_STEPS.length - 1, PREP_STEPS.indexOf(here) + 1)] as PrepStep);
  if (!(await deps.repos.prep.saveDraft(userId, draftId, { ...changes, step }))) throw new NotYourPrepError(userId, draftId);
  return ok(await screenFor(deps, ctx, { ...updated, step }, step, false));
}

type Checked = Result<{ changes: Partial<PrepDraftRecord>; changed: boolean }, PrepField>;

async function checkInput(deps: Deps, ctx: PrepContext, draft: PrepDraftRecord, input: PrepInput): Promise<Checked> {
  const errors: FieldErrors<PrepField> = {};
  switch (input.step) {
    case 'timing': {
      const cycle = ctx.cycles.find((c) => c.name === input.cycle);
      if (!cycle) errors.cycle = 'Pick the cycle you are aiming for.';
      else if (cycleHasPassed(cycle.calibrationDate, ctx.today)) errors.cycle = `The ${cycle.name} calibration is behind you: pick one still ahead.`;
      if (hasErrors(errors) || !cycle) return invalid(errors);
      return ok({ changes: { targetCycle: cycle.name }, changed: cycle.name !== draft.targetCycle });
    }
    case 'opening': {
      const opening = input.opening.trim();
      const error = textError(opening, OPENING_MAX, 'Write the sentence you will open with: the level and the cycle you are going for.');
      if (error) return invalid({ opening: error });
      return ok({ changes: { opening }, changed: opening !== (draft.opening ?? '') });
    }
    case 'case': {
      const ids = [...new Set(input.winIds)];
      if (ids.length < MIN_CASE_WINS || ids.length > MAX_CASE_WINS) {
        return invalid({ wins: `Pick ${MIN_CASE_WINS} to ${MAX_CASE_WINS} wins: you picked ${ids.length}. A few strong examples beat a long list.` });
      }
      const wins = new Map((await deps.repos.prep.winsSince(ctx.userId, yearAgo(ctx.today))).map((w) => [w.id, w]));
      const unknown = ids.filter((id) => !wins.has(id));
      if (unknown.length > 0) {
        deps.logger.warn({ userId: ctx.userId, unknown: unknown.length }, 'prep: picked wins that are not this user’s recent wins');
        return invalid({ wins: 'One of those wins is no longer in your last 12 months. Pick again.' });
      }
      const examples = ids.map((id) => exampleFor(ctx, wins.get(id) as PrepWinRecord, draft.examples));
      const before = draft.examples.map((e) => e.winId).join(' ');
      return ok({ changes: { examples }, changed: ids.join(' ') !== before });
    }
    case 'behaviors': {
      const criteria = new Set(criterionChoices(ctx).map((c) => c.id));
      const examples = draft.examples.map((example, i) => {
        const sent = input.examples[i];
        const behavior = (sent?.behavior ?? '').trim();
        const criterionId = sent?.criterionId ?? null;
        const error = textError(behavior, BEHAVIOR_MAX, 'Say what you did that shows the next level, in a sentence.');
        if (error) errors[`behavior_${i}`] = error;
        if (!criterionId || !criteria.has(criterionId)) errors[`criterion_${i}`] = `Pick the ${ctx.targetLevelName} criterion this shows.`;
        return { ...example, behavior, criterionId };
      });
      if (hasErrors(errors)) return invalid(errors);
      const changed = examples.some((e, i) => e.behavior !== draft.examples[i]?.behavior || e.criterionId !== draft.examples[i]?.criterionId);
      return ok({ changes: { examples }, changed });
    }
    case 'gap': {
      const gap = input.gap.trim();
      const stretchProject = input.stretchProject.trim();
      const gapError = textError(gap, GAP_MAX, 'Name the one area where you are still building toward the next level.');
      const stretchError = textError(stretchProject, STRETCH_MAX, 'Name a project that would let you close that gap, even a rough idea.');
      if (gapError) errors.gap = gapError;
      if (stretchError) errors.stretchProject = stretchError;
      const cadenceMonths = input.cadenceMonths;
      if (cadenceMonths === null || !(CADENCE_CHOICES as readonly number[]).includes(cadenceMonths)) errors.cadence = 'Pick how often to check in.';
      if (hasErrors(errors) || cadenceMonths === null) return invalid(errors);
      const changed = gap !== (draft.gap ?? '') || stretchProject !== (draft.stretchProject ?? '') || cadenceMonths !== draft.cadenceMonths;
      return ok({ changes: { gap, stretchProject, cadenceMonths }, changed });
    }
    case 'comp':
      return ok({ changes: { askComp: input.askComp }, changed: input.askComp !== draft.askComp });
    case 'review':
      return ok({ changes: {}, changed: false });
  }
}

function textError(text: string, max: number, empty: string): string | undefined {
  if (text.length === 0) return empty;
  const length = Array.from(text).length;
  if (length > max) return `Keep it to ${max} characters (this is ${length}): the shorter it is, the more it gets repeated.`;
  return undefined;
}

/** A picked win as an example: what the user already wrote for it is kept; a new one starts from the win. */
function exampleFor(ctx: PrepContext, win: PrepWinRecord, existing: PrepExample[]): PrepExample {
  const kept = existing.find((e) => e.winId === win.id);
  if (kept) return kept;
  const targetIds = new Set(ctx.target?.criteria.map((c) => c.id) ?? []);
  return { winId: win.id, text: win.text, date: win.date, criterionId: win.criteria.find((c) => targetIds.has(c)) ?? null, behavior: win.text.slice(0, BEHAVIOR_MAX) };
}

// ---- finishing ----

export type FinishResult = { done: true; result: PrepResult } | { done: false; screen: PrepScreen };

/**
 * "Make my one-pager": the draft closes and the meeting is recorded, in one transaction.
 * A draft with a step left empty (a forged or raced submission) is sent back to it.
 */
export async function finishPrep(deps: Deps, userId: string, draftId: string): Promise<FinishResult> {
  const ctx = await contextFor(deps, userId);
  const draft = await ownedOpenDraft(deps, userId, draftId);
  const missing = missingStep(draft);
  if (missing) {
    await deps.repos.prep.saveDraft(userId, draftId, { step: missing });
    return { done: false, screen: await screenFor(deps, ctx, { ...draft, step: missing }, missing, false) };
  }
  const review = reviewOf(deps, ctx, draft);
  const onePager = buildOnePager({
    currentLevelName: ctx.currentLevelName,
    targetLevelName: ctx.targetLevelName,
    targetCycle: draft.targetCycle ?? ctx.profile.targetCycle,
    calibrationDate: review.calibrationDate,
    opening: review.opening,
    examples: review.examples.map((e) => ({ criterionName: e.criterionName, behavior: e.behavior, winDate: e.date })),
    gap: review.gap,
    stretchProject: review.stretchProject,
    cadenceMonths: review.cadenceMonths,
    compQuestion: review.compQuestion,
  });
  const meeting = await deps.repos.prep.completeDraft(userId, draftId, { title: MEETING_TITLE, durationMinutes: MEETING_MINUTES, onePager });
  if (!meeting) throw new NotYourPrepError(userId, draftId);
  return {
    done: true,
    result: {
      meetingId: meeting.id,
      title: meeting.title,
      durationMinutes: meeting.durationMinutes,
      onePager,
      inviteText: inviteText(null),
      managerId: ctx.profile.managerId,
      targetLevelName: ctx.targetLevelName,
      targetCycle: draft.targetCycle ?? ctx.profile.targetCycle,
      review,
    },
  };
}

function missingStep(draft: PrepDraftRecord): PrepStep | null {
  if (!draft.targetCycle) return 'timing';
  if (!draft.opening) return 'opening';
  if (draft.examples.length < MIN_CASE_WINS || draft.examples.length > MAX_CASE_WINS) return 'case';
  if (draft.examples.some((e) => !e.behavior || !e.criterionId)) return 'behaviors';
  if (!draft.gap || !draft.stretchProject) return 'gap';
  return null;
}

export interface PrepDelivery {
  /** The readable one-pager and invite, in Slack. */
  message: (result: PrepResult) => SlackMessage;
  /** The comment above the Markdown file. */
  fileComment: string;
}

/** The result in the user's DM: the readable message, then the one-pager as a Markdown file. */
export async function deliverPrepResult(deps: Deps, userId: string, result: PrepResult, delivery: PrepDelivery): Promise<void> {
  const manager = await deps.slack.userContact(result.managerId).catch(() => ({ name: null, email: null }));
  const withName = { ...result, inviteText: inviteText(manager.name) };
  await deps.slack.postDm(userId, delivery.message(withName));
  await deps.slack.uploadDmFile(userId, {
    filename: 'career-conversation-one-pager.md',
    title: `One-pager: ${result.targetLevelName}, ${result.targetCycle}`,
    content: result.onePager,
    comment: delivery.fileComment,
  });
}

// ---- the options endpoint: searching wins when there are too many for a list ----

/** Up to 100 of the user's wins from the last 12 months whose text or date contains `query`. */
export async function searchPrepWins(deps: Deps, userId: string, query: string): Promise<WinChoice[]> {
  const user = await deps.repos.users.find(userId);
  const today = localDate(deps.clock(), user?.tz ?? null);
  const q = query.trim().toLowerCase();
  const wins = await deps.repos.prep.winsSince(userId, yearAgo(today));
  return wins
    .filter((w) => q.length === 0 || w.text.toLowerCase().includes(q) || w.date.includes(q))
    .slice(0, PICKER_OPTIONS_MAX)
    .map(toChoice);
}

const toChoice = (w: { id: string; date: string; text: string }): WinChoice => ({ id: w.id, date: w.date, text: w.text });

// ---- screens ----

function criterionChoices(ctx: PrepContext): CriterionChoice[] {
  return (ctx.target?.criteria ?? []).map((c) => ({ id: c.id, label: c.text }));
}

function cycleOptions(ctx: PrepContext): CycleOption[] {
  return ctx.cycles
    .filter((c) => !cycleHasPassed(c.calibrationDate, ctx.today))
    .map((c) => ({ name: c.name, calibrationDate: c.calibrationDate, tooSoon: checkTiming({ today: ctx.today, calibration: c.calibrationDate }).verdict === 'too_late' }));
}

/** The cycle to declare instead: the first after `current` that leaves time to prepare, else simply the next. */
function nextCycleFor(ctx: PrepContext, current: string): CycleOption | null {
  const options = cycleOptions(ctx);
  const from = options.find((c) => c.name === current)?.calibrationDate ?? ctx.today;
  const later = options.filter((c) => c.calibrationDate > from);
  return later.find((c) => !c.tooSoon) ?? later[0] ?? null;
}

async function findingsFor(deps: Deps, ctx: PrepContext, draft: PrepDraftRecord, step: PrepStep): Promise<Finding[]> {
  const screen = await screenFor(deps, ctx, draft, step, false);
  switch (screen.step) {
    case 'timing':
      return screen.timing?.findings ?? [];
    case 'opening':
    case 'case':
    case 'behaviors':
    case 'review':
      return [...screen.findings, ...(screen.step === 'behaviors' ? screen.examples.flatMap((e) => e.findings) : [])];
    case 'gap':
      return [...screen.findings.gap, ...screen.findings.stretchProject, ...screen.findings.cadence];
    case 'comp':
      return [];
  }
}

function caseFindings(deps: Deps, ctx: PrepContext, examples: { text: string; criterionId: string | null; winId: string }[], wins: Map<string, PrepWinRecord>) {
  return checkCase({
    examples: examples.map((e) => {
      const win = wins.get(e.winId);
      // The win's own flags count, and so does what the behavior says.
      return { text: e.text, criterionIds: e.criterionId ? [e.criterionId] : [], ...(win?.crossTeam ? { crossTeam: true } : {}), ...(win?.enabledOthers ? { enablesOthers: true } : {}) };
    }),
    targetLevel: ctx.profile.targetLevel,
    ladder: deps.ladder,
  });
}

const CASE_WIDE = new Set(['no_cross_team', 'no_enabling_others']);

async function screenFor(deps: Deps, ctx: PrepContext, draft: PrepDraftRecord, step: PrepStep, resumed: boolean): Promise<PrepScreen> {
  const targetCycle = draft.targetCycle ?? ctx.profile.targetCycle;
  const base: ScreenBase = {
    draftId: draft.id,
    stepNumber: PREP_STEPS.indexOf(step) + 1,
    stepCount: PREP_STEPS.length,
    resumed,
    targetLevelName: ctx.targetLevelName,
    targetCycle,
  };
  switch (step) {
    case 'timing': {
      const cycle = ctx.cycles.find((c) => c.name === targetCycle);
      const live = cycle && !cycleHasPassed(cycle.calibrationDate, ctx.today) ? cycle : undefined;
      const next = nextCycleFor(ctx, targetCycle);
      const timing = live ? checkTiming({ today: ctx.today, calibration: live.calibrationDate, ...(next ? { nextCalibration: next.calibrationDate } : {}) }) : null;
      return { ...base, step, calibrationDate: live?.calibrationDate ?? null, timing, cycles: cycleOptions(ctx), nextCycle: timing?.declareNextCycle || !live ? next : null };
    }
    case 'opening': {
      const opening = draft.opening ?? '';
      const result = opening ? lintOpening({ text: opening, targetLevel: ctx.profile.targetLevel, cycle: targetCycle, ladder: deps.ladder }) : null;
      // Offered as a starting point on an empty page, and as the fix when the coach found one.
      const rewrite = !result || result.rewrite ? suggestOpening({ levelName: ctx.targetLevelName, cycle: targetCycle }) : null;
      return { ...base, step, opening, findings: result?.findings ?? [], rewrite };
    }
    case 'case': {
      const total = await deps.repos.prep.countWinsSince(ctx.userId, yearAgo(ctx.today));
      const wins = await deps.repos.prep.winsSince(ctx.userId, yearAgo(ctx.today));
      const byId = new Map(wins.map((w) => [w.id, w]));
      const picked = draft.examples.map((e) => toChoice({ id: e.winId, date: e.date, text: byId.get(e.winId)?.text ?? e.text }));
      const findings = draft.examples.length > 0 ? caseFindings(deps, ctx, draft.examples, byId).findings.filter((f) => CASE_WIDE.has(f.code)) : [];
      return { ...base, step, picked, choices: total > PICKER_OPTIONS_MAX ? null : wins.map(toChoice), winsInYear: total, findings };
    }
    case 'behaviors': {
      const wins = new Map((await deps.repos.prep.winsSince(ctx.userId, yearAgo(ctx.today))).map((w) => [w.id, w]));
      const result = caseFindings(deps, ctx, draft.examples.map((e) => ({ ...e, text: e.behavior })), wins);
      const examples = draft.examples.map((e, i) => ({
        winId: e.winId,
        date: e.date,
        winText: e.text,
        criterionId: e.criterionId,
        behavior: e.behavior,
        findings: result.findings.filter((f) => f.code === 'outcome_only' && f.message.startsWith(`Example ${i + 1} `)),
      }));
      return { ...base, step, examples, criteria: criterionChoices(ctx), findings: result.findings.filter((f) => CASE_WIDE.has(f.code)) };
    }
    case 'gap': {
      const gap = draft.gap ?? '';
      const stretchProject = draft.stretchProject ?? '';
      const findings = { gap: [] as Finding[], stretchProject: [] as Finding[], cadence: [] as Finding[] };
      if (gap) {
        const result = checkGap({ gap, stretchProject: stretchProject || 'x', cadence: draft.cadenceMonths === 3 ? 'quarterly' : 'monthly', ladder: deps.ladder });
        for (const f of result.findings) {
          if (f.code === 'humble_brag' || f.code === 'gap_not_on_ladder') findings.gap.push(f);
          if (f.code === 'cadence_too_sparse') findings.cadence.push(f);
        }
      }
      return { ...base, step, gap, stretchProject, cadenceMonths: draft.cadenceMonths, findings };
    }
    case 'comp':
      return { ...base, step, askComp: draft.askComp, question: compQuestion({ targetLevelName: ctx.targetLevelName }) };
    case 'review': {
      const review = reviewOf(deps, ctx, draft);
      const remaining: Finding[] = [];
      for (const earlier of ['timing', 'opening', 'behaviors', 'gap'] as const) {
        remaining.push(...advice(await findingsFor(deps, ctx, draft, earlier)));
      }
      return { ...base, step, review, findings: remaining };
    }
  }
}

function reviewOf(deps: Deps, ctx: PrepContext, draft: PrepDraftRecord): PrepReview {
  const cycle = ctx.cycles.find((c) => c.name === (draft.targetCycle ?? ctx.profile.targetCycle));
  const names = new Map((ctx.target?.criteria ?? []).map((c) => [c.id, deps.ladder.dimensions.find((d) => d.id === c.dimensionId)?.name ?? c.id]));
  return {
    opening: draft.opening ?? '',
    examples: draft.examples.map((e) => ({ criterionName: (e.criterionId && names.get(e.criterionId)) || 'Next-level work', behavior: e.behavior, date: e.date })),
    gap: draft.gap ?? '',
    stretchProject: draft.stretchProject ?? '',
    cadenceMonths: draft.cadenceMonths,
    compQuestion: draft.askComp ? compQuestion({ targetLevelName: ctx.targetLevelName }).question : null,
    calibrationDate: cycle?.calibrationDate ?? null,
  };
}

// ---- Home ----

export type PrepStatus =
  | { kind: 'in_progress'; step: PrepStep; stepNumber: number; stepCount: number }
  /** `when` on the user's clock, e.g. "Thursday 3 Dec, 14:00". */
  | { kind: 'scheduled'; meetingId: string; when: string }
  | { kind: 'ready'; meetingId: string }
  | { kind: 'none' };

/** What Home says about the career conversation: a prep underway, the next meeting, or an invitation. */
export async function prepStatusFor(deps: Pick<Deps, 'repos' | 'clock'>, userId: string): Promise<PrepStatus> {
  const draft = await deps.repos.prep.openDraft(userId);
  if (draft) {
    const step = stepOf(draft);
    return { kind: 'in_progress', step, stepNumber: PREP_STEPS.indexOf(step) + 1, stepCount: PREP_STEPS.length };
  }
  const next = await deps.repos.prep.nextMeeting(userId, deps.clock());
  if (next?.scheduledAt) {
    const tz = (await deps.repos.users.find(userId))?.tz ?? null;
    return { kind: 'scheduled', meetingId: next.id, when: formatLocalInstant(next.scheduledAt, tz) };
  }
  const latest = await deps.repos.prep.latestMeeting(userId);
  if (latest && !latest.scheduledAt) return { kind: 'ready', meetingId: latest.id };
  return { kind: 'none' };
}
