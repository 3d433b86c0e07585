// The database is handed out in turns (src/db/taking-turns.ts): what a request needs
// before its ack goes first, a chain of queries leaves room for the event loop, and
// nothing runs inside someone else's transaction.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/index.js';
import { awaitingAnswer } from '../../src/db/taking-turns.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';

const kinds = await databaseKinds();
const open: { db: Database; test: TestDatabase }[] = [];

async function fresh(kind: (typeof kinds)[number]): Promise<Database> {
  const test = await createTestDatabase(kind);
  const db = await openDatabase(test.url);
  open.push({ db, test });
  await db.prisma.$executeRawUnsafe('CREATE TABLE "Note" ("text" TEXT NOT NULL)');
  return db;
}

afterEach(async () => {
  for (const { db, test } of open.splice(0)) {
    await db.close();
    await test.drop();
  }
});

const notes = async (db: Database) =>
  (await db.prisma.$queryRawUnsafe<{ text: string }[]>('SELECT "text" FROM "Note" ORDER BY "text"')).map((r) => r.text);
const insert = (db: Database, text: string) => db.prisma.$executeRaw`INSERT INTO "Note" ("text") VALUES (${text})`;

/** Inserts `text` as a request before (or after) its ack would, and notes `label` when done. */
const queued = (db: Database, answered: boolean, text: string, finished: string[], label: string) =>
  awaitingAnswer.run({ answered }, () => insert(db, text).then(() => finished.push(label)));

describe.each(kinds)('queries taking turns (%s)', (kind) => {
  it('when a write starts while another request’s transaction is open and that transaction rolls back, then the write is kept', async () => {
    const db = await fresh(kind);
    let outside: Promise<unknown> = Promise.resolve();
    const rolledBack = db.prisma
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`INSERT INTO "Note" ("text") VALUES ('inside')`);
        // Someone else writes while this transaction waits on something (then() starts a Prisma query).
        outside = insert(db, 'outside').then(() => undefined);
        await sleep(50);
        throw new Error('changed my mind');
      })
      .catch((error: unknown) => (error as Error).message);
    expect(await rolledBack).toBe('changed my mind');
    await outside;
    expect(await notes(db)).toEqual(['outside']);
  });

  it('when requests still waiting for their ack query behind a queue of other work, then theirs run first', async () => {
    const db = await fresh(kind);
    const finished: string[] = [];
    const later = Array.from({ length: 20 }, (_, i) => queued(db, true, `later ${i}`, finished, 'later'));
    const urgent = queued(db, false, 'urgent', finished, 'urgent');
    await Promise.all([...later, urgent]);
    // At most the queries already started (one per connection) finish before it.
    expect(finished.indexOf('urgent')).toBeLessThanOrEqual(kind === 'sqlite' ? 1 : 10);
    expect(await notes(db)).toHaveLength(21);
  });

  it('when urgent queries keep coming, then the work after the acks still gets its turns', async () => {
    const db = await fresh(kind);
    // Every connection of the pool open first, so none of the measured queries waits on a connect.
    await Promise.all(Array.from({ length: 10 }, () => notes(db)));
    const finished: string[] = [];
    const urgent = Array.from({ length: 40 }, (_, i) => queued(db, false, `urgent ${i}`, finished, 'urgent'));
    const waiting = queued(db, true, 'after an ack', finished, 'waiting');
    await Promise.all([...urgent, waiting]);
    // It starts among the first four; PostgreSQL runs ten at once and finishes them in any
    // order. Left to wait behind every urgent query it would start 41st and finish past 30.
    expect(finished.indexOf('waiting')).toBeLessThan(25);
  });
});

describe('SQLite queries taking turns', () => {
  it.each([
    ['after its ack', true],
    ['before its ack', false],
  ])('when one request runs a long chain of queries %s, then the event loop still gets turns in between (a waiting socket is read)', async (_, answered) => {
    const db = await fresh('sqlite');
    let chainDone = false;
    let turnsSeen = 0;
    const chain = awaitingAnswer.run({ answered }, async () => {
      for (let i = 0; i < 50; i++) await insert(db, `chain ${String(i).padStart(2, '0')}`);
      chainDone = true;
    });
    // A timer stands in for a request waiting on the socket: it fires while the chain runs.
    const ticker = (async () => {
      while (!chainDone) {
        await sleep(0);
        if (!chainDone) turnsSeen++;
      }
    })();
    await Promise.all([chain, ticker]);
    expect(turnsSeen).toBeGreaterThan(0);
    expect(await notes(db)).toHaveLength(50);
  });
});
