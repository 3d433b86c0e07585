import type { Db } from '../client.js';

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

const dueFields = {
  userId: true,
  nudgeDay: true,
  nudgeMinute: true,
  nudgesPausedUntil: true,
  snoozedWeek: true,
  user: { select: { tz: true, dmChannelId: true } },
} as const;

export function nudgesRepository(db: Db) {
  // Keyset pagination on the (slot, userId) indexes: each page is one range scan, and a
  // tick over any number of users holds one page in memory at a time.
  function keysetAfter(column: 'nextNudgeAt' | 'snoozedNudgeAt', after: DueCursor | undefined) {
    if (!after) return {};
    return {
      OR: [{ [column]: { gt: after.dueAt } }, { [column]: after.dueAt, userId: { gt: after.userId } }],
    };
  }

  return {
    /** One page of users whose weekly nudge is due at `now`, oldest slot first. */
    async dueWeeklyPage(now: Date, after: DueCursor | undefined, limit: number): Promise<DueNudge[]> {
      const rows = await db.profile.findMany({
        where: { nextNudgeAt: { lte: now }, ...keysetAfter('nextNudgeAt', after) },
        orderBy: [{ nextNudgeAt: 'asc' }, { userId: 'asc' }],
        take: limit,
        select: { ...dueFields, nextNudgeAt: true },
      });
      return rows.map(({ user, nextNudgeAt, ...row }) => ({ ...row, dueAt: nextNudgeAt as Date, ...user }));
    },

    /** One page of users whose "Snooze to Monday" re-nudge is due at `now`. */
    async dueSnoozePage(now: Date, after: DueCursor | undefined, limit: number): Promise<DueNudge[]> {
      const rows = await db.profile.findMany({
        where: { snoozedNudgeAt: { lte: now }, ...keysetAfter('snoozedNudgeAt', after) },
        orderBy: [{ snoozedNudgeAt: 'asc' }, { userId: 'asc' }],
        take: limit,
        select: { ...dueFields, snoozedNudgeAt: true },
      });
      return rows.map(({ user, snoozedNudgeAt, ...row }) => ({ ...row, dueAt: snoozedNudgeAt as Date, ...user }));
    },

    /**
     * Moves weekly slots on, each only if it is still the one we handled: a settings change
     * made meanwhile wins, and replicas advancing the same slot agree.
     */
    async advanceWeekly(advances: WeeklyAdvance[]): Promise<void> {
      await Promise.all(
        advances.map(({ userId, from, to, clearPause }) =>
          db.profile.updateMany({
            where: { userId, nextNudgeAt: from },
            data: { nextNudgeAt: to, ...(clearPause ? { nudgesPausedUntil: null } : {}) },
          }),
        ),
      );
    },

    /** Clears handled re-nudges, each only if it is still the one we handled. */
    async clearSnoozes(handled: { userId: string; from: Date }[]): Promise<void> {
      await Promise.all(
        handled.map(({ userId, from }) =>
          db.profile.updateMany({ where: { userId, snoozedNudgeAt: from }, data: { snoozedNudgeAt: null, snoozedWeek: null } }),
        ),
      );
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
