// `/promo admin`: workspace settings, for admins only. Everything the form sends is checked
// before anything is written, so one bad value leaves every setting as it was.
import type { OrgSettingsRecord } from '../db/index.js';
import { LadderError, parseLadderYaml, type Ladder } from '../ladder/index.js';
import { cycleHasPassed, isCalendarDate } from '../org/cycles.js';
import { formatTimeOfDay, localDate, parseTimeOfDay, WEEKDAYS } from '../schedule/weekly.js';
import { CYCLE_NAME_MAX, setCycle } from './cycles.js';
import type { Deps } from './deps.js';
import { NotAnAdminError } from './errors.js';
import { hasErrors, invalid, ok, type FieldErrors, type Result } from './result.js';
import { orgSettings, type OrgSettings } from './settings.js';

/** Problems listed in a field error; the rest are counted (Slack shows a short line under an input). */
const PROBLEMS_SHOWN = 4;
export const RETENTION_MIN_DAYS = 30;
export const RETENTION_MAX_DAYS = 3650;

export async function isAdmin(deps: Pick<Deps, 'org' | 'slack'>, userId: string): Promise<boolean> {
  if (deps.org?.adminUserIds.includes(userId)) return true;
  return deps.slack.isWorkspaceAdmin(userId);
}

async function requireAdmin(deps: Pick<Deps, 'org' | 'slack'>, userId: string): Promise<void> {
  if (!(await isAdmin(deps, userId))) throw new NotAnAdminError(userId);
}

export interface AdminCycle {
  name: string;
  calibrationDate: string;
  /** The operator's file fixes this date. */
  fromFile: boolean;
}

export interface AdminSettingsView {
  settings: OrgSettings;
  /** Cycles still ahead, soonest first: the ones whose dates can still matter. */
  cycles: AdminCycle[];
  /** False when the operator set no OPENAI_API_KEY: the LLM setting then has nothing to turn on. */
  llmConfigured?: boolean;
}

/** What the admin modal shows; refuses anyone who is not an admin. */
export async function adminSettingsFor(deps: Deps, userId: string): Promise<AdminSettingsView> {
  await requireAdmin(deps, userId);
  const [settings, cycles] = await Promise.all([orgSettings(deps), deps.repos.settings.listCycles()]);
  const today = localDate(deps.clock(), 'UTC');
  return {
    settings,
    llmConfigured: deps.llm !== undefined,
    cycles: cycles
      .filter((c) => !cycleHasPassed(c.calibrationDate, today))
      .map((c) => ({ name: c.name, calibrationDate: c.calibrationDate, fromFile: settings.fileCycles.includes(c.name) })),
  };
}

/** The admin form as submitted; null for anything left empty or not shown (set by the file). */
export interface AdminSettingsInput {
  nudgeDay: string | null;
  nudgeTime: string | null;
  sharedPlanMode: string | null;
  llm: string | null;
  retentionDays: string | null;
  /** Calibration date per cycle name, as picked. */
  cycleDates: Record<string, string | null>;
  newCycleName: string | null;
  newCycleDate: string | null;
  /** A leveling guide uploaded through the modal's file input. */
  ladderFileId: string | null;
  /** A leveling guide pasted into the modal. */
  ladderText: string | null;
}

export type AdminField =
  | 'nudgeDay'
  | 'nudgeTime'
  | 'sharedPlanMode'
  | 'llm'
  | 'retentionDays'
  | 'newCycleName'
  | 'newCycleDate'
  | 'ladderFile'
  | 'ladderText'
  | `cycle:${string}`;

export interface AdminSaved {
  /** One line per setting that changed, as the admin reads it. */
  changes: string[];
  ladderName: string;
}

function ladderProblems(error: LadderError): string {
  const lines = error.problems.slice(0, PROBLEMS_SHOWN).map((p) => `${p.file}:${p.line}: ${p.path}: ${p.problem}`);
  const more = error.problems.length - PROBLEMS_SHOWN;
  return `${lines.join(' · ')}${more > 0 ? ` · and ${more} more` : ''}. The current guide stays until this one is fixed.`;
}

