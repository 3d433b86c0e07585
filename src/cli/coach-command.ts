import { z } from 'zod';
import type { Ladder } from '../ladder/types.js';
import { defaultLadder } from '../ladder/default-ladder.js';
import { LadderError, loadLadderFile } from '../ladder/ladder-yaml.js';
import { findLevel, resolveLevel } from '../ladder/ladder-queries.js';
import {
  buildPlanTimeline,
  checkCase,
  checkCriterion,
  checkDoc,
  checkGap,
  checkTiming,
  classifyHedge,
  compQuestion,
  detectWinFlags,
  lintOpening,
  shouldConsiderWalking,
  tagWin,
} from '../coach/index.js';

// The terminal front door to the coaching engine: `promo-coach coach <check>` reads
// one JSON object on stdin and prints one on stdout. It is the same pure functions the
// Slack flows call, so operators and tests can try any rule without Slack. Exit codes:
// 0 ok, 2 bad usage or input (the message names the field), 1 unexpected failure.
// It lives outside coach/ because it reads company ladder files from disk, and coach/
// stays pure.

export interface CoachCommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

const required = (what: string) => (issue: { input: unknown }) => (issue.input === undefined ? `required (${what})` : `expected ${what}`);
const isoDate = z.iso.date({ error: required('a date as YYYY-MM-DD') });
const nonEmpty = z.string({ error: required('a string') }).trim().min(1, { error: 'must not be empty' });
const ladderFile = nonEmpty.optional();
const cadence = z.enum(['weekly', 'biweekly', 'monthly', 'quarterly'], { error: 'expected weekly, biweekly, monthly or quarterly' });

/** Input that passed the schema but makes no sense (an unknown level id). */
class InputError extends Error {
  override readonly name = 'InputError';
}

async function ladderFrom(path: string | undefined): Promise<Ladder> {
  return path ? loadLadderFile(path) : defaultLadder;
}

interface CheckSpec {
  summary: string;
  schema: z.ZodType;
  run: (input: never) => Promise<unknown>;
}

function spec<S extends z.ZodType>(summary: string, schema: S, run: (input: z.output<S>) => Promise<unknown> | unknown): CheckSpec {
  return { summary, schema, run: async (input: never) => run(input) };
}

const CHECKS: Record<string, CheckSpec> = {
  timing: spec(
    'months to calibration and whether it is early enough',
    z.strictObject({ today: isoDate, calibration: isoDate, nextCalibration: isoDate.optional() }),
    (i) => checkTiming(i),
  ),
  opening: spec(
    'does the first sentence name the level and the cycle',
    z.strictObject({ text: nonEmpty, targetLevel: nonEmpty.optional(), cycle: nonEmpty.optional(), ladderFile }),
    async (i) => lintOpening({ text: i.text, targetLevel: i.targetLevel, cycle: i.cycle, ladder: await ladderFrom(i.ladderFile) }),
  ),
  case: spec(
    '4–6 examples, behavior-phrased, cross-team and enabling others',
    z.strictObject({
      examples: z.array(
        z.strictObject({
          text: nonEmpty,
          crossTeam: z.boolean().optional(),
          enablesOthers: z.boolean().optional(),
          criterionIds: z.array(nonEmpty).optional(),
        }),
        { error: required('a list of examples') },
      ),
      targetLevel: nonEmpty.optional(),
      ladderFile,
    }),
    async (i) => checkCase({ examples: i.examples, targetLevel: i.targetLevel, ladder: await ladderFrom(i.ladderFile) }),
  ),
  gap: spec(
    'a real gap, a stretch project and a cadence',
    z.strictObject({ gap: z.string({ error: required('a string') }), stretchProject: z.string().optional(), cadence: z.string().optional(), ladderFile }),
    async (i) => checkGap({ gap: i.gap, stretchProject: i.stretchProject, cadence: i.cadence, ladder: await ladderFrom(i.ladderFile) }),
  ),
  hedge: spec('classify what the manager said, with the next step', z.strictObject({ text: nonEmpty }), (i) => classifyHedge(i.text)),
  criterion: spec('is a plan criterion specific and observable', z.strictObject({ text: z.string({ error: required('a string') }) }), (i) => checkCriterion(i.text)),
  plan: spec(
    'month-by-month timeline to calibration with check-ins',
    z.strictObject({ today: isoDate, calibration: isoDate, cadence: cadence.optional(), criteria: z.array(nonEmpty).optional() }),
    (i) => buildPlanTimeline(i),
  ),
  doc: spec(
    'promo doc length and sections',
    z.strictObject({ markdown: z.string({ error: required('a string') }), ladderFile }),
    async (i) => checkDoc({ markdown: i.markdown, ladder: await ladderFrom(i.ladderFile) }),
  ),
  walk: spec(
    'two closed-gap cycles without a promotion → consider walking',
    z.strictObject({
      cycles: z.array(z.strictObject({ cycle: nonEmpty, promoted: z.boolean({ error: required('true or false') }), gapClosed: z.boolean({ error: required('true or false') }) }), { error: required('a list of cycles') }),
    }),
    (i) => shouldConsiderWalking(i),
  ),
  comp: spec('the band-placement question to add to the ask', z.strictObject({ targetLevel: nonEmpty, ladderFile }), async (i) => {
    const level = resolveLevel(await ladderFrom(i.ladderFile), i.targetLevel);
    return compQuestion({ targetLevelName: level?.name ?? i.targetLevel });
  }),
  tag: spec(
    'which criteria of the target level a win shows',
    z.strictObject({ text: nonEmpty, targetLevel: nonEmpty, ladderFile }),
    async (i) => {
      const ladder = await ladderFrom(i.ladderFile);
      const level = resolveLevel(ladder, i.targetLevel);
      if (!level) throw new InputError(`targetLevel: unknown level "${i.targetLevel}" (known: ${ladder.levels.map((l) => l.id).join(', ')})`);
      const ids = tagWin(ladder, level.id, i.text);
      const byId = new Map(findLevel(ladder, level.id)?.criteria.map((c) => [c.id, c]) ?? []);
      const flags = detectWinFlags(i.text);
      return {
        criterionIds: ids,
        criteria: ids.map((id) => ({ id, dimensionId: byId.get(id)?.dimensionId, text: byId.get(id)?.text })),
        crossTeam: flags.crossTeam,
        enablingOthers: flags.enablingOthers,
      };
    },
  ),
};

