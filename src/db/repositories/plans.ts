// Plans after the career conversation: the manager's answer (on the Meeting row), the
// plan with its criteria and history, the shared conversation per engineer–manager pair,
// check-ins and calibration outcomes. Plain objects out; every owner check is a `where`.
import type { Db } from '../client.js';
import { isUniqueViolation } from '../errors.js';

export type PlanStatus = 'draft' | 'active' | 'awaiting_outcome' | 'closed';
export type CriterionStatus = 'not_started' | 'in_progress' | 'done';
export const CRITERION_STATUSES: readonly CriterionStatus[] = ['not_started', 'in_progress', 'done'];

export interface CriterionRecord {
  id: string;
  position: number;
  text: string;
  dueDate: string | null;
  status: CriterionStatus;
  /** Win ids linked as evidence. */
  evidence: string[];
}

export interface PlanRecord {
  id: string;
  userId: string;
  meetingId: string | null;
  managerId: string;
  status: PlanStatus;
  calibrationDate: string;
  cadenceMonths: number;
  sharedChannelId: string | null;
  sharedMessageTs: string | null;
  confirmedAt: Date | null;
  confirmedBy: string | null;
  nextCheckInAt: Date | null;
  createdAt: Date;
  criteria: CriterionRecord[];
}

export interface CriterionInput {
  text: string;
  dueDate: string | null;
}

export interface PlanChangeRecord {
  actorId: string;
  kind: string;
  detail: unknown;
  createdAt: Date;
}