/** Levels people are at or aiming for that a new guide leaves out would strand their profiles. */
async function missingLevels(deps: Deps, ladder: Ladder): Promise<string | null> {
  const inUse = await deps.repos.settings.levelsInUse();
  const missing = [...inUse.keys()].filter((id) => !ladder.levels.some((l) => l.id === id));
  if (missing.length === 0) return null;
  return `This guide has no level ${missing.map((id) => `"${id}"`).join(', ')}, which people's profiles use. Keep those level ids, or ask them to change level first. The current guide stays.`;
}

async function readLadder(
  deps: Deps,
  input: AdminSettingsInput,
  errors: FieldErrors<AdminField>,
): Promise<{ yaml: string; ladder: Ladder } | null> {
  const text = input.ladderText?.trim() ? input.ladderText : null;
  if (input.ladderFileId && text) {
    errors.ladderText = 'Upload a file or paste the guide, not both.';
    return null;
  }
  const field: AdminField = input.ladderFileId ? 'ladderFile' : 'ladderText';
  let source: { name: string; content: string } | null = null;
  if (input.ladderFileId) {
    try {
      source = await deps.slack.downloadFile(input.ladderFileId);
    } catch (error) {
      deps.logger.warn({ err: error }, 'could not download the uploaded leveling guide');
      errors.ladderFile = 'I could not read that file from Slack. Try uploading it again, or paste it below.';
      return null;
    }
  } else if (text) {
    source = { name: 'pasted guide', content: text };
  }
  if (!source) return null;
  try {
    const ladder = parseLadderYaml(source.content, source.name);
    const stranded = await missingLevels(deps, ladder);
    if (stranded) {
      errors[field] = stranded;
      return null;
    }
    return { yaml: source.content, ladder };
  } catch (error) {
    if (!(error instanceof LadderError)) throw error;
    errors[field] = ladderProblems(error);
    return null;
  }
}

function readRetention(raw: string | null, errors: FieldErrors<AdminField>): number | null | undefined {
  const text = raw?.trim() ?? '';
  if (text === '' || /^(keep|never|forever)$/i.test(text)) return null;
  const days = Number(text);
  if (!/^\d+$/.test(text) || days < RETENTION_MIN_DAYS || days > RETENTION_MAX_DAYS) {
    errors.retentionDays = `Write a whole number of days from ${RETENTION_MIN_DAYS} to ${RETENTION_MAX_DAYS}, or leave it empty to keep wins.`;
    return undefined;
  }
  return days;
}

