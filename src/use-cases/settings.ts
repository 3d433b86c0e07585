// The org's settings as the app runs on them: what an admin stored, overlaid with what
// the operator's settings file fixes. Every reader of an org setting comes through here,
// so one cache can sit in front of it (src/cache/settings-cache.ts, wired in src/deps.ts),
// and the running ladder follows what is stored.
import { createHash } from 'node:crypto';
import type { OrgSettingsRecord } from '../db/index.js';
import { parseLadderYaml, type Ladder } from '../ladder/index.js';
import { LiveLadder } from '../ladder/live-ladder.js';
import type { Deps } from './deps.js';

export type SettingKey = 'defaultNudgeDay' | 'defaultNudgeMinute' | 'sharedPlanMode' | 'llmEnabled' | 'retentionDays' | 'ladder';

export type LadderSource = 'settings_file' | 'admin' | 'built_in';

export interface OrgSettings {
  defaultNudgeDay: number;
  defaultNudgeMinute: number;
  sharedPlanMode: 'private_channel' | 'group_dm';
  llmEnabled: boolean;
  retentionDays: number | null;
  ladder: { source: LadderSource; name: string };
  /** Settings the operator's file fixes: read-only in the admin modal. */
  fromFile: SettingKey[];
  /** Cycles whose calibration date the file fixes. */
  fileCycles: string[];
  settingsFile: string | null;
}

type SettingsDeps = Pick<Deps, 'repos' | 'ladder' | 'org' | 'logger'>;

// Settings are read on most interactions (from the cache in src/cache/); hashing a stored
// leveling guide each time cost more than the read. The guide seldom changes: remember the last.
let lastAdminLadder: { yaml: string; key: string } | null = null;
function adminLadderKey(yaml: string): string {
  if (lastAdminLadder?.yaml !== yaml) lastAdminLadder = { yaml, key: `admin:${createHash('sha256').update(yaml).digest('hex')}` };
  return lastAdminLadder.key;
}

/** The stored ladder the app should run on: the file's, else an admin's, else the base one. */
function chooseLadder(deps: SettingsDeps, stored: OrgSettingsRecord): { source: LadderSource; key: string; build: () => Ladder } {
  const file = deps.org?.settingsFile?.ladder;
  if (file) return { source: 'settings_file', key: `file:${file.file}`, build: () => file.ladder };
  if (stored.ladderYaml) {
    const yaml = stored.ladderYaml;
    const key = adminLadderKey(yaml);
    return { source: 'admin', key, build: () => parseLadderYaml(yaml, 'stored leveling guide') };
  }
  const base = deps.org?.baseLadder;
  return { source: 'built_in', key: 'base', build: () => base ?? deps.ladder };
}

/**
 * Points the running ladder at the one the settings name, parsing only when it changed.
 * A stored guide was validated before it was saved; should it fail anyway (a newer
 * validator), the app keeps the ladder it has and says so in the log.
 */
function syncLadder(deps: SettingsDeps, stored: OrgSettingsRecord): LadderSource {
  const choice = chooseLadder(deps, stored);
  const live = deps.ladder;
  if (!(live instanceof LiveLadder) || live.key === choice.key) return choice.source;
  try {
    live.replace(choice.build(), choice.key);
  } catch (error) {
    deps.logger.error({ err: error }, 'stored leveling guide no longer parses; keeping the current one');
  }
  return choice.source;
}

/** The settings in force, and the running ladder brought up to date with them. */
export async function orgSettings(deps: SettingsDeps): Promise<OrgSettings> {
  const stored = await deps.repos.settings.get();
  const file = deps.org?.settingsFile ?? null;
  const values = { ...stored, ...file?.values };
  const source = syncLadder(deps, stored);
  const fromFile = (Object.keys(file?.values ?? {}) as SettingKey[]).concat(file?.ladder ? ['ladder'] : []);
  return {
    defaultNudgeDay: values.defaultNudgeDay,
    defaultNudgeMinute: values.defaultNudgeMinute,
    sharedPlanMode: values.sharedPlanMode,
    llmEnabled: values.llmEnabled,
    retentionDays: values.retentionDays,
    ladder: { source, name: deps.ladder.name },
    fromFile,
    fileCycles: file?.cycles.map((c) => c.name) ?? [],
    settingsFile: file?.file ?? null,
  };
}

/**
 * Writes the file's calibration dates into the cycle store on start, so onboarding, the
 * cycles CLI and the admin modal all read one calendar.
 */
export async function applySettingsFileCycles(deps: Pick<Deps, 'repos' | 'org'>): Promise<void> {
  for (const cycle of deps.org?.settingsFile?.cycles ?? []) {
    await deps.repos.settings.upsertCycle(cycle.name, cycle.calibrationDate);
  }
}
