// Suggestions from the optional LLM, on top of the rules. The rules have already answered
// and the user has seen it; these run afterwards and either offer something better, marked
// as a suggestion, or leave the rules' answer standing (the reason logged). Nothing here
// acts on a suggestion: only the user's own press of "Use these" does, through a use case
// that checks the win is theirs.
import { DateTime } from 'luxon';
import { classifyHedge } from '../coach/hedge.js';
import { findLevel } from '../ladder/index.js';
import type { Deps } from './deps.js';
import { WinNotFoundError } from './errors.js';
import { HEDGE_LABELS, type HedgeKind } from './hedge.js';
import type { LlmAnswer, LlmCoach, LlmCriterion, LlmTask } from './llm-port.js';
import { orgSettings } from './settings.js';
import { updateWin, type WinItem } from './wins.js';

export type Suggestion<T> =
  /** No key, or the workspace turned it off: screens show the rules alone and say nothing more. */
  | { status: 'off' }
  /** This user spent the month's tokens: a short note where the suggestion would be. */
  | { status: 'capped'; resumesOn: string }
  /** The call failed or its answer was refused: the rules' answer stands, unchanged. */
  | { status: 'rules'; reason: string }
  | { status: 'suggested'; value: T };

/** "2026-11" for an instant, in UTC: the month usage counts toward. */
export function usageMonth(at: Date): string {
  return DateTime.fromJSDate(at, { zone: 'UTC' }).toFormat('yyyy-MM');
}

/** Whether suggestions run at all: an operator's key and the workspace setting. */
export async function suggestionsOn(deps: Deps): Promise<boolean> {
  if (!deps.llm) return false;
  return (await orgSettings(deps)).llmEnabled;
}

/** One call to the LLM for one user: the setting, the cap, the call, its cost recorded. */
async function ask<T>(deps: Deps, userId: string, task: LlmTask, call: (llm: LlmCoach) => Promise<LlmAnswer<T>>): Promise<Suggestion<T>> {
  const llm = deps.llm;
  if (!llm || !(await suggestionsOn(deps))) return { status: 'off' };
  const now = deps.clock();
  const month = usageMonth(now);
  const spent = await deps.repos.llmUsage.monthTokens(userId, month);
  if (spent >= llm.monthlyTokenCap) {
    deps.logger.info({ userId, task, spent, cap: llm.monthlyTokenCap }, 'LLM monthly cap reached; the rules answer alone');
    const resumesOn = DateTime.fromJSDate(now, { zone: 'UTC' }).startOf('month').plus({ months: 1 }).toISODate() ?? '';
    return { status: 'capped', resumesOn };
  }
  const answer = await call(llm);
  await deps.repos.llmUsage.record({
    userId,
    month,
    task,
    model: llm.model,
    promptTokens: answer.usage?.promptTokens ?? 0,
    completionTokens: answer.usage?.completionTokens ?? 0,
    outcome: answer.ok ? 'used' : answer.failure === 'call' ? 'failed' : 'rejected',
  });
  if (!answer.ok) {
    deps.logger.warn({ userId, task, reason: answer.reason }, 'LLM answer not used; the rules stand');
    return { status: 'rules', reason: answer.reason };
  }
  deps.logger.info({ userId, task, tokens: answer.usage }, 'LLM suggestion ready');
  return { status: 'suggested', value: answer.value };
}

async function targetCriteria(deps: Deps, userId: string): Promise<{ levelName: string; criteria: LlmCriterion[] } | null> {
  const profile = await deps.repos.users.findProfile(userId);
  const level = profile ? findLevel(deps.ladder, profile.targetLevel) : undefined;
  if (!level) return null;
  const dimensions = new Map(deps.ladder.dimensions.map((d) => [d.id, d.name]));
  return { levelName: level.name, criteria: level.criteria.map((c) => ({ id: c.id, dimension: dimensions.get(c.dimensionId) ?? c.dimensionId, text: c.text })) };
}

function criterionLabel(criterion: LlmCriterion): string {
  return `${criterion.dimension}: ${criterion.text}`;
}

export interface WinTagSuggestion {
  winId: string;
  /** The suggested criteria, labelled as the win modal labels them. */
  criteria: { id: string; label: string }[];
  /** Whether using them would change the win's tags. */
  changesTags: boolean;
  rewrite: string;
}

/** Suggested criteria and a behavior-first rewrite for a win the user just logged. */
export async function suggestWinTags(deps: Deps, userId: string, winId: string): Promise<Suggestion<WinTagSuggestion>> {
  const [win, target] = await Promise.all([deps.repos.wins.findOwned(userId, winId), targetCriteria(deps, userId)]);
  if (!win || !target) return (await suggestionsOn(deps)) ? { status: 'rules', reason: 'no such win for this user' } : { status: 'off' };
  const result = await ask(deps, userId, 'win_tags', (llm) => llm.winTags({ winText: win.text, ...target }));
  if (result.status !== 'suggested') return result;
  const byId = new Map(target.criteria.map((c) => [c.id, c]));
  const criteria = result.value.criteria.flatMap((id) => {
    const criterion = byId.get(id);
    return criterion ? [{ id, label: criterionLabel(criterion) }] : [];
  });
  const current = new Set(win.criteria);
  const changesTags = criteria.length > 0 && (criteria.length !== current.size || criteria.some((c) => !current.has(c.id)));
  return { status: 'suggested', value: { winId, criteria, changesTags, rewrite: result.value.rewrite } };
}

