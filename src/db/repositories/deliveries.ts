import { randomUUID } from 'node:crypto';
import type { Db } from '../client.js';
import { dialectOf, instantParam, jsonRows } from '../dialect.js';

/** A job's name for its DMs: "weekly_nudge", "snooze_nudge", "checkin", "checkin_reask", "cycle_outcome", later "meeting_reminder"… */
export type DeliveryKind = string;

/** One message: at most one per user, kind and period (e.g. "2026-W48", "2026-12", a meeting id). */
export interface DeliveryKey {
  userId: string;
  kind: DeliveryKind;
  period: string;
}

export interface DeliveryClaim extends DeliveryKey {
  id: string;
  /** Tries so far, this one included. */
  attempts: number;
  /**
   * An earlier attempt was handed to Slack and never confirmed (its process died mid-send,
   * or the call failed without Slack's answer): the DM may be there already.
   */
  interrupted: boolean;
}

/** claimed → sending (handed to Slack) → sent; failed when Slack said no, or gave no answer. */
export type DeliveryStatus = 'claimed' | 'sending' | 'sent' | 'failed';

/** Prefix of a failed attempt's error when Slack gave no answer: it may have posted the DM. */
export const UNCONFIRMED = 'unconfirmed: ';

export interface ClaimOptions {
  now: Date;
  /**
   * A claim still unsent after this long is taken to be from a process that died
   * between claiming and sending, and may be claimed again: retried, not lost.
   */
  leaseMs: number;
  /** Give up on a message after this many tries (errors from Slack, crashes). */
  maxAttempts: number;
}

export interface SentDelivery {
  id: string;
  channelId: string;
  messageTs?: string | undefined;
}

/** Kept in a re-claimed row's error while its retry runs: the last attempt may have reached Slack. */
const INTERRUPTED = 'retrying after an interrupted attempt';

/** A map key for a (user, kind, period). */
export function deliveryKey({ userId, kind, period }: DeliveryKey): string {
  return `${userId}\u0000${kind}\u0000${period}`;
}

