// One measured run of the fan-out bench, in a process of its own so that its peak RSS is
// its own: either a weekly-nudges tick built by the app's composition root, or the
// baseline, a bare WebClient posting the same DMs at the same concurrency. The fake Slack
// and the seeding live in the parent. Prints one JSON line.
//
// Both roles first send one warm-up DM, unmeasured, as a long-running app has sent DMs
// before its next tick: what is measured is a tick, not a cold start.
//
// Each role imports only what it uses, so the baseline's RSS is a bare WebClient's. It runs
// as built by buildForBench (bench/processes.ts): plain node, the app's modules from dist/.

export interface WorkerTask {
  role: 'tick' | 'baseline';
  apiUrl: string;
  token: string;
  /** The tick's database (seeded by the parent); unused by the baseline. */
  databaseUrl?: string;
  users: number;
  concurrency: number;
  /** ISO instant every seeded user is due at. */
  at: string;
  /** ISO instant the one warm-up user is due at, earlier. */
  warmUpAt: string;
  warmUpUser: string;
}

export interface WorkerResult {
  wallMs: number;
  /** When the measured part began (epoch ms), to line it up with the fake Slack's log. */
  startedAt: number;
  /** CPU time (user + system) this process spent in the measured part: steadier than wall time on a busy machine. */
  cpuMs: number;
  sent: number;
  /** Peak resident set size of this process, bytes. */
  peakRssBytes: number;
  /** Heap still in use after a full GC at the end: what the run keeps, as opposed to garbage not yet collected. */
  retainedHeapBytes: number;
  counts?: Record<string, number>;
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
}

const task = JSON.parse(process.argv[2] ?? '{}') as WorkerTask;
const at = new Date(task.at);
let result: WorkerResult;

if (task.role === 'baseline') {
  const { randomUUID } = await import('node:crypto');
  const { WebClient } = await import('@slack/web-api');
  const { default: pLimit } = await import('p-limit');
  const { nudgeMessage } = await import('../src/slack/views/nudge.js');
  const client = new WebClient(task.token, { slackApiUrl: task.apiUrl });
  const limit = pLimit(task.concurrency);
  const ids = Array.from({ length: task.users }, (_, i) => `UBENCH${String(i).padStart(6, '0')}`);
  // The same DM the tick posts, its delivery id in the message metadata included.
  const post = (id: string) => {
    const message = nudgeMessage({ week: '2026-W48' });
    const metadata = { event_type: 'promo_coach_delivery', event_payload: { delivery: randomUUID() } };
    return client.chat.postMessage({ channel: `D${id}`, text: message.text, blocks: message.blocks, metadata });
  };
  await post(task.warmUpUser);
  const started = performance.now();
  const startedAt = Date.now();
  const cpu = process.cpuUsage();
  await Promise.all(ids.map((id) => limit(() => post(id))));
  result = { wallMs: performance.now() - started, startedAt, cpuMs: cpuMs(cpu), sent: ids.length, peakRssBytes: 0, retainedHeapBytes: 0 };
} else {
  const { parseConfig } = await import('../src/config.js');
  const { createDeps } = await import('../src/deps.js');
  const { weeklyNudgeMessage } = await import('../src/jobs/weekly-nudges.js');
  const { createLogger } = await import('../src/logger.js');
  const { sendDueNudges } = await import('../src/use-cases/nudges.js');
  const config = parseConfig({
    SLACK_BOT_TOKEN: task.token,
    SLACK_SIGNING_SECRET: 'bench-signing-secret',
    SLACK_API_URL: task.apiUrl,
    DATABASE_URL: task.databaseUrl,
    LOG_LEVEL: 'warn',
  });
  const logger = createLogger({ level: 'warn', format: 'json' });
  const { database, ...deps } = await createDeps(config, { logger, clock: () => at });
  try {
    const tick = (when: Date) => sendDueNudges(deps, when, { message: weeklyNudgeMessage, concurrency: task.concurrency });
    await tick(new Date(task.warmUpAt));
    const started = performance.now();
    const startedAt = Date.now();
    const cpu = process.cpuUsage();
    const counts = await tick(at);
    result = { wallMs: performance.now() - started, startedAt, cpuMs: cpuMs(cpu), sent: counts.weekly_sent ?? 0, peakRssBytes: 0, retainedHeapBytes: 0, counts };
  } finally {
    await database.close();
  }
}

// maxRSS is in kilobytes, the peak over the process's whole life.
result.peakRssBytes = process.resourceUsage().maxRSS * 1024;
// Run with --expose-gc, which changes nothing else about the collector.
(globalThis as { gc?: () => void }).gc?.();
result.retainedHeapBytes = process.memoryUsage().heapUsed;
process.stdout.write(`${JSON.stringify(result)}\n`);
