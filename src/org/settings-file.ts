// The operator's settings file (SETTINGS_FILE): org settings kept in version control
// next to the deployment. A value set here wins over the admin modal, which shows it
// read-only. Like the ladder, every problem names the file, the line and the key.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type * as Yaml from 'yaml';
import { z } from 'zod';
import { LadderError, loadLadderFile, type Ladder } from '../ladder/index.js';
import { lineOfPath } from '../ladder/yaml-lines.js';
import { parseTimeOfDay, WEEKDAYS } from '../schedule/weekly.js';
import { isCalendarDate } from './cycles.js';
import { lazyRequire } from '../lazy-require.js';

// Only a ladder or settings file, or an admin's upload, is YAML: most starts never parse any.
const yaml = lazyRequire<typeof Yaml>('yaml');

export interface SettingsFileProblem {
  file: string;
  line: number;
  path: string;
  problem: string;
}

export class SettingsFileError extends Error {
  override readonly name = 'SettingsFileError';

  constructor(file: string, readonly problems: SettingsFileProblem[]) {
    const lines = problems.map((p) => `${p.file}:${p.line}: ${p.path}: ${p.problem}`);
    super(`Settings file ${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
  }
}

/** The org settings a file can set; absent keys are left to the admin modal. */
export interface FileSettingValues {
  defaultNudgeDay?: number;
  defaultNudgeMinute?: number;
  sharedPlanMode?: 'private_channel' | 'group_dm';
  llmEnabled?: boolean;
  /** null: the file says to keep wins for ever. */
  retentionDays?: number | null;
}

export interface FileSettings {
  file: string;
  values: FileSettingValues;
  /** The leveling guide the file points at, loaded and validated. */
  ladder?: { file: string; ladder: Ladder };
  /** Calibration dates the file fixes, by cycle name. */
  cycles: { name: string; calibrationDate: string }[];
}

const weekday = z.union([
  z.number().int().min(1).max(7),
  z
    .string()
    .transform((day) => WEEKDAYS.findIndex((d) => d.toLowerCase() === day.trim().toLowerCase()) + 1)
    .pipe(z.number().min(1, { error: 'must be a weekday such as "friday", or 1 (Monday) to 7 (Sunday)' })),
], { error: 'must be a weekday such as "friday", or 1 (Monday) to 7 (Sunday)' });

const schema = z.strictObject({
  nudge_day: weekday.optional(),
  nudge_time: z
    .string({ error: 'must be a time such as "15:00" (quote it)' })
    .refine((t) => parseTimeOfDay(t) !== null, { error: 'must be a time such as "15:00"' })
    .optional(),
  shared_plan_mode: z.enum(['private_channel', 'group_dm'], { error: 'must be "private_channel" or "group_dm"' }).optional(),
  llm_enabled: z.boolean({ error: 'must be true or false' }).optional(),
  retention_days: z
    .number({ error: 'must be a number of days, or null to keep wins for ever' })
    .int({ error: 'must be a whole number of days' })
    .min(30, { error: 'must be at least 30 days: a promotion case reaches back a year' })
    .nullable()
    .optional(),
  ladder_file: z.string({ error: 'must be a path to a ladder YAML file' }).min(1).optional(),
  cycles: z
    .record(
      z.string().min(1).max(36, { error: 'a cycle name has at most 36 characters' }),
      z.string({ error: 'must be a date written YYYY-MM-DD (quote it)' }).refine(isCalendarDate, {
        error: 'must be a calendar date written YYYY-MM-DD',
      }),
    )
    .optional(),
});

function keyPath(keys: readonly PropertyKey[]): string {
  return keys.length === 0 ? '(document)' : keys.map(String).join('.');
}

/** Parses and validates the settings YAML; `file` names it in errors and anchors `ladder_file`. */
export async function parseSettingsYaml(text: string, file: string): Promise<FileSettings> {
  const lineCounter = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problem = (line: number, at: string, message: string): SettingsFileProblem => ({ file, line, path: at, problem: message });
  if (doc.errors.length > 0) {
    throw new SettingsFileError(
      file,
      doc.errors.map((e) => problem(lineCounter.linePos(e.pos[0]).line, '(yaml)', e.message.split('\n')[0] ?? e.message)),
    );
  }
  const lineOf = (keys: readonly PropertyKey[]): number => lineOfPath(doc, lineCounter, keys);
  // An empty file is a valid file that sets nothing.
  const parsed = schema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    throw new SettingsFileError(
      file,
      parsed.error.issues.flatMap((issue) =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => problem(lineOf([...issue.path, key]), keyPath([...issue.path, key]), 'unknown setting (check the spelling in the README)'))
          : [problem(lineOf(issue.path), keyPath(issue.path), issue.message)],
      ),
    );
  }
  const raw = parsed.data;
  const values: FileSettingValues = {
    ...(raw.nudge_day !== undefined ? { defaultNudgeDay: raw.nudge_day } : {}),
    ...(raw.nudge_time !== undefined ? { defaultNudgeMinute: parseTimeOfDay(raw.nudge_time) ?? 0 } : {}),
    ...(raw.shared_plan_mode !== undefined ? { sharedPlanMode: raw.shared_plan_mode } : {}),
    ...(raw.llm_enabled !== undefined ? { llmEnabled: raw.llm_enabled } : {}),
    ...(raw.retention_days !== undefined ? { retentionDays: raw.retention_days } : {}),
  };
  let ladder: FileSettings['ladder'];
  if (raw.ladder_file !== undefined) {
    const ladderPath = path.resolve(path.dirname(file), raw.ladder_file);
    try {
      ladder = { file: ladderPath, ladder: await loadLadderFile(ladderPath) };
    } catch (error) {
      if (!(error instanceof LadderError)) throw error;
      // The ladder's own problems, plus where the settings file pointed at it.
      throw new SettingsFileError(file, [
        problem(lineOf(['ladder_file']), 'ladder_file', `the ladder it names has problems`),
        ...error.problems,
      ]);
    }
  }
  const cycles = Object.entries(raw.cycles ?? {}).map(([name, calibrationDate]) => ({ name: name.trim(), calibrationDate }));
  return { file, values, ...(ladder ? { ladder } : {}), cycles };
}

export async function loadSettingsFile(file: string): Promise<FileSettings> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : `cannot read file (${(error as Error).message})`;
    throw new SettingsFileError(file, [{ file, line: 0, path: '(document)', problem: reason }]);
  }
  return parseSettingsYaml(text, file);
}
