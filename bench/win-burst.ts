// 200 people type `/promo win` in the same instant: every ack must beat Slack's 3 s, the
// p99 should stay under 1 s, and every win must be stored (its confirmation arrives
// through the response_url once it is).
import { preciseNow, type RemoteFakeSlack } from './fake-slack-process.js';
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

/** Waits for every confirmation (or 60 s), and returns how many arrived. */
async function confirmations(fake: RemoteFakeSlack, ids: string[]): Promise<number> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const count = await fake.responses(ids);
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
  // Every confirmation, which the app sends once its win is written.
  const confirmed = await confirmations(fake, app.responseIds);
  const stored = await storedWins();
  const bare = await burst(procs.bare, fake, users);
  const problems: string[] = [];
  if (app.side.over3s > 0) problems.push(`${app.side.over3s} acks after 3 s`);
  if (app.side.ackMs.p99 >= 1_000) problems.push(`ack p99 ${app.side.ackMs.p99} ms (target < 1 s)`);
  if (stored !== users.length) problems.push(`${stored} of ${users.length} wins stored`);
  if (confirmed !== users.length) problems.push(`${confirmed} of ${users.length} confirmations`);
  log(`  app: ack p50 ${app.side.ackMs.p50} ms, p99 ${app.side.ackMs.p99} ms, max ${app.side.ackMs.max} ms; ${stored} stored, ${confirmed} confirmed`);
  log(`  bare: ack p50 ${bare.side.ackMs.p50} ms, p99 ${bare.side.ackMs.p99} ms, max ${bare.side.ackMs.max} ms`);
  return { users: users.length, app: { ...app.side, stored, confirmed }, bare: bare.side, problems };
}
