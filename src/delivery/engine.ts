// The one engine for scheduled DMs. A job says what is due and what to say; this does the
// rest, with the same guarantees for every kind of message:
// - one claim per (user, kind, period) on any number of replicas (a unique delivery row);
// - a lease: a claim left unsent by a process that died is claimed again once it runs out,
//   and a holder that had only stalled does not post a claim taken over from it;
// - a maximum number of attempts, after which the message is given up;
// - 429 Retry-After, waited out by the WebClient for its whole queue;
// - a cached DM channel Slack no longer knows is forgotten, so the next try reopens it;
// - exactly once across crashes: claims are marked 'sending' a chunk ahead of their DMs and
//   'sent' in small batches as Slack answers (one statement each), and every DM carries its
//   delivery id in Slack message metadata; a claim whose last attempt was handed to Slack
//   and never confirmed looks for that id in the DM's history before posting again;
// - catch-up: a message found too late (after an outage) is skipped, not sent hours off.
import type { KnownBlock } from '@slack/types';
import pLimit from 'p-limit';
import { deliveryKey, UNCONFIRMED, type DeliveriesRepository, type DeliveryClaim, type DeliveryKind, type SentDelivery } from '../db/repositories/deliveries.js';
import type { Logger } from '../logger.js';

/** A message found more than this late (an outage) is skipped: a Friday nudge on Sunday night helps nobody. */
export const LATE_LIMIT_MS = 12 * 60 * 60 * 1000;
/** A claim unsent after this long is from a process that died mid-send: it may be claimed again. */
export const CLAIM_LEASE_MS = 10 * 60 * 1000;
/** Tries per message (Slack errors, crashes) before it is given up. */
export const MAX_ATTEMPTS = 3;
/**
 * Slack calls in flight at once. Every message goes to a different DM channel, so the
 * per-channel limit never bites; the workspace-wide cap answers 429 and the WebClient
 * waits out Retry-After for the whole queue.
 */
export const DEFAULT_CONCURRENCY = 16;
/** Due rows read per query; one page is all a run holds in memory. */
export const DEFAULT_PAGE_SIZE = 500;
/**
 * Sent marks are written as DMs complete, at most this many per statement, and at most
 * MARK_DELAY_MS after the first one waiting: a process killed mid-page leaves only the DMs
 * of the last moments posted but unmarked (and those are found in Slack, below). Each
 * statement costs a few milliseconds of CPU on SQLite: smaller batches made a 10,000-user
 * tick ~20% dearer, for a crash that needs a few dozen fewer look-ups.
 */
export const MARK_BATCH = 64;
export const MARK_DELAY_MS = 100;
/**
 * Claims are marked 'sending' this many at a time, one chunk ahead of the sends: after a
 * crash only those (not a whole claimed page) need a look in Slack before they are retried.
 */
export const SENDING_CHUNK = 64;
/** Slack message metadata type that carries a DM's delivery id. */
export const DELIVERY_EVENT_TYPE = 'promo_coach_delivery';

export interface DeliveryMessage {
  text: string;
  blocks?: KnownBlock[];
}

/** One message a job wants sent. */
export interface DeliveryRequest {
  kind: DeliveryKind;
  /** Sent at most once per user, kind and period: "2026-W48", "2026-12", a meeting id… */
  period: string;
  /** When it was due: the catch-up rule skips it once it is LATE_LIMIT_MS old. */
  dueAt: Date;
  userId: string;
  /** The cached DM channel, when the caller has it: saves a lookup per message. */
  dmChannelId?: string | null;
  /** Built only once the message is claimed, so a lost claim costs nothing. */
  message: () => DeliveryMessage;
}

export type DeliveryOutcome =
  /** Claimed and posted, now. */
  | 'sent'
  /** Posted before, by this or another replica. */
  | 'already_sent'
  /** Another sender holds a live claim on it; if it died, the lease runs out and a later run retries. */
  | 'in_flight'
  /** Slack refused it this time; a later run retries. */
  | 'failed'
  /** Failed MAX_ATTEMPTS times: it will not be tried again. */
  | 'given_up'
  /** Found too late to be useful: skipped. */
  | 'late';

/** Outcomes after which the period is settled: the job may move the user on. */
export const SETTLED: ReadonlySet<string> = new Set<DeliveryOutcome>(['sent', 'already_sent', 'given_up', 'late']);

/** A due row the job decided not to send, and why (counted under that name). */
export interface Skip {
  skip: string;
}

