// Interaction latency and CPU, the app against bare Bolt. Each scenario is sent signed, as
// Slack sends it, at concurrency 1, 10 and 50 (that many users at once, each waiting for
// their modal before their next request); for each request the bench times the ack
// (the HTTP answer) and, where the interaction opens a modal, views.open arriving at the
// fake Web API. CPU per interaction is the process's own CPU time over the level, divided
// by the requests, and includes the work after the ack (Home, logging). Each scenario is
// warmed up once per process before its first level, unmeasured.
import { WIN_ACTIONS, WIN_VIEWS } from '../src/slack/ids.js';
import { state, type SentRequest, type SlackSender } from '../test/support/slack-requests.js';
import { preciseNow, type RemoteFakeSlack } from './fake-slack-process.js';
import type { Role, Started } from './processes.js';
import { percentile, ratio, round } from './stats.js';

export const SIGNING_SECRET = 'bench-signing-secret';
export const LEVELS = [1, 10, 50] as const;

interface Scenario {
  name: string;
  opensModal: boolean;
  send(slack: SlackSender, userId: string, triggerId: string): Promise<SentRequest>;
}

const today = () => new Date().toISOString().slice(0, 10);

export const SCENARIOS: readonly Scenario[] = [
  {
    name: '/promo settings',
    opensModal: true,
    send: (slack, userId, triggerId) => slack.command({ userId, text: 'settings', triggerId }),
  },
  {
    name: 'Home button → modal',
    opensModal: true,
    send: (slack, userId, triggerId) => slack.blockAction({ userId, actionId: WIN_ACTIONS.homeLogWin, view: { type: 'home' }, triggerId }),
  },
  {
    name: 'view submission that saves',
    opensModal: false,
    send: (slack, userId) =>
      slack.viewSubmission({
        userId,
        callbackId: WIN_VIEWS.win,
        privateMetadata: JSON.stringify({ source: 'home' }),
        values: {
          [WIN_VIEWS.textBlock]: { [WIN_VIEWS.textAction]: state.plainTextInput('Ran the incident review for the billing outage') },
          [WIN_VIEWS.dateBlock]: { [WIN_VIEWS.dateAction]: state.datepicker(today()) },
          [WIN_VIEWS.linkBlock]: { [WIN_VIEWS.linkAction]: { type: 'url_text_input', value: null } },
          [WIN_VIEWS.criteriaBlock]: { [WIN_VIEWS.criteriaAction]: state.multiStaticSelect([]) },
          [WIN_VIEWS.flagsBlock]: { [WIN_VIEWS.flagsAction]: state.checkboxes([]) },
        },
      }),
  },
  {
    name: '/promo prep',
    opensModal: true,
    send: (slack, userId, triggerId) => slack.command({ userId, text: 'prep', triggerId }),
  },
];

export interface Latency {
  p50: number;
  p99: number;
}

export interface LevelResult {
  concurrency: number;
  requests: number;
  ackMs: Latency;
  /** Request sent → views.open at the Web API; absent for a submission. */
  modalMs?: Latency;
  cpuMsPerInteraction: number;
  failures: number;
}

export interface ScenarioResult {
  scenario: string;
  app: LevelResult[];
  bare: LevelResult[];
  /** app / bare per level: the targets are p50 ≤ 1.3, p99 ≤ 1.5, CPU ≤ 1.5. */
  ratios: { concurrency: number; ackP50: number; ackP99: number; modalP50?: number; modalP99?: number; cpu: number }[];
}

export interface InteractionOptions {
  /** Measured requests at each concurrency. */
  requests: Record<(typeof LEVELS)[number], number>;
  /** Unmeasured requests per scenario and process, at concurrency WARM_UP_CONCURRENCY, before the first level. */
  warmUp: number;
}

const WARM_UP_CONCURRENCY = 10;
const QUIET_MS = 100;
const MODAL_TIMEOUT_MS = 5_000;

let triggers = 0;
const nextTrigger = () => `bench.${process.pid}.${++triggers}`;

/**
 * Waits until the process has used no CPU for QUIET_MS (its work after the acks is done),
 * at most maxMs: a fixed pause long enough for a busy machine was most of a quick run.
 */
export async function quiet(proc: Started, maxMs = 5_000): Promise<void> {
  const deadline = performance.now() + maxMs;
  let before = proc.cpuMs();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    const now = proc.cpuMs();
    if (now === before || performance.now() > deadline) return;
    before = now;
  }
}

