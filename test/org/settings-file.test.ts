import { describe, expect, it } from 'vitest';
import { parseSettingsYaml, SettingsFileError } from '../../src/org/settings-file.js';

async function problemsOf(yaml: string): Promise<string[]> {
  try {
    await parseSettingsYaml(yaml, 'settings.yaml');
  } catch (error) {
    if (error instanceof SettingsFileError) return error.problems.map((p) => `${p.file}:${p.line}: ${p.path}: ${p.problem}`);
    throw error;
  }
  return [];
}

describe('the operator settings file', () => {
  it('when every key is set, then the values come back as the app stores them', async () => {
    const parsed = await parseSettingsYaml(
      'nudge_day: monday\nnudge_time: "09:30"\nshared_plan_mode: group_dm\nllm_enabled: false\nretention_days: 365\ncycles:\n  "2027 H1": "2027-06-01"\n',
      'settings.yaml',
    );
    expect(parsed.values).toEqual({ defaultNudgeDay: 1, defaultNudgeMinute: 570, sharedPlanMode: 'group_dm', llmEnabled: false, retentionDays: 365 });
    expect(parsed.cycles).toEqual([{ name: '2027 H1', calibrationDate: '2027-06-01' }]);
  });

  it('when the file is empty, then it sets nothing', async () => {
    expect((await parseSettingsYaml('', 'settings.yaml')).values).toEqual({});
  });

  it('when keys are misspelt or values wrong, then every problem names the file, line and key', async () => {
    expect(await problemsOf('nudge_day: someday\nretension_days: 90\ncycles:\n  "2027 H1": "15 June"\n')).toEqual([
      'settings.yaml:1: nudge_day: must be a weekday such as "friday", or 1 (Monday) to 7 (Sunday)',
      'settings.yaml:4: cycles.2027 H1: must be a calendar date written YYYY-MM-DD',
      'settings.yaml:2: retension_days: unknown setting (check the spelling in the README)',
    ]);
  });

  it('when ladder_file names a broken ladder, then the ladder’s own file:line problems come with it', async () => {
    const problems = await problemsOf('ladder_file: ./does-not-exist.yaml\n');
    expect(problems[0]).toBe('settings.yaml:1: ladder_file: the ladder it names has problems');
    expect(problems[1]).toContain('does-not-exist.yaml:0: (document): file not found');
  });
});
