// Shared by the reliability suites: a snapshot of every table (so "changes nothing" is
// checked everywhere, not only where a test thinks to look) and a way to let the work an
// app does after its ack finish.
import { Prisma } from '../../src/db/generated/sqlite/client.js';
import type { TestApp } from '../support/app-harness.js';

type Db = TestApp['coach']['database']['prisma'];

/** Tables whose rows are bookkeeping, not state a user could change: the event ids seen. */
const BOOKKEEPING = new Set<string>(['ProcessedEvent']);

/**
 * Every table's rows, as JSON, named from the Prisma models so a new table is covered too.
 * `updatedAt` (Prisma's write clock) is left out unless asked for: writing the same values
 * again moves it and nothing else.
 */
export async function snapshot(app: TestApp, options: { bookkeeping?: boolean } = {}): Promise<Record<string, string>> {
  const db: Db = app.coach.database.prisma;
  const tables = Object.values(Prisma.ModelName).filter((t) => options.bookkeeping || !BOOKKEEPING.has(t));
  const out: Record<string, string> = {};
  for (const table of tables) {
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table}"`);
    const text = rows
      .map((r) => JSON.stringify(r, (k, v: unknown) => (k === 'updatedAt' && !options.bookkeeping ? undefined : typeof v === 'bigint' ? String(v) : v)))
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

/** Lets work the app does after its ack finish before asserting that something did not happen. */
export const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

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
