import { empty, raw, sqltag as sql } from '@prisma/client/runtime/client';
import type { Db } from '../client.js';
import { dialectOf, instantParam, jsonRows } from '../dialect.js';

/** A user whose weekly nudge (or snooze re-nudge) is due: what the tick needs, in one row. */
export interface DueNudge {
  userId: string;
  /** The slot that is due: Profile.nextNudgeAt, or Profile.snoozedNudgeAt for a re-nudge. */
  dueAt: Date;
  nudgeDay: number;
  nudgeMinute: number;
  nudgesPausedUntil: string | null;
  tz: string | null;
  /** The cached DM channel, so sending needs no extra lookup per user. */
  dmChannelId: string | null;
  /** For a re-nudge: the week the snoozed nudge asked about (null for a snooze from before it was kept). */
  snoozedWeek: string | null;
  /** The target cycle's calibration date, "YYYY-MM-DD"; null when that cycle is gone. */
  calibrationDate: string | null;
}

/** Moves a user's weekly slot on, only if it is still the slot that was handled. */
export interface WeeklyAdvance {
  userId: string;
  from: Date;
  to: Date;
  /** The pause is over: drop it, so nothing shows or keeps it any more. */
  clearPause: boolean;
}

/** Where the last page ended: pages are walked by (due instant, user id), never by offset. */
export interface DueCursor {
  dueAt: Date;
  userId: string;
}

export interface NudgeState {
  nudgeDay: number;
  nudgeMinute: number;
  nudgesPausedUntil: string | null;
  nextNudgeAt: Date | null;
  snoozedNudgeAt: Date | null;
  snoozedWeek: string | null;
  tz: string | null;
}

/** Which kinds of nudge have anyone due: the tick's first and, most of the time, only query. */
export interface DueKinds {
  weekly: boolean;
  snooze: boolean;
}

interface DueRow {
  userId: string;
  dueAt: Date;
  nudgeDay: number | bigint;
  nudgeMinute: number | bigint;
  nudgesPausedUntil: string | null;
  snoozedWeek: string | null;
  tz: string | null;
  dmChannelId: string | null;
  calibrationDate: string | null;
}