/** One kind of scheduled message, walked page by page from the job's own due index. */
export interface DueRun<Row> {
  /** Prefix of the counts: "weekly" → weekly_sent, weekly_late… */
  name: string;
  /** Due rows after `after` (keyset order, never an offset), at most `limit`. */
  page(after: Row | undefined, limit: number): Promise<Row[]>;
  /** For each row of a page, what to send, or why not. */
  plan(rows: Row[]): Promise<(DeliveryRequest | Skip)[]> | (DeliveryRequest | Skip)[];
  /** After a page: move each row on (next slot, cleared snooze), given how it ended. */
  settle?(rows: Row[], outcomes: string[]): Promise<void>;
}

/** How many rows ended each way, e.g. { weekly_sent: 9998, weekly_late: 2 }. */
export type RunCounts = Record<string, number>;

/** The Slack calls the engine makes; the Slack gateway is one. */
export interface DmSender {
  /** With a delivery id, the DM carries it in its message metadata. */
  postDm(userId: string, message: DeliveryMessage, knownChannelId?: string | null, deliveryId?: string): Promise<{ channelId: string; ts: string | undefined }>;
  /** The DM posted with this delivery id, if the user's DM holds one (conversations.history). */
  findDelivered(userId: string, deliveryId: string, knownChannelId?: string | null): Promise<{ channelId: string; ts: string } | null>;
}

export interface DeliveryEngineDeps {
  deliveries: DeliveriesRepository;
  slack: DmSender;
  logger: Logger;
}

export interface DeliveryEngineOptions {
  leaseMs?: number;
  maxAttempts?: number;
  lateLimitMs?: number;
  concurrency?: number;
  pageSize?: number;
}

/** A page read, planned and claimed; without a batch when planning or claiming failed. */
interface Prepared<Row> {
  rows: Row[];
  /** The page size asked for: a shorter page is the last. */
  limit: number;
  plans: (DeliveryRequest | Skip)[];
  batch: Claimed | null;
}

/** A page whose DMs are going out; `sent` settles once they are out and marked. */
interface Sending<Row> {
  page: Prepared<Row>;
  sent: Promise<void>;
}

/** What a batch became once claimed: an outcome per request, and the claims to send. */
interface Claimed {
  requests: DeliveryRequest[];
  outcomes: DeliveryOutcome[];
  claims: { index: number; claim: DeliveryClaim }[];
}

export type DeliveryEngine = ReturnType<typeof deliveryEngine>;