export interface CheckInRecord {
  id: string;
  planId: string;
  userId: string;
  period: string;
  status: 'sent' | 'answered' | 'acknowledged';
  answers: CheckInAnswer[];
  note: string | null;
  summaryTs: string | null;
  acknowledgedBy: string | null;
  remindedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CheckInAnswer {
  criterionId: string;
  status: CriterionStatus;
  winIds: string[];
}

export interface SharedChannelRecord {
  channelId: string;
  kind: 'private_channel' | 'group_dm';
}

export interface OutcomeRecord {
  cycleName: string;
  promoted: boolean;
  planCriteriaDone: boolean;
  reason: string | null;
  recordedAt: Date;
}

/** A plan whose check-in (or outcome question) is due, with what sending needs. */
export interface DuePlan {
  id: string;
  userId: string;
  dueAt: Date;
  calibrationDate: string;
  cadenceMonths: number;
  createdAt: Date;
  tz: string | null;
  dmChannelId: string | null;
  nudgeMinute: number;
}

export interface DueReask {
  id: string;
  planId: string;
  userId: string;
  period: string;
  createdAt: Date;
  dmChannelId: string | null;
}

export interface OutcomeInput {
  userId: string;
  planId: string;
  cycleName: string;
  cycleId: string | null;
  promoted: boolean;
  reason: string | null;
  /** Carry the criteria into a new active plan for this cycle. */
  rollInto?: { cycleName: string; calibrationDate: string; nextCheckInAt: Date | null; dueDates: (string | null)[] };
}

const criterionFields = { id: true, position: true, text: true, dueDate: true, status: true, evidence: true } as const;
const planFields = {
  id: true,
  userId: true,
  meetingId: true,
  managerId: true,
  status: true,
  calibrationDate: true,
  cadenceMonths: true,
  sharedChannelId: true,
  sharedMessageTs: true,
  confirmedAt: true,
  confirmedBy: true,
  nextCheckInAt: true,
  createdAt: true,
  criteria: { select: criterionFields, orderBy: { position: 'asc' } },
} as const;
const checkInFields = {
  id: true,
  planId: true,
  userId: true,
  period: true,
  status: true,
  answers: true,
  note: true,
  summaryTs: true,
  acknowledgedBy: true,
  remindedAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

const duePlanFields = {
  id: true,
  userId: true,
  calibrationDate: true,
  cadenceMonths: true,
  createdAt: true,
  user: { select: { tz: true, dmChannelId: true, profile: { select: { nudgeMinute: true } } } },
} as const;

type DuePlanRow = Omit<DuePlan, 'dueAt' | 'tz' | 'dmChannelId' | 'nudgeMinute'> & {
  user: { tz: string | null; dmChannelId: string | null; profile: { nudgeMinute: number } | null };
};

function toDuePlan({ user, ...row }: DuePlanRow, dueAt: Date): DuePlan {
  // Every plan's engineer has a profile; 15:00 only covers a row written by hand.
  return { ...row, dueAt, tz: user.tz, dmChannelId: user.dmChannelId, nudgeMinute: user.profile?.nudgeMinute ?? 900 };
}

const OPEN: PlanStatus[] = ['draft', 'active', 'awaiting_outcome'];
/** A manager's answer recorded again with the same words within this long is the same one. */
const SAME_ANSWER_WINDOW_MS = 10 * 60 * 1000;

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function criterionStatus(value: string): CriterionStatus {
  return (CRITERION_STATUSES as readonly string[]).includes(value) ? (value as CriterionStatus) : 'not_started';
}

type PlanRow = Omit<PlanRecord, 'status' | 'criteria'> & { status: string; criteria: (Omit<CriterionRecord, 'status' | 'evidence'> & { status: string; evidence: unknown })[] };

function toPlan(row: PlanRow): PlanRecord {
  return {
    ...row,
    status: (['draft', 'active', 'awaiting_outcome', 'closed'].includes(row.status) ? row.status : 'closed') as PlanStatus,
    criteria: row.criteria.map((c) => ({ ...c, status: criterionStatus(c.status), evidence: strings(c.evidence) })),
  };
}

// Answers are stored as the schema says; a row that is not (hand-edited, older) reads as none.
function toAnswers(value: unknown): CheckInAnswer[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((a: unknown) => {
    const item = a as { criterionId?: unknown; status?: unknown; winIds?: unknown } | null;
    if (!item || typeof item.criterionId !== 'string' || typeof item.status !== 'string') return [];
    return [{ criterionId: item.criterionId, status: criterionStatus(item.status), winIds: strings(item.winIds) }];
  });
}

type CheckInRow = Omit<CheckInRecord, 'status' | 'answers'> & { status: string; answers: unknown };

function toCheckIn(row: CheckInRow): CheckInRecord {
  const status = row.status === 'answered' || row.status === 'acknowledged' ? row.status : 'sent';
  return { ...row, status, answers: toAnswers(row.answers) };
}

export function plansRepository(db: Db) {
  /** The check-in for a plan and period, created the first time: every replica gets the same row. */
  async function openCheckIn(planId: string, userId: string, period: string, askedAt: Date): Promise<CheckInRecord> {
    try {
      // createdAt is when it was asked, on the app's clock: the reminder counts three days from it.
      return toCheckIn(await db.checkIn.create({ data: { planId, userId, period, answers: [], createdAt: askedAt }, select: checkInFields }));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return toCheckIn(await db.checkIn.findUniqueOrThrow({ where: { planId_period: { planId, period } }, select: checkInFields }));
    }
  }

  async function writeCriteria(tx: Parameters<Parameters<Db['$transaction']>[0]>[0], planId: string, criteria: CriterionInput[]) {
    // Positions are the identity a criterion keeps across edits, so its status and evidence stay.
    await tx.planCriterion.deleteMany({ where: { planId, position: { gte: criteria.length } } });
    for (const [position, c] of criteria.entries()) {
      await tx.planCriterion.upsert({
        where: { planId_position: { planId, position } },
        create: { planId, position, text: c.text, dueDate: c.dueDate, evidence: [] },
        update: { text: c.text, dueDate: c.dueDate },
      });
    }
  }

  return {
    // ---- the manager's answer ----

    /** Stores what the manager said on the meeting (a new one when none is named); null when the meeting is not theirs. */
    async saveManagerAnswer(userId: string, meetingId: string | null, text: string, kind: string): Promise<string | null> {
      const data = { managerSaid: text, hedgeKind: kind, hedgeKindSuggested: kind };
      if (meetingId) {
        const { count } = await db.meeting.updateMany({ where: { id: meetingId, userId }, data });
        return count > 0 ? meetingId : null;
      }
      // The same words recorded again within minutes are the same answer delivered twice (a
      // second click, a resent submission): one conversation, one row.
      const recent = await db.meeting.findFirst({
        where: { userId, prepDraftId: null, managerSaid: text, createdAt: { gte: new Date(Date.now() - SAME_ANSWER_WINDOW_MS) } },
        select: { id: true },
      });
      if (recent) return recent.id;
      // Recorded without prep: the conversation happened, so it gets its own meeting row.
      const row = await db.meeting.create({ data: { userId, title: 'Career conversation', onePager: '', ...data }, select: { id: true } });
      return row.id;
    },

    async findManagerAnswer(userId: string, meetingId: string) {
      return db.meeting.findFirst({
        where: { id: meetingId, userId, managerSaid: { not: null } },
        select: { id: true, managerSaid: true, hedgeKind: true, hedgeKindSuggested: true },
      });
    },

    async correctHedgeKind(userId: string, meetingId: string, kind: string): Promise<boolean> {
      const { count } = await db.meeting.updateMany({ where: { id: meetingId, userId, managerSaid: { not: null } }, data: { hedgeKind: kind } });
      return count > 0;
    },

    // ---- plans ----

    async find(planId: string): Promise<PlanRecord | null> {
      const row = await db.plan.findUnique({ where: { id: planId }, select: planFields });
      return row ? toPlan(row) : null;
    },

    /** The user's open plan (a draft, an active one, or one waiting for its outcome), newest first. */
    async findOpen(userId: string): Promise<PlanRecord | null> {
      const row = await db.plan.findFirst({ where: { userId, status: { in: OPEN } }, orderBy: { createdAt: 'desc' }, select: planFields });
      return row ? toPlan(row) : null;
    },

    async createDraft(input: { userId: string; managerId: string; calibrationDate: string; meetingId: string | null }): Promise<PlanRecord> {
      const row = await db.plan.create({ data: { ...input, status: 'draft' }, select: planFields });
      return toPlan(row);
    },

    /** Replaces the criteria texts and dates; false when the plan is not this status any more. */
    async saveCriteria(planId: string, criteria: CriterionInput[]): Promise<void> {
      await db.$transaction(async (tx) => {
        await writeCriteria(tx, planId, criteria);
        await tx.plan.update({ where: { id: planId }, data: { updatedAt: new Date() } });
      });
    },

    async update(
      planId: string,
      patch: Partial<Pick<PlanRecord, 'status' | 'cadenceMonths' | 'nextCheckInAt' | 'sharedChannelId' | 'sharedMessageTs' | 'confirmedAt' | 'confirmedBy'>>,
    ): Promise<void> {
      await db.plan.update({ where: { id: planId }, data: patch });
    },

    /** Draft → active, once: a double submit starts it one time. */
    async activate(planId: string, nextCheckInAt: Date | null): Promise<boolean> {
      const { count } = await db.plan.updateMany({ where: { id: planId, status: 'draft' }, data: { status: 'active', nextCheckInAt } });
      return count > 0;
    },

    async addChange(planId: string, actorId: string, kind: string, detail: unknown): Promise<void> {
      await db.planChange.create({ data: { planId, actorId, kind, detail: detail ?? {} } });
    },

    async changes(planId: string): Promise<PlanChangeRecord[]> {
      return db.planChange.findMany({
        where: { planId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { actorId: true, kind: true, detail: true, createdAt: true },
      });
    },

    // ---- the shared conversation ----

    async findShared(engineerId: string, managerId: string): Promise<SharedChannelRecord | null> {
      const row = await db.sharedChannel.findUnique({ where: { engineerId_managerId: { engineerId, managerId } }, select: { channelId: true, kind: true } });
      return row ? { channelId: row.channelId, kind: row.kind === 'group_dm' ? 'group_dm' : 'private_channel' } : null;
    },

    /** Keeps the first conversation stored for the pair: a second, racing share gets that one back. */
    async saveShared(engineerId: string, managerId: string, shared: SharedChannelRecord): Promise<SharedChannelRecord> {
      try {
        await db.sharedChannel.create({ data: { engineerId, managerId, ...shared } });
        return shared;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        return (await this.findShared(engineerId, managerId)) ?? shared;
      }
    },

    // ---- check-ins ----

    /** Plans whose check-in is due at `at`, in (due, id) order after the cursor. */
    async dueCheckInPage(at: Date, after: { dueAt: Date; id: string } | undefined, limit: number): Promise<DuePlan[]> {
      const rows = await db.plan.findMany({
        where: {
          status: 'active',
          nextCheckInAt: { lte: at },
          ...(after ? { OR: [{ nextCheckInAt: { gt: after.dueAt } }, { nextCheckInAt: after.dueAt, id: { gt: after.id } }] } : {}),
        },
        orderBy: [{ nextCheckInAt: 'asc' }, { id: 'asc' }],
        take: limit,
        select: { ...duePlanFields, nextCheckInAt: true },
      });
      return rows.map((r) => toDuePlan(r, r.nextCheckInAt as Date));
    },

    /** Moves each plan's next check-in on, only if it is still the one that was handled. */
    async advanceCheckIns(moves: { planId: string; from: Date; to: Date | null }[]): Promise<void> {
      for (const m of moves) await db.plan.updateMany({ where: { id: m.planId, nextCheckInAt: m.from }, data: { nextCheckInAt: m.to } });
    },

    openCheckIn,

    /**
     * The check-in job asks: the period's check-in, opened now; or, when it was opened
     * earlier (from Home) and is still unanswered, its reminder counts from now, not from
     * that visit, and a "reminded" mark left while no DM had gone out is cleared.
     */
    async askCheckIn(planId: string, userId: string, period: string, askedAt: Date): Promise<CheckInRecord> {
      const checkIn = await openCheckIn(planId, userId, period, askedAt);
      if (checkIn.status !== 'sent' || checkIn.createdAt.getTime() >= askedAt.getTime()) return checkIn;
      // Only forward: a replica behind on the clock never moves it back.
      await db.checkIn.updateMany({ where: { id: checkIn.id, status: 'sent', createdAt: { lt: askedAt } }, data: { createdAt: askedAt, remindedAt: null } });
      return { ...checkIn, createdAt: askedAt, remindedAt: null };
    },

    async findCheckIn(id: string): Promise<CheckInRecord | null> {
      const row = await db.checkIn.findUnique({ where: { id }, select: checkInFields });
      return row ? toCheckIn(row) : null;
    },

    async findCheckInsOf(planId: string, periods: string[]): Promise<CheckInRecord[]> {
      const rows = await db.checkIn.findMany({ where: { planId, period: { in: periods } }, select: checkInFields });
      return rows.map(toCheckIn);
    },

    /** When the plan was last checked in on (answered), else null. */
    async lastAnsweredAt(planId: string): Promise<Date | null> {
      const row = await db.checkIn.findFirst({ where: { planId, status: { in: ['answered', 'acknowledged'] } }, orderBy: { updatedAt: 'desc' }, select: { updatedAt: true } });
      return row?.updatedAt ?? null;
    },

    /** Stores the answer and the criteria statuses it sets, in one transaction. */
    async answerCheckIn(checkInId: string, planId: string, answers: CheckInAnswer[], note: string | null): Promise<void> {
      await db.$transaction(async (tx) => {
        await tx.checkIn.update({ where: { id: checkInId }, data: { status: 'answered', answers: answers as unknown as object, note } });
        for (const a of answers) {
          const current = await tx.planCriterion.findFirst({ where: { id: a.criterionId, planId }, select: { evidence: true } });
          if (!current) continue;
          const evidence = [...new Set([...strings(current.evidence), ...a.winIds])];
          await tx.planCriterion.update({ where: { id: a.criterionId }, data: { status: a.status, evidence } });
        }
      });
    },

    async setSummaryTs(checkInId: string, summaryTs: string): Promise<void> {
      await db.checkIn.update({ where: { id: checkInId }, data: { summaryTs } });
    },

    /** Answered → acknowledged, once. */
    async acknowledge(checkInId: string, by: string, at: Date): Promise<boolean> {
      const { count } = await db.checkIn.updateMany({ where: { id: checkInId, status: 'answered' }, data: { status: 'acknowledged', acknowledgedBy: by, acknowledgedAt: at } });
      return count > 0;
    },

    /** Unanswered check-ins sent before `sentBefore` and never reminded, after the cursor. */
    async dueReaskPage(sentBefore: Date, after: DueReask | undefined, limit: number): Promise<DueReask[]> {
      const rows = await db.checkIn.findMany({
        where: {
          status: 'sent',
          remindedAt: null,
          createdAt: { lte: sentBefore },
          plan: { status: 'active' },
          ...(after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {}),
        },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        take: limit,
        select: { id: true, planId: true, userId: true, period: true, createdAt: true, user: { select: { dmChannelId: true } } },
      });
      return rows.map(({ user, ...r }) => ({ ...r, dmChannelId: user.dmChannelId }));
    },

    async markReminded(checkInIds: string[], at: Date): Promise<void> {
      if (checkInIds.length > 0) await db.checkIn.updateMany({ where: { id: { in: checkInIds }, remindedAt: null }, data: { remindedAt: at } });
    },

    // ---- outcomes ----

    /** Active plans whose calibration date is before `before` ("YYYY-MM-DD"), after the cursor. */
    async duePastCalibrationPage(before: string, after: DuePlan | undefined, limit: number): Promise<DuePlan[]> {
      const rows = await db.plan.findMany({
        where: { status: 'active', calibrationDate: { lt: before }, ...(after ? { id: { gt: after.id } } : {}) },
        orderBy: { id: 'asc' },
        take: limit,
        select: duePlanFields,
      });
      return rows.map((r) => toDuePlan(r, r.createdAt));
    },

    async markAwaitingOutcome(planIds: string[]): Promise<void> {
      if (planIds.length > 0) await db.plan.updateMany({ where: { id: { in: planIds }, status: 'active' }, data: { status: 'awaiting_outcome', nextCheckInAt: null } });
    },

    /**
     * Records the outcome, closes the plan and, when asked, opens the next cycle's plan with
     * the same criteria (statuses kept) and points the profile at that cycle. Null when the
     * plan was already closed (a second submit): nothing is recorded twice.
     */
    async recordOutcome(input: OutcomeInput, planCriteriaDone: boolean): Promise<{ nextPlanId: string | null } | null> {
      return db.$transaction(async (tx) => {
        const { count } = await tx.plan.updateMany({ where: { id: input.planId, userId: input.userId, status: { in: ['active', 'awaiting_outcome'] } }, data: { status: 'closed', nextCheckInAt: null } });
        if (count === 0) return null;
        await tx.cycleOutcome.upsert({
          where: { userId_cycleName: { userId: input.userId, cycleName: input.cycleName } },
          create: { userId: input.userId, cycleId: input.cycleId, cycleName: input.cycleName, promoted: input.promoted, planCriteriaDone, planId: input.planId, reason: input.reason },
          update: { promoted: input.promoted, planCriteriaDone, planId: input.planId, reason: input.reason, recordedAt: new Date() },
        });
        if (!input.rollInto) return { nextPlanId: null };
        const old = await tx.plan.findUniqueOrThrow({ where: { id: input.planId }, select: { managerId: true, cadenceMonths: true, meetingId: true, criteria: { select: criterionFields, orderBy: { position: 'asc' } } } });
        const roll = input.rollInto;
        const next = await tx.plan.create({
          data: { userId: input.userId, managerId: old.managerId, meetingId: old.meetingId, status: 'active', calibrationDate: roll.calibrationDate, cadenceMonths: old.cadenceMonths, nextCheckInAt: roll.nextCheckInAt },
          select: { id: true },
        });
        for (const [position, c] of old.criteria.entries()) {
          await tx.planCriterion.create({ data: { planId: next.id, position, text: c.text, dueDate: roll.dueDates[position] ?? null, status: c.status, evidence: strings(c.evidence) } });
        }
        await tx.profile.updateMany({ where: { userId: input.userId }, data: { targetCycle: roll.cycleName } });
        return { nextPlanId: next.id };
      });
    },

    /** Every recorded outcome, oldest calibration first. */
    async outcomes(userId: string): Promise<OutcomeRecord[]> {
      return db.cycleOutcome.findMany({
        where: { userId },
        orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }],
        select: { cycleName: true, promoted: true, planCriteriaDone: true, reason: true, recordedAt: true },
      });
    },

    /** Wins logged since an instant, newest first: evidence a check-in can offer. */
    async winsSince(userId: string, since: Date, limit: number): Promise<{ id: string; text: string; date: string }[]> {
      return db.win.findMany({ where: { userId, createdAt: { gte: since } }, orderBy: [{ date: 'desc' }, { createdAt: 'desc' }], take: limit, select: { id: true, text: true, date: true } });
    },
  };
}

export type PlansRepository = ReturnType<typeof plansRepository>;
