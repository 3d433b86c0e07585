// `npm run bench [-- --quick] [--only sqlite|postgres] [--users 1000,10000] [--repeats N] [--concurrency N] [--profile]`
// Runs the project's benchmarks, prints a table and writes bench/results.json (each
// section under its own key, so sections measured separately keep each other's figures).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { DEFAULT_CONCURRENCY } from '../src/delivery/engine.js';
import type { DatabaseKind } from '../test/support/databases.js';
import { fanOutTable, runFanOutBench, type FanOutOptions } from './fan-out.js';

const RESULTS = 'bench/results.json';

export function parseBenchArgs(argv: string[]): FanOutOptions & { quick: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      users: { type: 'string' },
      repeats: { type: 'string' },
      concurrency: { type: 'string' },
      profile: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const whole = (name: string, text: string | undefined, fallback: number) => {
    const n = Number(text ?? fallback);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number, got ${text}`);
    return n;
  };
  const only = values.only as DatabaseKind | undefined;
  if (only && only !== 'sqlite' && only !== 'postgres') throw new Error('--only must be sqlite or postgres');
  // --quick (under a minute): 500 and 2,000 users, once. The full run: 1,000 and 10,000, median of three.
  const sizes = (values.users ?? (values.quick ? '500,2000' : '1000,10000')).split(',').map((n) => whole('users', n, 0));
  return {
    quick: values.quick ?? false,
    sizes,
    kinds: only ? [only] : ['sqlite', 'postgres'],
    repeats: whole('repeats', values.repeats, values.quick ? 1 : 3),
    concurrency: whole('concurrency', values.concurrency, DEFAULT_CONCURRENCY),
    profile: values.profile ?? false,
  };
}

const options = parseBenchArgs(process.argv.slice(2));
const started = performance.now();
const fanOut = await runFanOutBench(options, (line) => console.log(line));
console.log(fanOutTable(fanOut));

const previous = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>) : {};
const results = {
  ...previous,
  fanOut: {
    measuredAt: new Date().toISOString(),
    quick: options.quick,
    machine: { cpus: os.cpus().length, node: process.version, platform: process.platform },
    ...fanOut,
  },
};
writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
console.log(`wrote ${RESULTS} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
process.exitCode = fanOut.runs.every((r) => r.problems.length === 0) ? 0 : 1;
