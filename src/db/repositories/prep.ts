// `/promo prep` drafts and the career conversations they end in. A draft is saved at
// every step, so a closed modal, a Slack error or a restart loses nothing; a user has
// at most one open draft, and every read or write is scoped to its author.
import type { Db } from '../client.js';

/** One example of the case: a win, the next-level criterion it shows, and the behavior in the user's words. */
export interface PrepExample {
  winId: string;
  /** The win's text when it was picked (the win may be edited later; the case keeps what was argued). */
  text: string;
  date: string;
  criterionId: string | null;
  behavior: string;
}

export interface PrepDraftRecord {
  id: string;
  userId: string;
  status: 'draft' | 'done';
  step: string;
  targetCycle: string | null;
  opening: string | null;
  examples: PrepExample[];
  gap: string | null;
  stretchProject: string | null;
  cadenceMonths: number;
  askComp: boolean;
  updatedAt: Date;
}

export type PrepDraftChanges = Partial<
  Pick<PrepDraftRecord, 'step' | 'targetCycle' | 'opening' | 'examples' | 'gap' | 'stretchProject' | 'cadenceMonths' | 'askComp'>
>;

export interface MeetingRecord {
  id: string;
  userId: string;
  prepDraftId: string | null;
  title: string;
  scheduledAt: Date | null;
  durationMinutes: number;
  onePager: string;
  reminderMessageId: string | null;
  managerSaid: string | null;
  createdAt: Date;
}

/** A win as the case picker offers it. */
export interface PrepWinRecord {
  id: string;
  text: string;
  date: string;
  link: string | null;
  crossTeam: boolean;
  enabledOthers: boolean;
  criteria: string[];
}

/** A meeting whose follow-up may be due, with what the delivery engine needs about its author. */
export interface FollowUpRow {
  meetingId: string;
  userId: string;
  scheduledAt: Date;
  tz: string | null;
  dmChannelId: string | null;
  /** Answered already (the follow-up, or the hedge flow): nothing to ask. */
  managerSaid: string | null;
}

const draftFields = {
  id: true,
  userId: true,
  status: true,
  step: true,
  targetCycle: true,
  opening: true,
  examples: true,
  gap: true,
  stretchProject: true,
  cadenceMonths: true,
  askComp: true,
  updatedAt: true,
} as const;

const meetingFields = {
  id: true,
  userId: true,
  prepDraftId: true,
  title: true,
  scheduledAt: true,
  durationMinutes: true,
  onePager: true,
  reminderMessageId: true,
  managerSaid: true,
  createdAt: true,
} as const;

const EMPTY_DRAFT = {
  step: 'timing',
  opening: null,
  examples: [],
  gap: null,
  stretchProject: null,
  cadenceMonths: 1,
  askComp: false,
} as const;

// The Json column is `unknown` to Prisma; a row that is not a list of examples (hand-edited,
// an older shape) reads as an empty case instead of breaking the modal.
function parseExamples(value: unknown): PrepExample[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    const e = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    if (typeof e.winId !== 'string' || typeof e.text !== 'string') return [];
    return [
      {
        winId: e.winId,
        text: e.text,
        date: typeof e.date === 'string' ? e.date : '',
        criterionId: typeof e.criterionId === 'string' ? e.criterionId : null,
        behavior: typeof e.behavior === 'string' ? e.behavior : '',
      },
    ];
  });
}

// Prisma's Json input wants an index signature, which an interface does not declare.
function toJsonRows(examples: PrepExample[]): Record<string, string | null>[] {
  return examples.map((e) => ({ winId: e.winId, text: e.text, date: e.date, criterionId: e.criterionId, behavior: e.behavior }));
}

type DraftRow = Omit<PrepDraftRecord, 'examples' | 'status'> & { examples: unknown; status: string };

function toDraft(row: DraftRow): PrepDraftRecord {
  return { ...row, status: row.status === 'done' ? 'done' : 'draft', examples: parseExamples(row.examples) };
}

