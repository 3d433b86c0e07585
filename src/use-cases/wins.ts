// Weekly wins: capture from any surface, tag with the target level's criteria, list,
// edit and delete. Every capture also answers the week, which keeps the streak alive.
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { detectWinFlags, tagWin } from '../coach/win-tags.js';
import type { WinChanges, WinRecord, WinSource } from '../db/index.js';
import { findLevel, type Ladder } from '../ladder/index.js';
import { isoWeekOf, localDate } from '../schedule/weekly.js';
import type { Deps } from './deps.js';
import { NotOnboardedError, WinNotFoundError } from './errors.js';
import { hasErrors, invalid, ok, type Result } from './result.js';
import { weekStreak } from './streak.js';
import { validateWin, WIN_TEXT_MAX, type WinField } from './validate-win.js';

/** Wins this calendar quarter against the target level's criteria, and the weekly streak. */
export interface WinsSummary {
  quarterLabel: string;
  count: number;
  coveredCriteria: number;
  totalCriteria: number;
  /** Target-level criteria with no win this quarter, by name: what to go and find. */
  uncovered: string[];
  streakWeeks: number;
}

/** A win as every list and confirmation shows it: criteria already turned into names. */
export interface WinItem {
  id: string;
  /** YYYY-MM-DD. */
  date: string;
  text: string;
  /** Names of the dimensions its criteria belong to ("Written influence"). */
  tags: string[];
  crossTeam: boolean;
  enabledOthers: boolean;
  link: string | null;
  permalink: string | null;
}

export interface CaptureInput {
  text: string;
  source: WinSource;
  /** Default: today in the user's zone. */
  date?: string;
  link?: string | null;
  /** Criterion ids the user picked; empty or absent lets the coach tag it. */
  criteria?: string[];
  /** The flags the user set; null or absent lets the coach detect them from the text. */
  flags?: { crossTeam: boolean; enabledOthers: boolean } | null;
  sourceKey?: string;
  permalink?: string | null;
  authorId?: string | null;
}

export type Captured =
  | { status: 'saved'; win: WinItem; duplicate: boolean; targetLevelName: string }
  /** Sent before onboarding: kept, and filed as soon as the profile is saved. */
  | { status: 'kept'; duplicate: boolean };

export type CaptureResult = Result<Captured, WinField>;

export type UpdateResult = Result<{ win: WinItem; targetLevelName: string }, WinField>;

/** Where a win can arrive before its author has a profile; the win modal needs one to open. */
const KEPT_BEFORE_ONBOARDING: ReadonlySet<WinSource> = new Set(['dm', 'command', 'shortcut']);

export type WinEdit = WinChanges;

/** Slack sends message text with &, < and > encoded; a win is stored as the person wrote it. */
export function fromSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** A message saved with the shortcut can be longer than a win; the permalink keeps the rest. */
export function clipToWinLength(text: string): string {
  const chars = Array.from(text);
  return chars.length <= WIN_TEXT_MAX ? text : `${chars.slice(0, WIN_TEXT_MAX - 1).join('')}…`;
}

export interface SavedMessage {
  channelId: string;
  ts: string;
  /** As Slack sent it (entities encoded). */
  text: string;
  authorId: string | null;
}

export type SaveMessageResult = CaptureResult;

const NO_TEXT_IN_MESSAGE = 'That message has no text I can keep. Log it with `/promo win` and a sentence about what it shows.';

/**
 * "Save as win" on any message: its text, a link back to it, and who wrote it. Saving
 * the same message again stores nothing new.
 */
export async function saveMessageAsWin(deps: Deps, userId: string, message: SavedMessage): Promise<SaveMessageResult> {
  const text = fromSlackText(message.text);
  if (text.trim().length === 0) return invalid({ text: NO_TEXT_IN_MESSAGE });
  let permalink: string | null = null;
  try {
    permalink = await deps.slack.permalink(message.channelId, message.ts);
  } catch (err) {
    // The win is worth keeping without its link; the text and author are still there.
    deps.logger.warn({ err, userId }, 'chat.getPermalink failed; saving the win without a link');
  }
  return captureWin(deps, userId, {
    // A launch post can run past a win's 3,000 characters; the permalink keeps the whole thing.
    text: clipToWinLength(text),
    source: 'shortcut',
    sourceKey: `shortcut:${userId}:${message.channelId}:${message.ts}`,
    permalink,
    authorId: message.authorId,
  });
}

export async function isOnboarded(deps: Pick<Deps, 'repos'>, userId: string): Promise<boolean> {
  return (await deps.repos.users.findProfile(userId)) !== null;
}

async function userContext(deps: Deps, userId: string) {
  const [user, profile] = await Promise.all([deps.repos.users.find(userId), deps.repos.users.findProfile(userId)]);
  const now = deps.clock();
  return { profile, tz: user?.tz ?? null, now, today: localDate(now, user?.tz) };
}

