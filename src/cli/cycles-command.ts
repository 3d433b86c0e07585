// `promo-coach cycles list | set <name> <YYYY-MM-DD> | remove <name>`: reads the
// arguments, calls one use case, prints one answer. The rules live in use-cases/cycles.ts.
import { parseArgs } from 'node:util';
import { isCalendarDate } from '../org/cycles.js';
import { listCycles, removeCycle, setCycle, type CycleOverview, type CycleResult } from '../use-cases/cycles.js';
import type { Deps } from '../use-cases/deps.js';

export const CYCLES_USAGE = `  cycles list                  promotion cycles, their calibration dates and who aims at each
  cycles set <name> <date>     add a cycle or move its calibration date (YYYY-MM-DD, after today)
  cycles remove <name>         remove a cycle no profile aims at (not the latest one)`;

export interface CyclesCommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Opens the database (migrated, cycles rolled forward); called only once the arguments are good. */
  open: () => Promise<{ deps: Pick<Deps, 'repos' | 'clock'>; close: () => Promise<void> }>;
}

type Parsed = { action: 'list' } | { action: 'set'; name: string; date: string } | { action: 'remove'; name: string };

/** Returns the exit code: 0 done, 1 refused (one line on stderr), 2 usage error. */
export async function runCyclesCommand(args: string[], io: CyclesCommandIo): Promise<number> {
  const parsed = parse(args);
  if (typeof parsed === 'string') {
    io.stderr(`promo-coach: cycles: ${parsed}\n\nUsage:\n${CYCLES_USAGE}\n`);
    return 2;
  }
  const { deps, close } = await io.open();
  try {
    if (parsed.action === 'list') {
      io.stdout(formatList(await listCycles(deps)));
      return 0;
    }
    if (parsed.action === 'set') {
      const result = await setCycle(deps, parsed.name, parsed.date);
      return report(io, result, ({ cycle, created }) =>
        `${created ? 'Added' : 'Updated'} "${cycle.name}": calibration ${cycle.calibrationDate}.`,
      );
    }
    const result = await removeCycle(deps, parsed.name);
    return report(io, result, ({ removed, added }) =>
      [
        `Removed "${removed.name}" (calibration ${removed.calibrationDate}).`,
        ...added.map((c) => `Added "${c.name}" (calibration ${c.calibrationDate}), so that two cycles stay ahead.`),
      ].join('\n'),
    );
  } finally {
    await close();
  }
}

function report<T>(io: CyclesCommandIo, result: CycleResult<T>, done: (value: T) => string): number {
  if (result.ok) {
    io.stdout(`${done(result.value)}\n`);
    return 0;
  }
  io.stderr(`promo-coach: ${Object.values(result.errors).join(' ')}\n`);
  return 1;
}

/** The command, or what is wrong with the arguments. Names may be quoted or not: `set 2027 H1 2027-06-15`. */
function parse(args: string[]): Parsed | string {
  let positionals: string[];
  try {
    positionals = parseArgs({ args, options: {}, allowPositionals: true, strict: true }).positionals;
  } catch (error) {
    return (error as Error).message;
  }
  const [action, ...rest] = positionals;
  switch (action) {
    case 'list':
      return rest.length === 0 ? { action } : `unexpected argument "${rest[0]}"`;
    case 'set': {
      const date = rest.at(-1) ?? '';
      const name = rest.slice(0, -1).join(' ').trim();
      if (!name) return 'set needs a name and a calibration date, e.g. cycles set "2027 H1" 2027-06-15';
      if (!isCalendarDate(date)) return `"${date}" is not a calendar date; write it as YYYY-MM-DD, e.g. 2027-06-15`;
      return { action, name, date };
    }
    case 'remove': {
      const name = rest.join(' ').trim();
      return name ? { action, name } : 'remove needs the name of a cycle, e.g. cycles remove "2026 H1"';
    }
    case undefined:
      return 'say list, set or remove';
    default:
      return `unknown cycles command "${action}"`;
  }
}

function formatList(cycles: CycleOverview[]): string {
  if (cycles.length === 0) return 'No cycles yet.\n';
  const rows = [
    ['Cycle', 'Calibration', 'Status', 'Profiles'],
    ...cycles.map((c) => [c.name, c.calibrationDate, c.past ? 'past' : 'ahead', String(c.profiles)]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n') + '\n';
}