// The tick's statements are raw SQL that SQLite and PostgreSQL both read the same way:
// one statement per page where Prisma would issue one per user (or two per page for a join).
export function nudgesRepository(db: Db) {
  const dialect = dialectOf(db);
  // Keyset pagination on the (slot, userId) indexes: each page is one range scan, and a
  // tick over any number of users holds one page in memory at a time.
  async function duePage(column: 'nextNudgeAt' | 'snoozedNudgeAt', now: Date, after: DueCursor | undefined, limit: number): Promise<DueNudge[]> {
    const slot = raw(`p."${column}"`);
    const keyset = after ? sql`AND (${slot} > ${after.dueAt} OR (${slot} = ${after.dueAt} AND p."userId" > ${after.userId}))` : empty;
    const rows = await db.$queryRaw<DueRow[]>`
      SELECT p."userId", ${slot} AS "dueAt", p."nudgeDay", p."nudgeMinute", p."nudgesPausedUntil", p."snoozedWeek",
             u."tz", u."dmChannelId", c."calibrationDate"
      FROM "Profile" p
      JOIN "User" u ON u."id" = p."userId"
      LEFT JOIN "Cycle" c ON c."name" = p."targetCycle"
      WHERE ${slot} <= ${now} ${keyset}
      ORDER BY ${slot}, p."userId"
      LIMIT ${limit}`;
    return rows.map((row) => ({ ...row, dueAt: new Date(row.dueAt), nudgeDay: Number(row.nudgeDay), nudgeMinute: Number(row.nudgeMinute) }));
  }

  return {
    async dueKinds(now: Date): Promise<DueKinds> {
      const [row] = await db.$queryRaw<{ weekly: unknown; snooze: unknown }[]>`
        SELECT EXISTS (SELECT 1 FROM "Profile" WHERE "nextNudgeAt" <= ${now}) AS "weekly",
               EXISTS (SELECT 1 FROM "Profile" WHERE "snoozedNudgeAt" <= ${now}) AS "snooze"`;
      // PostgreSQL answers booleans, SQLite 0 or 1.
      return { weekly: Boolean(Number(row?.weekly)), snooze: Boolean(Number(row?.snooze)) };
    },

    /** One page of users whose weekly nudge is due at `now`, oldest slot first. */
    async dueWeeklyPage(now: Date, after: DueCursor | undefined, limit: number): Promise<DueNudge[]> {
      return duePage('nextNudgeAt', now, after, limit);
    },

    /** One page of users whose "Snooze to Monday" re-nudge is due at `now`. */
    async dueSnoozePage(now: Date, after: DueCursor | undefined, limit: number): Promise<DueNudge[]> {
      return duePage('snoozedNudgeAt', now, after, limit);
    },

    /**
     * Moves a page of weekly slots on in one statement, each only if it is still the slot
     * we handled: a settings change made meanwhile wins, and replicas moving the same slot agree.
     */
    async advanceWeekly(advances: WeeklyAdvance[]): Promise<void> {
      if (advances.length === 0) return;
      const page = jsonRows(dialect, advances.map(({ userId, from, to, clearPause }) => [userId, from, to, clearPause ? '1' : '0']));
      await db.$executeRaw`
        UPDATE "Profile"
        SET "nextNudgeAt" = ${page.instant(2)},
            "nudgesPausedUntil" = CASE WHEN ${page.text(3)} = '1' THEN NULL ELSE "Profile"."nudgesPausedUntil" END,
            "updatedAt" = ${instantParam(dialect, new Date())}
        FROM ${page.from}
        WHERE "Profile"."userId" = ${page.text(0)} AND "Profile"."nextNudgeAt" = ${page.instant(1)}`;
    },

    /** Clears a page of handled re-nudges in one statement, each only if it is still the one we handled. */
    async clearSnoozes(handled: { userId: string; from: Date }[]): Promise<void> {
      if (handled.length === 0) return;
      const page = jsonRows(dialect, handled.map(({ userId, from }) => [userId, from]));
      await db.$executeRaw`
        UPDATE "Profile"
        SET "snoozedNudgeAt" = NULL, "snoozedWeek" = NULL, "updatedAt" = ${instantParam(dialect, new Date())}
        FROM ${page.from}
        WHERE "Profile"."userId" = ${page.text(0)} AND "Profile"."snoozedNudgeAt" = ${page.instant(1)}`;
    },

    async state(userId: string): Promise<NudgeState | null> {
      const row = await db.profile.findUnique({
        where: { userId },
        select: {
          nudgeDay: true,
          nudgeMinute: true,
          nudgesPausedUntil: true,
          nextNudgeAt: true,
          snoozedNudgeAt: true,
          snoozedWeek: true,
          user: { select: { tz: true, dmChannelId: true } },
        },
      });
      if (!row) return null;
      const { user, ...rest } = row;
      return { ...rest, tz: user.tz };
    },

    /** One re-nudge at `at`, about `week`; a later snooze replaces it. */
    async snooze(userId: string, at: Date, week: string): Promise<void> {
      await db.profile.update({ where: { userId }, data: { snoozedNudgeAt: at, snoozedWeek: week } });
    },

    /** Saves day, time and pause together, with the slot they imply. A pause drops any pending re-nudge. */
    async saveSchedule(
      userId: string,
      schedule: { nudgeDay: number; nudgeMinute: number; nudgesPausedUntil: string | null; nextNudgeAt: Date },
    ): Promise<void> {
      await db.profile.update({
        where: { userId },
        data: { ...schedule, ...(schedule.nudgesPausedUntil ? { snoozedNudgeAt: null, snoozedWeek: null } : {}) },
      });
    },

    /**
     * Records "nothing this week". A week already answered with wins stays that way:
     * the stronger answer is the one the streak should remember.
     */
    async answerNothing(userId: string, week: string): Promise<void> {
      await db.weekAnswer.upsert({
        where: { userId_week: { userId, week } },
        create: { userId, week, answer: 'nothing' },
        update: {},
      });
    },

    /** Which of these (user, week) pairs are answered, as "userId week" strings. */
    async answeredWeeks(pairs: { userId: string; week: string }[]): Promise<Set<string>> {
      if (pairs.length === 0) return new Set();
      const rows = await db.weekAnswer.findMany({ where: { OR: pairs }, select: { userId: true, week: true } });
      return new Set(rows.map((row) => `${row.userId} ${row.week}`));
    },

    async weekAnswer(userId: string, week: string): Promise<'wins' | 'nothing' | null> {
      const row = await db.weekAnswer.findUnique({ where: { userId_week: { userId, week } }, select: { answer: true } });
      if (!row) return null;
      return row.answer === 'wins' ? 'wins' : 'nothing';
    },
  };
}

export type NudgesRepository = ReturnType<typeof nudgesRepository>;