/**
 * "Use these": the suggested criteria become the win's tags. The win must be the acting
 * user's own, and only criteria of their target level are kept (the ids came back from a
 * button, which anyone can forge).
 */
export async function useSuggestedCriteria(deps: Deps, userId: string, winId: string, criteria: string[]): Promise<{ win: WinItem; targetLevelName: string }> {
  const win = await deps.repos.wins.findOwned(userId, winId);
  if (!win) throw new WinNotFoundError(userId, winId);
  const result = await updateWin(deps, userId, winId, {
    text: win.text,
    date: win.date,
    link: win.link,
    criteria: criteria.length > 0 ? criteria : win.criteria,
    crossTeam: win.crossTeam,
    enabledOthers: win.enabledOthers,
  });
  if (!result.ok) throw new WinNotFoundError(userId, winId);
  deps.logger.info({ userId, winId }, 'suggested criteria used');
  return result.value;
}

export interface HedgeSecondOpinion {
  kind: HedgeKind;
  label: string;
  /** The manager's words that carry it. */
  quote: string;
  why: string;
  /** The model read it as the rules did. */
  agrees: boolean;
}

/**
 * A second reading of what the manager said, asked only when the rules are unsure (no cue
 * decided it and the class is the safe default). Null when the rules are sure.
 */
export async function hedgeSecondOpinion(deps: Deps, userId: string, meetingId: string): Promise<Suggestion<HedgeSecondOpinion> | null> {
  const row = await deps.repos.plans.findManagerAnswer(userId, meetingId);
  if (!row?.managerSaid) return null;
  const rules = classifyHedge(row.managerSaid);
  if (rules.confidence !== 'low') return null;
  const result = await ask(deps, userId, 'hedge_opinion', (llm) => llm.hedgeOpinion({ managerSaid: row.managerSaid ?? '', rulesKind: rules.kind }));
  if (result.status !== 'suggested') return result;
  const { kind, quote, why } = result.value;
  return { status: 'suggested', value: { kind, label: HEDGE_LABELS[kind], quote, why, agrees: kind === rules.kind } };
}

export interface BehaviorRewrites {
  /** One per example, same order. */
  rewrites: string[];
  /** Only when the rules also find the rewritten case ready. */
  ready: boolean;
}

/** Behavior-first rewrites of prep's case examples (or of one win's text). */
export async function suggestBehaviorRewrite(deps: Deps, userId: string, examples: string[]): Promise<Suggestion<BehaviorRewrites>> {
  const target = await targetCriteria(deps, userId);
  const texts = examples.map((e) => e.trim()).filter((e) => e.length > 0);
  if (!target || texts.length === 0) return (await suggestionsOn(deps)) ? { status: 'rules', reason: 'nothing to rewrite' } : { status: 'off' };
  const result = await ask(deps, userId, 'behavior_rewrite', (llm) => llm.behaviorRewrites({ levelName: target.levelName, examples: texts }));
  if (result.status !== 'suggested') return result;
  return { status: 'suggested', value: { rewrites: result.value.rewrites, ready: result.value.verdict === 'ready' } };
}

export interface DraftedParagraph {
  criterion: { id: string; label: string };
  /** The user's own wins it draws on. */
  winIds: string[];
  text: string;
}

/**
 * Scope & Impact paragraphs for the promo doc, drafted from the user's own wins (the ones
 * given, else their latest). Each paragraph cites only those wins and one target criterion.
 */
export async function draftDocParagraphs(deps: Deps, userId: string, options: { winIds?: string[]; maxWins?: number } = {}): Promise<Suggestion<DraftedParagraph[]>> {
  const target = await targetCriteria(deps, userId);
  const recent = await deps.repos.wins.listRecent(userId, options.maxWins ?? 30);
  const wanted = options.winIds ? new Set(options.winIds) : null;
  const wins = recent.filter((w) => !wanted || wanted.has(w.id));
  if (!target || wins.length === 0) return (await suggestionsOn(deps)) ? { status: 'rules', reason: 'no wins to draft from' } : { status: 'off' };
  // The model cites wins as w1, w2…: database ids never leave the app.
  const refs = wins.map((w, i) => ({ ref: `w${i + 1}`, id: w.id, text: w.text }));
  const result = await ask(deps, userId, 'doc_draft', (llm) => llm.docParagraphs({ ...target, wins: refs.map(({ ref, text }) => ({ ref, text })) }));
  if (result.status !== 'suggested') return result;
  const idOf = new Map(refs.map((r) => [r.ref, r.id]));
  const byId = new Map(target.criteria.map((c) => [c.id, c]));
  return {
    status: 'suggested',
    value: result.value.paragraphs.map((p) => {
      const criterion = byId.get(p.criterionId) as LlmCriterion;
      return { criterion: { id: criterion.id, label: criterionLabel(criterion) }, winIds: p.winRefs.map((r) => idOf.get(r) ?? r), text: p.text };
    }),
  };
}