export async function captureWin(deps: Deps, userId: string, input: CaptureInput): Promise<CaptureResult> {
  const { profile, tz, now, today } = await userContext(deps, userId);
  const fields = { text: input.text, date: input.date ?? today, link: input.link ?? null };
  const errors = validateWin(fields, today);
  if (hasErrors(errors)) return invalid(errors);
  if (!profile) return keepUntilOnboarded(deps, userId, { ...input, date: fields.date });

  const picked = keepKnownCriteria(deps.ladder, profile.targetLevel, input.criteria ?? []);
  const detected = detectWinFlags(input.text);
  const { created, win } = await deps.repos.wins.create({
    userId,
    ...fields,
    source: input.source,
    permalink: input.permalink ?? null,
    authorId: input.authorId ?? null,
    criteria: picked.length > 0 ? picked : tagWin(deps.ladder, profile.targetLevel, input.text),
    crossTeam: input.flags ? input.flags.crossTeam : detected.crossTeam,
    enabledOthers: input.flags ? input.flags.enabledOthers : detected.enablingOthers,
    sourceKey: input.sourceKey ?? null,
  });
  await deps.repos.wins.answerWins(userId, isoWeekOf(now, tz));
  deps.logger.info({ userId, winId: win.id, source: input.source, duplicate: !created }, created ? 'win logged' : 'duplicate win ignored');
  return ok({ status: 'saved', win: toItem(deps.ladder, win), duplicate: !created, targetLevelName: levelName(deps.ladder, profile.targetLevel) });
}

/**
 * A win sent before onboarding is kept, not dropped: nothing can be tagged without a
 * target level, so it waits for the profile. Onboarding files it (fileKeptWins).
 */
async function keepUntilOnboarded(deps: Deps, userId: string, input: CaptureInput): Promise<CaptureResult> {
  if (!KEPT_BEFORE_ONBOARDING.has(input.source)) throw new NotOnboardedError(userId);
  const sourceKey = input.sourceKey ?? `kept:${randomUUID()}`;
  const kept = await deps.repos.pendingWins.keep(userId, sourceKey, { ...input, sourceKey });
  deps.logger.info({ userId, source: input.source, duplicate: !kept }, 'win kept until onboarding');
  // The profile may have been saved while this was being kept, after onboarding's own
  // filing pass looked: file it now, so it never waits for a second onboarding.
  if (await isOnboarded(deps, userId)) {
    await fileKeptWins(deps, userId);
    const filed = await captureWin(deps, userId, { ...input, sourceKey });
    return filed.ok && filed.value.status === 'saved' ? ok({ ...filed.value, duplicate: !kept }) : filed;
  }
  return ok({ status: 'kept', duplicate: !kept });
}

const keptInput = z.object({
  text: z.string(),
  source: z.enum(['dm', 'command', 'shortcut']),
  date: z.string().optional(),
  link: z.string().nullable().optional(),
  sourceKey: z.string(),
  permalink: z.string().nullable().optional(),
  authorId: z.string().nullable().optional(),
});

/**
 * Files every win kept before onboarding, oldest first, each once (its source key makes a
 * second filing a no-op). Returns the wins filed now.
 */
export async function fileKeptWins(deps: Deps, userId: string): Promise<WinItem[]> {
  const filed: WinItem[] = [];
  for (const kept of await deps.repos.pendingWins.listFor(userId)) {
    const input = keptInput.safeParse(kept.input);
    if (input.success) {
      const result = await captureWin(deps, userId, input.data);
      if (result.ok && result.value.status === 'saved' && !result.value.duplicate) filed.push(result.value.win);
    } else {
      deps.logger.warn({ userId, pendingWinId: kept.id }, 'a kept win could not be read; dropped');
    }
    await deps.repos.pendingWins.remove(kept.id);
  }
  if (filed.length > 0) deps.logger.info({ userId, filed: filed.length }, 'wins kept before onboarding filed');
  return filed;
}

/** Saves the owner's changes; someone else's win (or a forged id) is "not found", untouched. */
export async function updateWin(deps: Deps, userId: string, winId: string, edit: WinEdit): Promise<UpdateResult> {
  const { profile, today } = await userContext(deps, userId);
  const existing = await deps.repos.wins.findOwned(userId, winId);
  if (!profile || !existing) throw new WinNotFoundError(userId, winId);
  const errors = validateWin(edit, today);
  if (hasErrors(errors)) return invalid(errors);
  const changes = {
    text: edit.text,
    date: edit.date,
    link: edit.link,
    criteria: keepKnownCriteria(deps.ladder, profile.targetLevel, edit.criteria),
    crossTeam: edit.crossTeam,
    enabledOthers: edit.enabledOthers,
  };
  if (!(await deps.repos.wins.updateOwned(userId, winId, changes))) throw new WinNotFoundError(userId, winId);
  deps.logger.info({ userId, winId }, 'win edited');
  return ok({ win: toItem(deps.ladder, { ...existing, ...changes }), targetLevelName: levelName(deps.ladder, profile.targetLevel) });
}