/** Orders keys the same way on every replica, so batched claims lock rows in one order and never deadlock. */
function byKey(a: DeliveryKey, b: DeliveryKey): number {
  const ka = deliveryKey(a);
  const kb = deliveryKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export function deliveriesRepository(db: Db) {
  const dialect = dialectOf(db);

  /**
   * Claims the right to send each of these messages, in one statement. Exactly one caller
   * wins each, across replicas: the row is unique per (user, kind, period), a new key is
   * inserted, and a taken one is re-claimed only when its claim went stale or its send
   * failed (with tries left). Returns the claims won; a key missing from the answer is
   * someone else's, or settled. SQL that SQLite and PostgreSQL both read the same way.
   */
  async function claimMany(keys: DeliveryKey[], options: ClaimOptions): Promise<DeliveryClaim[]> {
    if (keys.length === 0) return [];
    const { now, leaseMs, maxAttempts } = options;
    const staleBefore = new Date(now.getTime() - leaseMs);
    const page = jsonRows(dialect, [...keys].sort(byKey).map(({ userId, kind, period }) => [randomUUID(), userId, kind, period]));
    // "WHERE true" lets SQLite tell the upsert's ON CONFLICT from a join's ON.
    // The error column says, on a re-claim, whether the last attempt may have reached Slack:
    // RETURNING shows the row as updated, so that is where the old status is kept.
    const rows = await db.$queryRaw<{ id: string; userId: string; kind: string; period: string; attempts: number | bigint; error: string | null }[]>`
      INSERT INTO "Delivery" ("id", "userId", "kind", "period", "status", "attempts", "claimedAt")
      SELECT ${page.text(0)}, ${page.text(1)}, ${page.text(2)}, ${page.text(3)}, 'claimed', 1, ${instantParam(dialect, now)}
      FROM ${page.from}
      WHERE true
      ORDER BY ${page.order}
      ON CONFLICT ("userId", "kind", "period") DO UPDATE
        SET "status" = 'claimed', "claimedAt" = excluded."claimedAt", "attempts" = "Delivery"."attempts" + 1,
          "error" = CASE WHEN "Delivery"."status" = 'sending' OR "Delivery"."error" LIKE ${`${UNCONFIRMED}%`} OR "Delivery"."error" = ${INTERRUPTED} THEN ${INTERRUPTED} ELSE NULL END
        WHERE "Delivery"."attempts" < ${maxAttempts}
          AND ("Delivery"."status" = 'failed' OR ("Delivery"."status" IN ('claimed', 'sending') AND "Delivery"."claimedAt" < ${staleBefore}))
      RETURNING "id", "userId", "kind", "period", "attempts", "error"`;
    return rows.map((row) => ({ id: row.id, userId: row.userId, kind: row.kind, period: row.period, attempts: Number(row.attempts), interrupted: row.error === INTERRUPTED }));
  }

  return {
    claimMany,

    async claim(userId: string, kind: DeliveryKind, period: string, options: ClaimOptions): Promise<DeliveryClaim | null> {
      const [claim] = await claimMany([{ userId, kind, period }], options);
      return claim ?? null;
    },

    /** Where each of these messages stands, by deliveryKey; a key with no row is absent. */
    async statuses(keys: DeliveryKey[]): Promise<Map<string, DeliveryStatus>> {
      const rows = await db.delivery.findMany({
        where: { OR: keys.map(({ userId, kind, period }) => ({ userId, kind, period })) },
        select: { userId: true, kind: true, period: true, status: true },
      });
      return new Map(rows.map((row) => [deliveryKey(row), row.status as DeliveryStatus]));
    },

    /**
     * Marks claims as handed to Slack, in one statement, before their DMs are posted, and
     * returns the ids marked. A claim another sender has taken over since (its lease ran out
     * while this one waited) has more attempts than this claim's: it is not marked, and not
     * this sender's to post.
     */
    async markSendingMany(claims: Pick<DeliveryClaim, 'id' | 'attempts'>[]): Promise<Set<string>> {
      if (claims.length === 0) return new Set();
      const page = jsonRows(dialect, claims.map(({ id, attempts }) => [id, `${id}:${attempts}`]));
      // IN (subquery), not a join: joined, SQLite walks every claimed row through the status
      // index and reads the whole JSON for each, quadratic in a busy tick.
      const rows = await db.$queryRaw<{ id: string }[]>`
        UPDATE "Delivery" SET "status" = 'sending'
        WHERE "id" IN (SELECT ${page.text(0)} FROM ${page.from}) AND "status" = 'claimed'
          AND "id" || ':' || CAST("attempts" AS TEXT) IN (SELECT ${page.text(1)} FROM ${page.from})
        RETURNING "id"`;
      return new Set(rows.map((row) => row.id));
    },

    /** Marks a page of sends in one statement. */
    async markSentMany(sent: SentDelivery[], at: Date): Promise<void> {
      if (sent.length === 0) return;
      const page = jsonRows(dialect, sent.map(({ id, channelId, messageTs }) => [id, channelId, messageTs ?? null]));
      await db.$executeRaw`
        UPDATE "Delivery"
        SET "status" = 'sent', "sentAt" = ${instantParam(dialect, at)}, "channelId" = ${page.text(1)}, "messageTs" = ${page.text(2)}
        FROM ${page.from}
        WHERE "Delivery"."id" = ${page.text(0)}`;
    },

    async markFailed(id: string, error: string): Promise<void> {
      await db.delivery.update({ where: { id }, data: { status: 'failed', error: error.slice(0, 500) } });
    },

    async find(userId: string, kind: DeliveryKind, period: string) {
      return db.delivery.findUnique({
        where: { userId_kind_period: { userId, kind, period } },
        select: { id: true, status: true, attempts: true, sentAt: true, channelId: true, messageTs: true },
      });
    },

    /** Forgets a cached DM channel Slack no longer knows, so the next try opens a fresh one. */
    async forgetDmChannel(userId: string): Promise<void> {
      await db.user.updateMany({ where: { id: userId }, data: { dmChannelId: null } });
    },
  };
}

export type DeliveriesRepository = ReturnType<typeof deliveriesRepository>;
