import type { Db } from '../client.js';
import { isUniqueViolation } from '../errors.js';

/** A job's name for its DMs: "weekly_nudge", "snooze_nudge", later "meeting_reminder", "checkin"… */
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
}

export type DeliveryStatus = 'claimed' | 'sent' | 'failed';

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

/** A map key for a (user, kind, period). */
export function deliveryKey({ userId, kind, period }: DeliveryKey): string {
  return `${userId}\u0000${kind}\u0000${period}`;
}

export function deliveriesRepository(db: Db) {
  async function claimOne(key: DeliveryKey, options: ClaimOptions): Promise<DeliveryClaim | null> {
    const { userId, kind, period } = key;
    try {
      const row = await db.delivery.create({ data: { userId, kind, period, claimedAt: options.now } });
      return { ...key, id: row.id, attempts: row.attempts };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    // Taken before: re-claim only a stale claim or a failed send, in one conditional update.
    const staleBefore = new Date(options.now.getTime() - options.leaseMs);
    const { count } = await db.delivery.updateMany({
      where: {
        userId,
        kind,
        period,
        attempts: { lt: options.maxAttempts },
        OR: [{ status: 'claimed', claimedAt: { lt: staleBefore } }, { status: 'failed' }],
      },
      data: { status: 'claimed', claimedAt: options.now, attempts: { increment: 1 }, error: null },
    });
    if (count === 0) return null;
    const row = await db.delivery.findUniqueOrThrow({ where: { userId_kind_period: { userId, kind, period } } });
    return { ...key, id: row.id, attempts: row.attempts };
  }

  return {
    /**
     * Claims the right to send each of these messages. Exactly one caller wins each, across
     * replicas: the row is unique per (user, kind, period). Returns the claims won; a key
     * missing from the answer is someone else's, or already settled.
     */
    async claimMany(keys: DeliveryKey[], options: ClaimOptions): Promise<DeliveryClaim[]> {
      const claims = await Promise.all(keys.map((key) => claimOne(key, options)));
      return claims.filter((claim): claim is DeliveryClaim => claim !== null);
    },

    async claim(userId: string, kind: DeliveryKind, period: string, options: ClaimOptions): Promise<DeliveryClaim | null> {
      return claimOne({ userId, kind, period }, options);
    },

    /** Where each of these messages stands, by deliveryKey; a key with no row is absent. */
    async statuses(keys: DeliveryKey[]): Promise<Map<string, DeliveryStatus>> {
      const rows = await db.delivery.findMany({
        where: { OR: keys.map(({ userId, kind, period }) => ({ userId, kind, period })) },
        select: { userId: true, kind: true, period: true, status: true },
      });
      return new Map(rows.map((row) => [deliveryKey(row), row.status as DeliveryStatus]));
    },

    async markSentMany(sent: SentDelivery[], at: Date): Promise<void> {
      await Promise.all(
        sent.map(({ id, channelId, messageTs }) =>
          db.delivery.update({ where: { id }, data: { status: 'sent', sentAt: at, channelId, messageTs: messageTs ?? null } }),
        ),
      );
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