interface Driven {
  acks: number[];
  /** views.open latencies, for the requests whose modal arrived. */
  modals: number[];
  failures: number;
}

/**
 * Sends count requests, concurrency at a time. Each of the concurrency users waits for
 * their modal to open before their next request, as a person does: otherwise views.open
 * would time a queue that grows with the number of requests, not an interaction.
 */
async function drive(proc: Started, fake: RemoteFakeSlack, scenario: Scenario, users: readonly string[], concurrency: number, count: number): Promise<Driven> {
  const slack = fake.sender(proc.baseUrl);
  const acks: number[] = [];
  const modals: number[] = [];
  let failures = 0;
  let next = 0;
  const one = async (i: number) => {
    const userId = users[i % users.length] as string;
    const triggerId = nextTrigger();
    // views.open is timed on the wall clock, the one the fake's process shares (1 ms steps).
    const sentAt = Date.now();
    const sent = preciseNow();
    const res = await scenario.send(slack, userId, triggerId);
    acks.push(preciseNow() - sent);
    const acked = res.status === 200 && !res.body.includes('"errors"');
    // Not open after 5 s is a failure (on Slack, views.open fails once the trigger_id lapses, 3 s after the request).
    const opened = scenario.opensModal && acked ? await fake.opened(triggerId, MODAL_TIMEOUT_MS) : undefined;
    if (opened !== undefined && opened !== null) modals.push(opened - sentAt);
    if (!acked || opened === null) failures += 1;
  };
  const worker = async () => {
    while (next < count) await one(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { acks, modals, failures };
}

async function runLevel(proc: Started, fake: RemoteFakeSlack, scenario: Scenario, users: readonly string[], concurrency: number, count: number): Promise<LevelResult> {
  await fake.reset();
  const cpuBefore = proc.cpuMs();
  const { acks, modals, failures } = await drive(proc, fake, scenario, users, concurrency, count);
  // The work after the ack (Home publishes, logs) is counted in the CPU too.
  await quiet(proc);
  const cpu = proc.cpuMs() - cpuBefore;
  const stats = (xs: number[]): Latency => ({ p50: round(percentile(xs, 50)), p99: round(percentile(xs, 99)) });
  return {
    concurrency,
    requests: count,
    ackMs: stats(acks),
    ...(scenario.opensModal ? { modalMs: stats(modals) } : {}),
    cpuMsPerInteraction: round(cpu / count),
    failures,
  };
}

export async function runInteractions(
  procs: Record<Role, Started>,
  fake: RemoteFakeSlack,
  users: readonly string[],
  options: InteractionOptions,
  log: (line: string) => void,
): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const scenario of SCENARIOS) {
    const result: ScenarioResult = { scenario: scenario.name, app: [], bare: [], ratios: [] };
    for (const role of ['app', 'bare'] as const) {
      await drive(procs[role], fake, scenario, users, WARM_UP_CONCURRENCY, options.warmUp);
      await quiet(procs[role]);
    }
    for (const concurrency of LEVELS) {
      // Interleaved, so that a busy spell on the machine lands on both sides.
      for (const role of ['app', 'bare'] as const) {
        const level = await runLevel(procs[role], fake, scenario, users, concurrency, options.requests[concurrency]);
        result[role].push(level);
        log(`  ${scenario.name} · ${role} · c=${concurrency}: ack p50 ${level.ackMs.p50} ms, p99 ${level.ackMs.p99} ms${level.modalMs ? `; views.open p50 ${level.modalMs.p50} ms, p99 ${level.modalMs.p99} ms` : ''}; ${level.cpuMsPerInteraction} ms CPU each${level.failures ? `; ${level.failures} failed` : ''}`);
      }
      const app = result.app.at(-1) as LevelResult;
      const bare = result.bare.at(-1) as LevelResult;
      result.ratios.push({
        concurrency,
        ackP50: ratio(app.ackMs.p50, bare.ackMs.p50),
        ackP99: ratio(app.ackMs.p99, bare.ackMs.p99),
        ...(app.modalMs && bare.modalMs ? { modalP50: ratio(app.modalMs.p50, bare.modalMs.p50), modalP99: ratio(app.modalMs.p99, bare.modalMs.p99) } : {}),
        cpu: ratio(app.cpuMsPerInteraction, bare.cpuMsPerInteraction),
      });
    }
    results.push(result);
  }
  return results;
}