export const COACH_CHECKS: readonly string[] = Object.keys(CHECKS);

export function coachUsage(): string {
  const width = Math.max(...COACH_CHECKS.map((c) => c.length));
  const lines = COACH_CHECKS.map((name) => `  ${name.padEnd(width)}  ${CHECKS[name]?.summary ?? ''}`);
  return [
    'usage: promo-coach coach <check>   (reads one JSON object on stdin, prints one JSON object)',
    '',
    'checks:',
    ...lines,
    '',
    'example: echo \'{"text":"let\'\\\'\'s keep it on the radar"}\' | promo-coach coach hedge',
  ].join('\n');
}

function formatZodError(check: string, error: z.ZodError): string {
  const lines = error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(input)';
    return `  ${path}: ${issue.message}`;
  });
  return `invalid input for "${check}":\n${lines.join('\n')}`;
}

const fail = (exitCode: number, stderr: string): CoachCommandResult => ({ exitCode, stdout: '', stderr: stderr.endsWith('\n') ? stderr : `${stderr}\n` });

export async function runCoachCommand(check: string | undefined, stdinText: string): Promise<CoachCommandResult> {
  if (check === 'help' || check === '--help' || check === '-h') return { exitCode: 0, stdout: `${coachUsage()}\n`, stderr: '' };
  const entry = check ? CHECKS[check] : undefined;
  if (!check || !entry) {
    return fail(2, `${check ? `unknown check "${check}"` : 'missing check'}\n\n${coachUsage()}`);
  }

  let json: unknown;
  try {
    json = JSON.parse(stdinText);
  } catch (err) {
    return fail(2, `invalid JSON on stdin for "${check}": ${(err as Error).message}`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return fail(2, `invalid input for "${check}": expected one JSON object`);
  }

  const parsed = entry.schema.safeParse(json);
  if (!parsed.success) return fail(2, formatZodError(check, parsed.error));

  try {
    const output = await entry.run(parsed.data as never);
    return { exitCode: 0, stdout: `${JSON.stringify(output, null, 2)}\n`, stderr: '' };
  } catch (err) {
    if (err instanceof LadderError) return fail(2, err.message);
    if (err instanceof InputError || err instanceof RangeError) return fail(2, `invalid input for "${check}": ${err.message}`);
    return fail(1, `coach ${check} failed: ${(err as Error).message}`);
  }
}
