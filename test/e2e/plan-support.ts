// Shared set-up for the after-the-meeting suites: an onboarded engineer (manager UMANAGER,
// target cycle "2027 H2", calibration 1 December 2027), a running plan built through the
// use cases (the builder's own modals are tested in plan-builder.test.ts), and the Slack
// calls the plan flow makes.
import { expect } from 'vitest';
import { findJob, type JobResult } from '../../src/jobs/index.js';
import { openPlanBuilder, savePlanCriteria, savePlanDates, startPlan } from '../../src/use-cases/plans.js';
import { startTestApp, type TestApp } from '../support/app-harness.js';
import type { DatabaseKind } from '../support/databases.js';
import type { RecordedCall } from '../support/fake-slack.js';
import { onboardUser } from '../support/onboarding.js';

/** Monday 23 November 2026, 07:00 in New York. */
export const NOW = new Date('2026-11-23T12:00:00Z');
export const ENGINEER = 'UENG';
export const MANAGER = 'UMANAGER';
export const OTHER = 'UOTHER';
export const CALIBRATION = '2027-12-01';

export const CRITERIA = [
  'Lead the design review for the search migration, signed off by the payments and ads teams',
  'Write the on-call runbook for the billing service and run two training sessions for the team',
];
export const DUE_DATES = ['2027-03-31', '2027-06-30'];

export async function startPlanApp(database: DatabaseKind, userIds: string[] = [ENGINEER]): Promise<TestApp> {
  const app = await startTestApp({ database, now: NOW });
  for (const userId of userIds) await onboardUser(app, userId, { tz: 'America/New_York', now: NOW });
  return app;
}

/** A running plan, as the three builder steps leave it. */
export async function activePlan(app: TestApp, userId = ENGINEER, criteria = CRITERIA, dueDates = DUE_DATES): Promise<string> {
  const deps = app.coach.deps;
  const opened = await openPlanBuilder(deps, userId);
  const planId = opened.data.planId;
  expect((await savePlanCriteria(deps, userId, planId, criteria)).ok).toBe(true);
  expect((await savePlanDates(deps, userId, planId, { dueDates, cadenceMonths: 1 })).ok).toBe(true);
  await startPlan(deps, userId, planId);
  return planId;
}

export async function planRow(app: TestApp, planId: string) {
  return app.coach.deps.repos.plans.find(planId);
}

export async function changesOf(app: TestApp, planId: string) {
  return app.coach.deps.repos.plans.changes(planId);
}

/** Runs the monthly-checkins job once, as node-cron or the CLI would, at `at`. */
export async function runCheckIns(app: TestApp, at: string | Date): Promise<JobResult> {
  const job = findJob('monthly-checkins');
  expect(job, 'the monthly-checkins job is registered').toBeDefined();
  const when = new Date(at);
  app.setNow(when);
  return (job as NonNullable<typeof job>).run(app.coach.deps, when);
}

export function posted(app: TestApp, channel: string): RecordedCall[] {
  return app.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel && (c.response as { ok?: boolean }).ok);
}

export function dmsTo(app: TestApp, userId: string): RecordedCall[] {
  return posted(app, `D${userId}`);
}

export function buttons(call: RecordedCall): { action_id: string; value?: string }[] {
  const blocks = (call.args.blocks ?? []) as { type: string; elements?: { action_id: string; value?: string }[] }[];
  return blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
}

/** The view a view_submission's ack put in place (response_action: update). */
export function updatedView(res: { json<T>(): T }): { callback_id: string; private_metadata?: string; blocks: unknown[] } {
  const body = res.json<{ response_action: string; view: { callback_id: string; private_metadata?: string; blocks: unknown[] } }>();
  expect(body.response_action).toBe('update');
  return body.view;
}

export const settle = (ms = 250) => new Promise((resolve) => setTimeout(resolve, ms));
