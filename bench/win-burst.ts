// 200 people type `/promo win` in the same instant: every ack should beat Slack's 3 s and
// the p99 stay under 1 s (targets, in the table), and every win must be stored and
// confirmed through its response_url once it is (problems, if not).
import { preciseNow, type RemoteFakeSlack } from './fake-slack-process.js';
import { quiet } from './interactions.js';
import type { Role, Started } from './processes.js';
import { percentile, round } from './stats.js';

export interface BurstSide {
  ackMs: { p50: number; p99: number; max: number };
  over3s: number;
}

export interface WinBurstResult {
  users: number;
  app: BurstSide & { stored: number; confirmed: number };
  bare: BurstSide;
  problems: string[];
}

export const BURST_TEXT = 'Bench burst win';
/** How the app's "saved" reply to `/promo win` begins (winSavedMessage); a failure reply does not. */
const SAVED_REPLY = 'Logged';

async function burst(proc: Started, fake: RemoteFakeSlack, users: readonly string[]): Promise<{ side: BurstSide; responseIds: string[] }> {
  const slack = fake.sender(proc.baseUrl);
  const responseIds = users.map((_, i) => `burst-${proc.role}-${i}`);
  const acks = await Promise.all(
    users.map(async (userId, i) => {
      const sent = preciseNow();
      await slack.command({ userId, text: `win ${BURST_TEXT} ${i}: shipped the cache rollout with ${userId}`, responseUrl: fake.responseUrl(responseIds[i]) });
      return preciseNow() - sent;
    }),
  );
  const side = {
    ackMs: { p50: round(percentile(acks, 50)), p99: round(percentile(acks, 99)), max: round(Math.max(...acks)) },
    over3s: acks.filter((ms) => ms > 3_000).length,
  };
  return { side, responseIds };
}

/** Waits for every "saved" confirmation (or 60 s), and returns how many arrived. */
async function confirmations(fake: RemoteFakeSlack, ids: string[]): Promise<number> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const count = await fake.responses(ids, SAVED_REPLY);
    if (count >= ids.length || Date.now() > deadline) return count;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function runWinBurst(
  procs: Record<Role, Started>,
  fake: RemoteFakeSlack,
  users: readonly string[],
  storedWins: () => Promise<number>,
  log: (line: string) => void,
): Promise<WinBurstResult> {
  await fake.reset();
  const app = await burst(procs.app, fake, users);
  // Every confirmation that the win was saved, which the app sends once it is written.
  const confirmed = await confirmations(fake, app.responseIds);
  const stored = await storedWins();
  // Home refreshes and suggestions follow the confirmations; bare Bolt's burst should not share the CPU with them.
  await quiet(procs.app, 60_000);
  const bare = await burst(procs.bare, fake, users);
  // Late acks and the p99 are targets (a busy machine moves them, bare Bolt's too); a win lost or unconfirmed is wrong on any machine.
  const problems: string[] = [];
  if (stored !== users.length) problems.push(`${stored} of ${users.length} wins stored`);
  if (confirmed !== users.length) problems.push(`${confirmed} of ${users.length} wins confirmed as saved`);
  log(`  app: ack p50 ${app.side.ackMs.p50} ms, p99 ${app.side.ackMs.p99} ms, max ${app.side.ackMs.max} ms; ${stored} stored, ${confirmed} confirmed`);
  log(`  bare: ack p50 ${bare.side.ackMs.p50} ms, p99 ${bare.side.ackMs.p99} ms, max ${bare.side.ackMs.max} ms`);
  return { users: users.length, app: { ...app.side, stored, confirmed }, bare: bare.side, problems };
}