export async function deleteWin(deps: Deps, userId: string, winId: string): Promise<void> {
  if (!(await deps.repos.wins.deleteOwned(userId, winId))) throw new WinNotFoundError(userId, winId);
  deps.logger.info({ userId, winId }, 'win deleted');
}

export async function recentWins(deps: Deps, userId: string, limit: number): Promise<WinItem[]> {
  const wins = await deps.repos.wins.listRecent(userId, limit);
  return wins.map((win) => toItem(deps.ladder, win));
}

export interface WinModalData {
  today: string;
  targetLevelName: string;
  criteriaOptions: { id: string; label: string }[];
  /** Present when editing: the stored win, with the coach's tags when it had none. */
  initial?: WinEdit;
}

/** What the win modal needs; null when the win to edit is not this user's (or not there). */
export async function winModalData(deps: Deps, userId: string, winId?: string): Promise<WinModalData | null> {
  const { profile, today } = await userContext(deps, userId);
  if (!profile) return null;
  const level = findLevel(deps.ladder, profile.targetLevel);
  const dimensions = new Map(deps.ladder.dimensions.map((d) => [d.id, d.name]));
  const data: WinModalData = {
    today,
    targetLevelName: level?.name ?? profile.targetLevel,
    criteriaOptions: (level?.criteria ?? []).map((c) => ({ id: c.id, label: `${dimensions.get(c.dimensionId) ?? c.dimensionId}: ${c.text}` })),
  };
  if (winId === undefined) return data;
  const win = await deps.repos.wins.findOwned(userId, winId);
  if (!win) return null;
  const known = keepKnownCriteria(deps.ladder, profile.targetLevel, win.criteria);
  return {
    ...data,
    initial: {
      text: win.text,
      date: win.date,
      link: win.link,
      criteria: known.length > 0 ? known : tagWin(deps.ladder, profile.targetLevel, win.text),
      crossTeam: win.crossTeam,
      enabledOthers: win.enabledOthers,
    },
  };
}


// Enough history for any streak worth showing, without reading years of rows.
const STREAK_WEEKS_READ = 520;

/** Wins this calendar quarter (user's zone), which target criteria they cover, and the streak. */
export async function winsSummary(deps: Deps, userId: string, targetLevelId: string, tz: string | null): Promise<WinsSummary> {
  const now = deps.clock();
  const today = DateTime.fromISO(localDate(now, tz), { zone: 'UTC' });
  const from = today.startOf('quarter').toISODate() ?? '';
  const to = today.endOf('quarter').toISODate() ?? '';
  const [criteriaLists, weeks] = await Promise.all([
    deps.repos.wins.criteriaBetween(userId, from, to),
    deps.repos.wins.answeredWeeks(userId, STREAK_WEEKS_READ),
  ]);
  const shown = new Set(criteriaLists.flat());
  const criteria = findLevel(deps.ladder, targetLevelId)?.criteria ?? [];
  const uncovered = criteria.filter((c) => !shown.has(c.id));
  return {
    quarterLabel: `Q${today.quarter} ${today.year}`,
    count: criteriaLists.length,
    coveredCriteria: criteria.length - uncovered.length,
    totalCriteria: criteria.length,
    uncovered: uniqueNames(deps.ladder, uncovered.map((c) => c.id)),
    streakWeeks: weekStreak(weeks, isoWeekOf(now, tz)),
  };
}

function levelName(ladder: Ladder, levelId: string): string {
  return findLevel(ladder, levelId)?.name ?? levelId;
}

/** Only criteria of the target level count: a forged or stale option value is dropped. */
function keepKnownCriteria(ladder: Ladder, targetLevelId: string, ids: string[]): string[] {
  const known = new Set((findLevel(ladder, targetLevelId)?.criteria ?? []).map((c) => c.id));
  return [...new Set(ids)].filter((id) => known.has(id));
}

/** Criterion ids → the dimension names people recognise ("Written influence"), once each. */
function uniqueNames(ladder: Ladder, ids: string[]): string[] {
  const byId = new Map(ladder.levels.flatMap((l) => l.criteria).map((c) => [c.id, c.dimensionId]));
  const dimensions = new Map(ladder.dimensions.map((d) => [d.id, d.name]));
  const names = ids.flatMap((id) => {
    const dimensionId = byId.get(id);
    return dimensionId ? [dimensions.get(dimensionId) ?? dimensionId] : [];
  });
  return [...new Set(names)];
}

function toItem(ladder: Ladder, win: Pick<WinRecord, 'id' | 'date' | 'text' | 'criteria' | 'crossTeam' | 'enabledOthers' | 'link' | 'permalink'>): WinItem {
  return {
    id: win.id,
    date: win.date,
    text: win.text,
    tags: uniqueNames(ladder, win.criteria),
    crossTeam: win.crossTeam,
    enabledOthers: win.enabledOthers,
    link: win.link,
    permalink: win.permalink,
  };
}
