// Shared by the reliability suites: a snapshot of every table (so "changes nothing" is
// checked everywhere, not only where a test thinks to look) and a way to let the work an
// app does after its ack finish.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Prisma } from '../../src/db/generated/sqlite/client.js';
import { TSX_LOADER } from '../db/migration-fixtures.js';
import type { TestApp } from '../support/app-harness.js';
import { captureProcess } from './log-scan.js';

type Db = TestApp['coach']['database']['prisma'];

/** Tables whose rows are bookkeeping, not state a user could change: the event ids seen. */
const BOOKKEEPING = new Set<string>(['ProcessedEvent']);

/**
 * Columns that are bookkeeping: Prisma's write clock (writing the same values again moves
 * it and nothing else) and the hash of the Home tab last published (any refresh moves it).
 */
const BOOKKEEPING_COLUMNS = new Set<string>(['updatedAt', 'homeHash']);

/**
 * Every table's rows, as JSON, named from the Prisma models so a new table is covered too.
 * Bookkeeping columns are left out unless asked for.
 */
export async function snapshot(app: TestApp, options: { bookkeeping?: boolean } = {}): Promise<Record<string, string>> {
  const db: Db = app.coach.database.prisma;
  const tables = Object.values(Prisma.ModelName).filter((t) => options.bookkeeping || !BOOKKEEPING.has(t));
  const out: Record<string, string> = {};
  for (const table of tables) {
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table}"`);
    const text = rows
      .map((r) => JSON.stringify(r, (k, v: unknown) => (BOOKKEEPING_COLUMNS.has(k) && !options.bookkeeping ? undefined : typeof v === 'bigint' ? String(v) : v)))
      .sort();
    out[table] = text.join('\n');
  }
  return out;
}

/** Row counts per table, for assertions that read well when they fail. */
export async function counts(app: TestApp): Promise<Record<string, number>> {
  const snap = await snapshot(app, { bookkeeping: true });
  return Object.fromEntries(Object.entries(snap).map(([t, rows]) => [t, rows === '' ? 0 : rows.split('\n').length]));
}

/** Slack Web API calls the app made since `from` (an index into fake.calls), by method. */
export function callsSince(app: TestApp, from: number): string[] {
  return app.fake.calls.slice(from).map((c) => c.method);
}

/**
 * Waits until the work the app does after its ack (and any retries of its Slack calls) is
 * done, so a test can assert that something did not happen without guessing a delay.
 */
export async function settle(app: TestApp): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 10));
  await app.coach.idle();
}

/** What changed between two snapshots, per table: rows that went and rows that came. Empty when nothing did. */
export function diff(before: Record<string, string>, after: Record<string, string>): Record<string, { gone: string[]; came: string[] }> {
  const out: Record<string, { gone: string[]; came: string[] }> = {};
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = new Set((before[table] ?? '').split('\n').filter(Boolean));
    const b = new Set((after[table] ?? '').split('\n').filter(Boolean));
    const gone = [...a].filter((r) => !b.has(r));
    const came = [...b].filter((r) => !a.has(r));
    if (gone.length || came.length) out[table] = { gone, came };
  }
  return out;
}

export interface Child {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

/**
 * Runs TypeScript `code` from the repository (as ESM, through tsx) in a child process with
 * a clean environment plus `env`, the way an operator's shell would start it. Remember to
 * kill it: `stop` is pushed onto `cleanups`. Its output is scanned with the test's logs.
 */
export function spawnTs(code: string, args: string[], env: Record<string, string>, cleanups: (() => Promise<void>)[]): Child {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, '--input-type=module', '-e', code, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DOTENV_CONFIG_PATH: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  captureProcess(`child ${args.join(' ') || 'process'}`, () => output, env);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  return { child, exited, output: () => output };
}

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** `promo-coach <args>` from source (bin/promo-coach.js runs the same runCli from dist/). */
export const CLI_ENTRY = `
const { runCli } = await import(${JSON.stringify(path.join(ROOT, 'src', 'cli.ts'))});
process.exitCode = await runCli(process.argv.slice(1), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readStdin: async () => '',
  env: process.env,
});`;

/** `npm start` from source: src/main.ts. */
export const MAIN_ENTRY = `await import(${JSON.stringify(path.join(ROOT, 'src', 'main.ts'))});`;
