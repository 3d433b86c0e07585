// Shared set-up for the nudge end-to-end tests: onboarded users straight into the
// database (the onboarding flow has its own tests), a tick through the registered job,
// and the DMs the fake Slack saw.
import { expect } from 'vitest';
import { findJob, type JobResult } from '../../src/jobs/index.js';
import type { RecordedCall } from '../support/fake-slack.js';
import type { TestApp } from '../support/app-harness.js';
import { onboardUser, type OnboardOptions } from '../support/onboarding.js';

/** An onboarded user with a nudge scheduled from `now`. */
export function onboard(app: TestApp, userId: string, tz: string, now: Date, options: Omit<OnboardOptions, 'tz' | 'now'> = {}) {
  return onboardUser(app, userId, { ...options, tz, now });
}

/** Runs the weekly-nudges job once, as node-cron or the CLI would, at `at`. */
export async function tick(app: TestApp, at: string | Date): Promise<JobResult> {
  const job = findJob('weekly-nudges');
  expect(job, 'the weekly-nudges job is registered').toBeDefined();
  const when = new Date(at);
  app.setNow(when);
  return (job as NonNullable<typeof job>).run(app.coach.deps, when);
}

/** Successful DMs the app posted to a user (the fake's DM channel id is D + user id). */
export function dmsTo(app: TestApp, userId: string): RecordedCall[] {
  return app.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === `D${userId}` && c.status === 200 && (c.response as { ok?: boolean }).ok);
}

export function allDms(app: TestApp): RecordedCall[] {
  return app.fake.callsTo('chat.postMessage').filter((c) => c.status === 200 && (c.response as { ok?: boolean }).ok);
}

interface Button {
  action_id: string;
  value?: string;
  text: { text: string };
}

/** The buttons of a posted message, in order. */
export function buttonsOf(call: RecordedCall): Button[] {
  const blocks = call.args.blocks as { type: string; elements?: Button[] }[];
  return blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
}

export function messageTs(call: RecordedCall): string {
  return (call.response as { ts: string }).ts;
}

/** Waits until a log line matching `pattern` is written (for outcomes that make no Slack call). */
export async function waitForLog(app: TestApp, pattern: RegExp, timeoutMs = 3000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const line = app.logs.find((l) => pattern.test(l));
    if (line) return line;
    if (Date.now() - started > timeoutMs) throw new Error(`no log line matching ${pattern}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