/** Saves what an admin changed; an invalid value comes back as a field error and nothing is written. */
export async function saveAdminSettings(
  deps: Deps,
  userId: string,
  input: AdminSettingsInput,
): Promise<Result<AdminSaved, AdminField>> {
  await requireAdmin(deps, userId);
  const current = await adminSettingsFor(deps, userId);
  const locked = new Set(current.settings.fromFile);
  const errors: FieldErrors<AdminField> = {};
  const patch: Partial<OrgSettingsRecord> = {};
  const changes: string[] = [];

  if (!locked.has('defaultNudgeDay') && input.nudgeDay !== null) {
    const day = Number(input.nudgeDay);
    if (!Number.isInteger(day) || day < 1 || day > 7) errors.nudgeDay = 'Pick a day from the list.';
    else patch.defaultNudgeDay = day;
  }
  if (!locked.has('defaultNudgeMinute') && input.nudgeTime !== null) {
    const minute = parseTimeOfDay(input.nudgeTime);
    if (minute === null) errors.nudgeTime = 'Pick a time such as 15:00.';
    else patch.defaultNudgeMinute = minute;
  }
  if (!locked.has('sharedPlanMode') && input.sharedPlanMode !== null) {
    if (input.sharedPlanMode !== 'private_channel' && input.sharedPlanMode !== 'group_dm') errors.sharedPlanMode = 'Pick one of the two.';
    else patch.sharedPlanMode = input.sharedPlanMode;
  }
  if (!locked.has('llmEnabled') && input.llm !== null) {
    if (input.llm !== 'on' && input.llm !== 'off') errors.llm = 'Pick on or off.';
    else patch.llmEnabled = input.llm === 'on';
  }
  if (!locked.has('retentionDays')) {
    const days = readRetention(input.retentionDays, errors);
    if (days !== undefined) patch.retentionDays = days;
  }

  const today = localDate(deps.clock(), 'UTC');
  const cycleWrites: { name: string; calibrationDate: string }[] = [];
  for (const cycle of current.cycles) {
    const picked = input.cycleDates[cycle.name];
    if (cycle.fromFile || !picked || picked === cycle.calibrationDate) continue;
    if (!isCalendarDate(picked) || cycleHasPassed(picked, today)) errors[`cycle:${cycle.name}`] = 'Pick a date after today.';
    else cycleWrites.push({ name: cycle.name, calibrationDate: picked });
  }
  const newName = input.newCycleName?.trim() ?? '';
  if (newName || input.newCycleDate) {
    if (!newName) errors.newCycleName = 'Name the cycle, such as "2028 H1".';
    else if (newName.length > CYCLE_NAME_MAX) errors.newCycleName = `Keep a cycle name to ${CYCLE_NAME_MAX} characters.`;
    else if (current.settings.fileCycles.includes(newName)) errors.newCycleName = 'The settings file fixes that cycle.';
    if (!input.newCycleDate) errors.newCycleDate = 'Pick its calibration date.';
    else if (cycleHasPassed(input.newCycleDate, today)) errors.newCycleDate = 'Pick a date after today.';
    if (!errors.newCycleName && !errors.newCycleDate && input.newCycleDate) cycleWrites.push({ name: newName, calibrationDate: input.newCycleDate });
  }

  const ladder = locked.has('ladder') ? null : await readLadder(deps, input, errors);
  if (hasErrors(errors)) return invalid(errors);

  const before = current.settings;
  if (patch.defaultNudgeDay !== undefined && patch.defaultNudgeDay !== before.defaultNudgeDay) {
    changes.push(`Default nudge day: ${WEEKDAYS[patch.defaultNudgeDay - 1] ?? patch.defaultNudgeDay}`);
  }
  if (patch.defaultNudgeMinute !== undefined && patch.defaultNudgeMinute !== before.defaultNudgeMinute) {
    changes.push(`Default nudge time: ${formatTimeOfDay(patch.defaultNudgeMinute)}`);
  }
  if (patch.sharedPlanMode !== undefined && patch.sharedPlanMode !== before.sharedPlanMode) {
    changes.push(`Shared plans go to: ${patch.sharedPlanMode === 'group_dm' ? 'a group DM' : 'a private channel'}`);
  }
  if (patch.llmEnabled !== undefined && patch.llmEnabled !== before.llmEnabled) changes.push(`LLM: ${patch.llmEnabled ? 'on' : 'off'}`);
  if (patch.retentionDays !== undefined && patch.retentionDays !== before.retentionDays) {
    changes.push(patch.retentionDays === null ? 'Wins are kept' : `Wins are kept for ${patch.retentionDays} days`);
  }
  if (ladder) {
    patch.ladderYaml = ladder.yaml;
    changes.push(`Leveling guide: ${ladder.ladder.name}`);
  }

  await deps.repos.settings.update(patch);
  for (const cycle of cycleWrites) {
    const saved = await setCycle(deps, cycle.name, cycle.calibrationDate);
    if (saved.ok) changes.push(`${cycle.name} calibration: ${cycle.calibrationDate}`);
  }
  const after = await orgSettings(deps);
  deps.logger.info({ userId, changed: changes.length }, 'org settings saved');
  return ok({ changes, ladderName: after.ladder.name });
}
