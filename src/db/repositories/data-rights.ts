// Everything stored about one person, to hand over or to erase, and the retention sweep.
// The user's own rows hang off User with onDelete: Cascade; other people's rows that name
// them (as a manager, an actor, a message author) are cleared here, field by field.
import type { Db } from '../client.js';

/** What replaces the id of someone forgotten in another person's audit trail. */
export const FORGOTTEN_ACTOR = 'forgotten';

export interface SharedPost {
  channelId: string;
  ts: string;
}

/** What a deletion removed, per kind of record; `mentions` counts other people's fields cleared. */
export interface RemovedCounts {
  user: number;
  profile: number;
  wins: number;
  pendingWins: number;
  weekAnswers: number;
  prepDrafts: number;
  meetings: number;
  plans: number;
  checkIns: number;
  outcomes: number;
  deliveries: number;
  sharedChannels: number;
  mentions: number;
}

/** JSON columns may hold anything; these read win ids out of the shapes the flows write. */
function idsIn(value: unknown, key: 'winId' | 'winIds'): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const v = (item as Record<string, unknown> | null)?.[key];
    if (typeof v === 'string') return [v];
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  });
}

function stringIds(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
}

export function dataRightsRepository(db: Db) {
  return {
    /** Every row that belongs to the user, by table, as stored. */
    async exportUser(userId: string) {
      const [user, profile, wins, pendingWins, weekAnswers, prepDrafts, meetings, plans, checkIns, outcomes, deliveries, sharedChannels] =
        await Promise.all([
          db.user.findUnique({ where: { id: userId } }),
          db.profile.findUnique({ where: { userId } }),
          db.win.findMany({ where: { userId }, orderBy: { date: 'asc' } }),
          db.pendingWin.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } }),
          db.weekAnswer.findMany({ where: { userId }, orderBy: { week: 'asc' } }),
          db.prepDraft.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } }),
          db.meeting.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } }),
          db.plan.findMany({
            where: { userId },
            orderBy: { createdAt: 'asc' },
            include: { criteria: { orderBy: { position: 'asc' } }, changes: { orderBy: { createdAt: 'asc' } } },
          }),
          db.checkIn.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } }),
          db.cycleOutcome.findMany({ where: { userId }, orderBy: { recordedAt: 'asc' } }),
          db.delivery.findMany({ where: { userId }, orderBy: { claimedAt: 'asc' } }),
          db.sharedChannel.findMany({ where: { engineerId: userId } }),
        ]);
      // What the optional LLM cost on their behalf: task, tokens, month (no text is stored).
      const llmUsage = await db.llmUsage.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
      const namedAsManagerBy = await db.profile.count({ where: { managerId: userId } });
      return {
        user,
        profile,
        wins,
        pendingWins,
        weekAnswers,
        prepDrafts,
        meetings,
        plans,
        checkIns,
        outcomes,
        deliveries,
        sharedChannels,
        llmUsage,
        namedAsManagerBy,
      };
    },

    /** Messages in shared-plan channels that show the user's plan or check-ins. */
    async sharedPosts(userId: string): Promise<SharedPost[]> {
      const plans = await db.plan.findMany({
        where: { userId, sharedChannelId: { not: null } },
        select: { sharedChannelId: true, sharedMessageTs: true, checkIns: { select: { summaryTs: true } } },
      });
      return plans.flatMap((p) => {
        const channelId = p.sharedChannelId as string;
        const ts = [p.sharedMessageTs, ...p.checkIns.map((c) => c.summaryTs)].filter((t): t is string => !!t);
        return ts.map((t) => ({ channelId, ts: t }));
      });
    },

    /** Day-before reminders Slack holds for the user's meetings. */
    async scheduledReminders(userId: string): Promise<string[]> {
      const meetings = await db.meeting.findMany({ where: { userId, reminderMessageId: { not: null } }, select: { reminderMessageId: true } });
      return meetings.map((m) => m.reminderMessageId as string);
    },

    /**
     * Deletes the user and everything that is theirs, and clears their id from other
     * people's records, in one transaction: a crash leaves all of it or none of it.
     */
    async deleteUser(userId: string): Promise<RemovedCounts> {
      // What goes, counted from the same read an export makes, so the two never disagree.
      const own = await this.exportUser(userId);
      return db.$transaction(async (tx) => {
        // Everything of theirs hangs off User and goes with it (onDelete: Cascade).
        await tx.user.deleteMany({ where: { id: userId } });

        // Other engineers' records are theirs and stay; only this person's id leaves them.
        // A profile or plan that named them as manager now names no manager ("" is
        // "not chosen yet", which asks the engineer to pick one when they next share).
        let mentions = 0;
        mentions += (await tx.profile.updateMany({ where: { managerId: userId }, data: { managerId: '' } })).count;
        mentions += (await tx.plan.updateMany({ where: { managerId: userId }, data: { managerId: '' } })).count;
        mentions += (await tx.plan.updateMany({ where: { confirmedBy: userId }, data: { confirmedBy: FORGOTTEN_ACTOR } })).count;
        mentions += (await tx.planChange.updateMany({ where: { actorId: userId }, data: { actorId: FORGOTTEN_ACTOR } })).count;
        mentions += (await tx.checkIn.updateMany({ where: { acknowledgedBy: userId }, data: { acknowledgedBy: FORGOTTEN_ACTOR } })).count;
        mentions += (await tx.win.updateMany({ where: { authorId: userId }, data: { authorId: null } })).count;
        // The channel was the pair's: without the manager there is no pair to post to.
        mentions += (await tx.sharedChannel.deleteMany({ where: { managerId: userId } })).count;
        // A kept win saved from their message records them as its author, inside JSON.
        const pending = await tx.pendingWin.findMany({ select: { id: true, input: true } });
        for (const row of pending) {
          const input = row.input as Record<string, unknown> | null;
          if (input && typeof input === 'object' && input.authorId === userId) {
            await tx.pendingWin.update({ where: { id: row.id }, data: { input: { ...input, authorId: null } } });
            mentions += 1;
          }
        }
        return {
          user: own.user ? 1 : 0,
          profile: own.profile ? 1 : 0,
          wins: own.wins.length,
          pendingWins: own.pendingWins.length,
          weekAnswers: own.weekAnswers.length,
          prepDrafts: own.prepDrafts.length,
          meetings: own.meetings.length,
          plans: own.plans.length,
          checkIns: own.checkIns.length,
          outcomes: own.outcomes.length,
          deliveries: own.deliveries.length,
          sharedChannels: own.sharedChannels.length,
          mentions,
        };
      });
    },

    /** Wins dated before `cutoff` (YYYY-MM-DD), a page at a time by id (the cited ones stay, so pages move on by id). */
    async winsDatedBefore(cutoff: string, limit: number, afterId?: string): Promise<{ id: string; userId: string }[]> {
      return db.win.findMany({
        where: { date: { lt: cutoff }, ...(afterId ? { id: { gt: afterId } } : {}) },
        orderBy: { id: 'asc' },
        take: limit,
        select: { id: true, userId: true },
      });
    },

    /** Win ids a prep case, a plan criterion or a check-in answer of these users cites. */
    async citedWinIds(userIds: readonly string[]): Promise<Set<string>> {
      const users = [...new Set(userIds)];
      const [drafts, criteria, checkIns] = await Promise.all([
        db.prepDraft.findMany({ where: { userId: { in: users } }, select: { examples: true } }),
        db.planCriterion.findMany({ where: { plan: { userId: { in: users } } }, select: { evidence: true } }),
        db.checkIn.findMany({ where: { userId: { in: users } }, select: { answers: true } }),
      ]);
      return new Set([
        ...drafts.flatMap((d) => idsIn(d.examples, 'winId')),
        ...criteria.flatMap((c) => stringIds(c.evidence)),
        ...checkIns.flatMap((c) => idsIn(c.answers, 'winIds')),
      ]);
    },

    async deleteWins(ids: readonly string[]): Promise<number> {
      if (ids.length === 0) return 0;
      return (await db.win.deleteMany({ where: { id: { in: [...ids] } } })).count;
    },

    /** Wins kept for someone who never onboarded, older than `before`. */
    async deletePendingWinsBefore(before: Date): Promise<number> {
      return (await db.pendingWin.deleteMany({ where: { createdAt: { lt: before } } })).count;
    },
  };
}

export type DataRightsRepository = ReturnType<typeof dataRightsRepository>;