export function deliveryEngine(deps: DeliveryEngineDeps, options: DeliveryEngineOptions = {}) {
  const leaseMs = options.leaseMs ?? CLAIM_LEASE_MS;
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const lateLimitMs = options.lateLimitMs ?? LATE_LIMIT_MS;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const limit = pLimit(concurrency);
  // The first page is small, so DMs start going out after one quick claim, not a full page's.
  const firstPageSize = Math.min(pageSize, concurrency * 4);

  async function send(request: DeliveryRequest, claim: DeliveryClaim): Promise<SentDelivery | DeliveryOutcome> {
    const { userId, kind, period } = request;
    try {
      if (claim.interrupted) {
        // The last attempt was handed to Slack and never confirmed (a crash, a timeout): its
        // DM, if it went out, carries this delivery id.
        const found = await deps.slack.findDelivered(userId, claim.id, request.dmChannelId);
        if (found) {
          deps.logger.info({ userId, kind, period, attempts: claim.attempts }, 'scheduled DM already in Slack from an earlier attempt; not sent again');
          return { id: claim.id, channelId: found.channelId, messageTs: found.ts };
        }
      }
      const posted = await deps.slack.postDm(userId, request.message(), request.dmChannelId, claim.id);
      return { id: claim.id, channelId: posted.channelId, messageTs: posted.ts };
    } catch (err) {
      const code = slackErrorCode(err);
      // A cached DM channel Slack no longer knows would fail every retry the same way.
      if (code === 'channel_not_found' || code === 'is_archived') await deps.deliveries.forgetDmChannel(userId);
      // Slack's own "no" means nothing was posted; no answer at all (a timeout, a 5xx) may hide a post.
      const refused = typeof (err as { data?: { error?: unknown } } | null)?.data?.error === 'string';
      const reason = code ?? (err instanceof Error ? err.message : 'send failed');
      await deps.deliveries.markFailed(claim.id, refused ? reason : `${UNCONFIRMED}${reason}`);
      const givenUp = claim.attempts >= maxAttempts;
      deps.logger.warn({ userId, kind, period, code, attempts: claim.attempts, givenUp }, 'scheduled DM not delivered');
      return givenUp ? 'given_up' : 'failed';
    }
  }

  /** Skips what is too late and claims the rest, in one statement (plus one when some were taken). */
  async function claimBatch(requests: DeliveryRequest[], at: Date): Promise<Claimed> {
    const outcomes: DeliveryOutcome[] = new Array<DeliveryOutcome>(requests.length).fill('in_flight');
    const fresh = new Map<string, number>();
    requests.forEach((request, i) => {
      if (at.getTime() - request.dueAt.getTime() >= lateLimitMs) {
        outcomes[i] = 'late';
        deps.logger.info({ userId: request.userId, kind: request.kind, period: request.period, dueAt: request.dueAt.toISOString() }, 'scheduled DM too late to send; skipped');
      } else if (!fresh.has(deliveryKey(request))) {
        // The same message twice in one batch stays 'in_flight' the second time: one claim, one send.
        fresh.set(deliveryKey(request), i);
      }
    });
    if (fresh.size === 0) return { requests, outcomes, claims: [] };

    const keys = [...fresh.values()].map((i) => requests[i] as DeliveryRequest);
    const won = await deps.deliveries.claimMany(keys, { now: at, leaseMs, maxAttempts });
    const claims = won.map((claim) => ({ index: fresh.get(deliveryKey(claim)) as number, claim }));
    const claimed = new Set(won.map(deliveryKey));
    const lost = keys.filter((key) => !claimed.has(deliveryKey(key)));
    if (lost.length > 0) {
      const statuses = await deps.deliveries.statuses(lost);
      for (const key of lost) {
        const status = statuses.get(deliveryKey(key));
        outcomes[fresh.get(deliveryKey(key)) as number] = status === 'sent' ? 'already_sent' : status === 'failed' ? 'given_up' : 'in_flight';
      }
    }
    return { requests, outcomes, claims };
  }

  /**
   * Writes sent marks as DMs complete: a statement once MARK_BATCH are waiting, or
   * MARK_DELAY_MS after the first, one statement at a time. drain() waits for the last and
   * rejects if any failed (those claims are retried after their lease, and found in Slack).
   */
  function sentMarker(at: Date) {
    let waiting: SentDelivery[] = [];
    let timer: NodeJS.Timeout | null = null;
    let written: Promise<void> = Promise.resolve();
    let failure: unknown = null;
    const flush = (): Promise<void> => {
      if (timer) clearTimeout(timer);
      timer = null;
      if (waiting.length > 0) {
        const marks = waiting;
        waiting = [];
        written = written.then(() =>
          deps.deliveries.markSentMany(marks, at).catch((err: unknown) => {
            failure ??= err;
            deps.logger.error({ err, marks: marks.length }, 'scheduled DMs: could not mark sent; they are looked for in Slack before any retry');
          }),
        );
      }
      return written;
    };
    return {
      add(sent: SentDelivery) {
        waiting.push(sent);
        if (waiting.length >= MARK_BATCH) void flush();
        else timer ??= setTimeout(() => void flush(), MARK_DELAY_MS);
      },
      async drain() {
        await flush();
        if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
      },
    };
  }

  /**
   * Posts every claimed message at bounded concurrency: each chunk of claims is marked
   * 'sending' before its first DM goes (the next chunk's mark is under way meanwhile), and
   * each DM is marked sent moments after Slack has it.
   */
  async function sendClaimed(batch: Claimed, at: Date): Promise<void> {
    const marker = sentMarker(at);
    const sending: Promise<Set<string>>[] = [];
    const markChunk = (chunk: number): Promise<Set<string>> => {
      sending[chunk] ??= deps.deliveries.markSendingMany(batch.claims.slice(chunk * SENDING_CHUNK, (chunk + 1) * SENDING_CHUNK).map(({ claim }) => claim));
      return sending[chunk];
    };
    await Promise.all(
      batch.claims.map(({ index, claim }, n) =>
        limit(async () => {
          const chunk = Math.floor(n / SENDING_CHUNK);
          markChunk(chunk + 1).catch(() => undefined);
          let marked: Set<string>;
          try {
            marked = await markChunk(chunk);
          } catch (err) {
            // Not marked, not sent: the claim runs out its lease and is retried, with nothing to look for.
            deps.logger.error({ err, userId: claim.userId, kind: claim.kind }, 'scheduled DM not sent: could not mark it as sending');
            batch.outcomes[index] = 'failed';
            return;
          }
          if (!marked.has(claim.id)) {
            // Its lease ran out while this sender waited, and another one took it over: theirs to send.
            deps.logger.info({ userId: claim.userId, kind: claim.kind, period: claim.period }, 'scheduled DM taken over by another sender; not sent here');
            batch.outcomes[index] = 'in_flight';
            return;
          }
          const result = await send(batch.requests[index] as DeliveryRequest, claim);
          if (typeof result === 'string') batch.outcomes[index] = result;
          else {
            marker.add(result);
            batch.outcomes[index] = 'sent';
          }
        }),
      ),
    );
    await marker.drain();
  }

  /** Sends each request at most once, ever, whichever replica gets there first. */
  async function deliverMany(requests: DeliveryRequest[], at: Date): Promise<DeliveryOutcome[]> {
    const batch = await claimBatch(requests, at);
    await sendClaimed(batch, at);
    return batch.outcomes;
  }

  return {
    deliverMany,

    async deliver(request: DeliveryRequest, at: Date): Promise<DeliveryOutcome> {
      return (await deliverMany([request], at))[0] as DeliveryOutcome;
    },

    /**
     * Walks every due row of one kind, a page at a time: plan and claim, send, then mark and
     * settle. Pages overlap: the next page is read and claimed, and queued for sending
     * behind this one, while this one's DMs go out; the last page is marked and moved on
     * meanwhile too. Slack calls never wait for the database, and at most three pages are
     * held at once.
     */
    async runDue<Row>(run: DueRun<Row>, at: Date): Promise<RunCounts> {
      const counts: RunCounts = { [`${run.name}_sent`]: 0 };
      const count = (outcome: string) => {
        counts[`${run.name}_${outcome}`] = (counts[`${run.name}_${outcome}`] ?? 0) + 1;
      };
      let settled: Promise<void> = Promise.resolve();
      let sending: Sending<Row> | null = null;
      let next: Promise<Prepared<Row> | null> = preparePage(run, undefined, firstPageSize, at);
      for (;;) {
        const page = await next;
        let started: Sending<Row> | null = null;
        if (page) {
          const { rows } = page;
          // The cursor steps over every row of this page, including the ones that stay due.
          next = rows.length < page.limit ? Promise.resolve(null) : preparePage(run, rows[rows.length - 1], pageSize, at);
          started = { page, sent: page.batch ? sendClaimed(page.batch, at) : Promise.resolve() };
          // Both are awaited on a later turn; until then a failure must not count as unhandled.
          next.catch(() => undefined);
          started.sent.catch(() => undefined);
        }
        if (sending) {
          const outcomes = await outcomesOf(run, sending);
          outcomes.forEach(count);
          const { rows } = sending.page;
          // One page settles at a time, in order, while later pages send.
          settled = settled.then(() => settlePage(run, rows, outcomes));
        }
        if (!started) break;
        sending = started;
      }
      await settled;
      return counts;
    },
  };

  /** A page's outcome per row, once its DMs are out; 'error' for each row of a page that failed. */
  async function outcomesOf<Row>(run: DueRun<Row>, { page, sent }: Sending<Row>): Promise<string[]> {
    if (!page.batch) return page.rows.map(() => 'error');
    try {
      await sent;
    } catch (err) {
      deps.logger.error({ err, run: run.name, rows: page.rows.length }, 'scheduled DMs: a page failed');
      return page.rows.map(() => 'error');
    }
    const { batch } = page;
    let i = 0;
    return page.plans.map((p) => ('skip' in p ? p.skip : (batch.outcomes[i++] as string)));
  }

  /** Reads a page, plans it and claims it; a page whose planning or claiming failed comes back without a batch. */
  async function preparePage<Row>(run: DueRun<Row>, after: Row | undefined, size: number, at: Date): Promise<Prepared<Row> | null> {
    const rows = await run.page(after, size);
    if (rows.length === 0) return null;
    try {
      const plans = await run.plan(rows);
      const batch = await claimBatch(
        plans.filter((p): p is DeliveryRequest => !('skip' in p)),
        at,
      );
      return { rows, limit: size, plans, batch };
    } catch (err) {
      // A database hiccup costs this page, not the run: its rows stay due for the next one.
      deps.logger.error({ err, run: run.name, rows: rows.length }, 'scheduled DMs: a page failed');
      return { rows, limit: size, plans: [], batch: null };
    }
  }

  async function settlePage<Row>(run: DueRun<Row>, rows: Row[], outcomes: string[]) {
    try {
      await run.settle?.(rows, outcomes);
    } catch (err) {
      // What was sent stays sent (and marked); the rows stay due, and the next run finds them settled.
      deps.logger.error({ err, run: run.name, rows: rows.length }, 'scheduled DMs: could not move a page on');
    }
  }
}

function slackErrorCode(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } } | null)?.data;
  if (typeof data?.error === 'string') return data.error;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