export function prepRepository(db: Db) {
  return {
    /** The user's open draft, if any. */
    async openDraft(userId: string): Promise<PrepDraftRecord | null> {
      const row = await db.prepDraft.findFirst({ where: { userId, status: 'draft' }, orderBy: { createdAt: 'desc' }, select: draftFields });
      return row ? toDraft(row) : null;
    },

    /**
     * The open draft, or a new one. One per user, even when two `/promo prep` arrive at
     * once on two replicas: the transaction first writes the user's row, which holds its
     * lock (PostgreSQL's row lock, SQLite's single writer) until the commit, so the second
     * transaction sees the first one's draft instead of creating another.
     */
    async openOrCreateDraft(userId: string, targetCycle: string, now: Date): Promise<{ draft: PrepDraftRecord; created: boolean }> {
      return db.$transaction(async (tx) => {
        const locked = await tx.$executeRaw`UPDATE "User" SET "updatedAt" = ${now} WHERE "id" = ${userId}`;
        if (locked === 0) await tx.user.create({ data: { id: userId } });
        const existing = await tx.prepDraft.findFirst({ where: { userId, status: 'draft' }, orderBy: { createdAt: 'desc' }, select: draftFields });
        if (existing) return { draft: toDraft(existing), created: false };
        const row = await tx.prepDraft.create({ data: { userId, targetCycle, ...EMPTY_DRAFT }, select: draftFields });
        return { draft: toDraft(row), created: true };
      });
    },

    /** The draft, only if it is this user's: someone else's id reads as "not found". */
    async findOwnedDraft(userId: string, id: string): Promise<PrepDraftRecord | null> {
      const row = await db.prepDraft.findFirst({ where: { id, userId }, select: draftFields });
      return row ? toDraft(row) : null;
    },

    /** Saves an open draft of this user's; false when there is none by that id. */
    async saveDraft(userId: string, id: string, changes: PrepDraftChanges): Promise<boolean> {
      const { examples, ...rest } = changes;
      const data = examples ? { ...rest, examples: toJsonRows(examples) } : rest;
      const { count } = await db.prepDraft.updateMany({ where: { id, userId, status: 'draft' }, data });
      return count > 0;
    },

    /** "Start over": the same draft, emptied, on the first step. */
    async resetDraft(userId: string, id: string, targetCycle: string): Promise<boolean> {
      const { count } = await db.prepDraft.updateMany({ where: { id, userId, status: 'draft' }, data: { ...EMPTY_DRAFT, targetCycle } });
      return count > 0;
    },

    /**
     * Closes the draft and records the meeting it prepares, together: a double click on
     * "Make my one-pager" finds the draft closed and creates nothing.
     */
    async completeDraft(
      userId: string,
      id: string,
      meeting: Pick<MeetingRecord, 'title' | 'durationMinutes' | 'onePager'>,
    ): Promise<MeetingRecord | null> {
      return db.$transaction(async (tx) => {
        const { count } = await tx.prepDraft.updateMany({ where: { id, userId, status: 'draft' }, data: { status: 'done', step: 'done' } });
        if (count === 0) return null;
        return tx.meeting.create({ data: { userId, prepDraftId: id, ...meeting }, select: meetingFields });
      });
    },

    async findOwnedMeeting(userId: string, id: string): Promise<MeetingRecord | null> {
      return db.meeting.findFirst({ where: { id, userId }, select: meetingFields });
    },

    async updateMeeting(
      userId: string,
      id: string,
      changes: Partial<Pick<MeetingRecord, 'scheduledAt' | 'reminderMessageId' | 'managerSaid'>>,
    ): Promise<boolean> {
      const { count } = await db.meeting.updateMany({ where: { id, userId }, data: changes });
      return count > 0;
    },

    /** The user's next scheduled conversation at or after `from`. */
    async nextMeeting(userId: string, from: Date): Promise<MeetingRecord | null> {
      return db.meeting.findFirst({ where: { userId, scheduledAt: { gte: from } }, orderBy: { scheduledAt: 'asc' }, select: meetingFields });
    },

    /** The latest one-pager made, scheduled or not. */
    async latestMeeting(userId: string): Promise<MeetingRecord | null> {
      return db.meeting.findFirst({ where: { userId }, orderBy: { createdAt: 'desc' }, select: meetingFields });
    },

    /** Wins dated on or after `from`, newest first: what the case picker offers. */
    async winsSince(userId: string, from: string): Promise<PrepWinRecord[]> {
      const rows = await db.win.findMany({
        where: { userId, date: { gte: from } },
        orderBy: [{ date: 'desc' }, { createdAt: 'desc' }],
        select: { id: true, text: true, date: true, link: true, crossTeam: true, enabledOthers: true, criteria: true },
      });
      return rows.map((row) => ({ ...row, criteria: Array.isArray(row.criteria) ? row.criteria.filter((c): c is string => typeof c === 'string') : [] }));
    },

    async countWinsSince(userId: string, from: string): Promise<number> {
      return db.win.count({ where: { userId, date: { gte: from } } });
    },

    /**
     * Meetings held in [from, to), in (scheduledAt, id) order after the cursor: the
     * follow-up job walks them a page at a time.
     */
    async meetingsHeldBetween(from: Date, to: Date, after: { scheduledAt: Date; meetingId: string } | undefined, limit: number): Promise<FollowUpRow[]> {
      const rows = await db.meeting.findMany({
        where: {
          scheduledAt: { gte: from, lt: to },
          ...(after
            ? { OR: [{ scheduledAt: { gt: after.scheduledAt } }, { scheduledAt: after.scheduledAt, id: { gt: after.meetingId } }] }
            : {}),
        },
        orderBy: [{ scheduledAt: 'asc' }, { id: 'asc' }],
        take: limit,
        select: { id: true, userId: true, scheduledAt: true, managerSaid: true, user: { select: { tz: true, dmChannelId: true } } },
      });
      return rows.map((row) => ({
        meetingId: row.id,
        userId: row.userId,
        scheduledAt: row.scheduledAt as Date,
        tz: row.user.tz,
        dmChannelId: row.user.dmChannelId,
        managerSaid: row.managerSaid,
      }));
    },
  };
}

export type PrepRepository = ReturnType<typeof prepRepository>;
