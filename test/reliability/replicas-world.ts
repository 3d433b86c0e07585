// The people the replicas suite runs a month for, how they are set up (through the app's
// own use cases, against a fake Slack, on a clock the suite moves), and what each of them
// should receive: worked out here from their settings with luxon alone, not read back from
// the app's tables.
import { DateTime } from 'luxon';
import type { AppDeps } from '../../src/deps.js';
import { cancelMeeting, scheduleMeeting } from '../../src/use-cases/meetings.js';
import { answerNothingThisWeek, pauseNudges, snoozeToMonday } from '../../src/use-cases/nudges.js';
import { checkInForm, submitCheckIn } from '../../src/use-cases/checkins.js';
import { recordManagerAnswer } from '../../src/use-cases/hedge.js';
import { settleProfile, submitProfile } from '../../src/use-cases/onboarding.js';
import { confirmPlan, openPlanBuilder, savePlanCriteria, savePlanDates, sharePlan, startPlan } from '../../src/use-cases/plans.js';
import { setCycle } from '../../src/use-cases/cycles.js';
import { planMessages } from '../../src/slack/views/plan-messages.js';
import { meetingReminderMessage, meetingScheduledMessage } from '../../src/slack/views/prep-messages.js';
import { findJob } from '../../src/jobs/index.js';
import type { FakeSlack } from '../support/fake-slack.js';

export const STEP_MINUTES = 60;
const STEP_MS = STEP_MINUTES * 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Everyone onboards on Monday 22 February 2027; the week before the month is run in the test's own process. */
export const SEED_AT = new Date('2027-02-22T00:00:00Z');
/** March 2027: both daylight-saving changes (US 14 March, EU 28 March) fall inside it, on Sundays. */
export const MONTH_FROM = new Date('2027-03-01T00:00:00Z');
export const MONTH_TICKS = 31 * 24;
/** Then 1–5 April, the replicas in lock-step, with people acting between ticks. */
export const LOCKSTEP_FROM = new Date(MONTH_FROM.getTime() + MONTH_TICKS * STEP_MS);
export const LOCKSTEP_TICKS = 5 * 24;

export const SPRING = { name: 'Spring 2027', calibrationDate: '2027-03-15' };
export const WINTER = { name: 'Winter 2027', calibrationDate: '2027-12-01' };

const ZONES = ['America/Los_Angeles', 'America/New_York', 'America/Sao_Paulo', 'Europe/London', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Tokyo', 'Australia/Sydney', 'Pacific/Auckland'];
/** Nudge times, some between ticks, one just before midnight, one just after, one in the small hours. */
const MINUTES = [540, 555, 600, 690, 720, 810, 900, 960, 1005, 1080, 1410, 20, 150];
const MEETING_TIMES = ['09:30', '14:00', '16:45', '11:15', '23:30'];

export interface PlanSpec {
  cycle: typeof SPRING | typeof WINTER;
  /** The local date the plan was started on: the first check-in is a cadence later. */
  start: string;
  cadence: 1 | 3;
  shared: boolean;
  confirmed: boolean;
  /** On 1 March, from Home, before the DM: answered it, or only opened it and closed the modal. */
  early?: 'answered' | 'opened';
}

export interface Person {
  id: string;
  tz: string;
  day: number;
  minute: number;
  managerId: string;
  pausedUntil?: string;
  /** What they did with the nudge of the week before the month. */
  snooze?: 'snooze' | 'snooze_then_answer' | 'snooze_then_pause';
  plan?: PlanSpec;
  meeting?: { date: string; time: string; movedTo?: string; cancelled?: boolean };
}

const PLANS: Record<number, PlanSpec> = {
  0: { cycle: SPRING, start: '2027-02-03', cadence: 1, shared: false, confirmed: false },
  6: { cycle: WINTER, start: '2027-02-02', cadence: 1, shared: true, confirmed: true },
  // Its first check-in would fall after calibration: it gets only the outcome question.
  9: { cycle: SPRING, start: '2027-02-20', cadence: 1, shared: false, confirmed: false },
  12: { cycle: WINTER, start: '2027-02-05', cadence: 1, shared: true, confirmed: false },
  15: { cycle: WINTER, start: '2027-02-12', cadence: 1, shared: false, confirmed: false },
  18: { cycle: SPRING, start: '2027-02-10', cadence: 1, shared: true, confirmed: false },
  21: { cycle: WINTER, start: '2027-02-17', cadence: 1, shared: true, confirmed: true },
  24: { cycle: WINTER, start: '2027-02-26', cadence: 1, shared: false, confirmed: false },
  30: { cycle: WINTER, start: '2026-12-07', cadence: 3, shared: true, confirmed: false },
  33: { cycle: WINTER, start: '2027-02-09', cadence: 1, shared: false, confirmed: false, early: 'answered' },
  36: { cycle: WINTER, start: '2027-02-14', cadence: 1, shared: true, confirmed: false },
  39: { cycle: WINTER, start: '2027-02-19', cadence: 1, shared: false, confirmed: false, early: 'opened' },
  42: { cycle: WINTER, start: '2027-02-04', cadence: 1, shared: true, confirmed: true },
};

const pad = (n: number) => String(n).padStart(3, '0');

function person(i: number): Person {
  const p: Person = { id: `UREP${pad(i)}`, tz: ZONES[i % ZONES.length] as string, day: (i % 7) + 1, minute: MINUTES[i % MINUTES.length] as number, managerId: `UMGR${i % 5}` };
  if (i % 8 === 3) p.pausedUntil = i % 16 === 3 ? '2027-03-10' : '2027-04-30';
  if (i % 8 === 5) p.snooze = i % 16 === 13 ? 'snooze_then_answer' : 'snooze';
  if (PLANS[i]) p.plan = PLANS[i];
  if (i % 4 === 1) {
    const date = DateTime.fromISO('2027-03-02').plus({ days: (i * 3) % 27 });
    p.meeting = { date: date.toISODate() as string, time: MEETING_TIMES[i % MEETING_TIMES.length] as string };
    if (i % 12 === 1) p.meeting.movedTo = date.plus({ days: 9 }).toISODate() as string;
    if (i % 12 === 5) p.meeting.cancelled = true;
  }
  return p;
}

export const PEOPLE: Person[] = [
  ...Array.from({ length: 48 }, (_, i) => person(i)),
  // A slot inside each daylight-saving gap: 02:30 on 14 March in New York, 01:30 and 02:15 on 28 March in Europe.
  { id: 'UDSTNY', tz: 'America/New_York', day: 7, minute: 150, managerId: 'UMGR0' },
  { id: 'UDSTLON', tz: 'Europe/London', day: 7, minute: 90, managerId: 'UMGR1' },
  { id: 'UDSTBER', tz: 'Europe/Berlin', day: 7, minute: 135, managerId: 'UMGR2' },
  { id: 'USNZPAUSE', tz: 'Europe/Berlin', day: 5, minute: 900, managerId: 'UMGR3', snooze: 'snooze_then_pause' },
];
/** Who snoozes in the lock-step days, whatever nudge they had last. */
export const LOCKSTEP_SNOOZERS = PEOPLE.filter((p, i) => i < 48 && i % 8 === 7 && !p.pausedUntil).map((p) => p.id);
/** Writes down what the manager said on the day of the meeting, before the follow-up asks. */
export const ANSWERS_MEETING = 'UREP025';
/** Answers April's check-in before its reminder. */
export const ANSWERS_CHECKIN = 'UREP006';
const SNOOZE_THEN_PAUSE_UNTIL = '2027-03-05';

export function tickAt(index: number): Date {
  return new Date(MONTH_FROM.getTime() + index * STEP_MS);
}

/** The first tick at or after `at`, on the grid every phase shares. */
function tickOf(at: Date): number {
  return MONTH_FROM.getTime() + Math.ceil((at.getTime() - MONTH_FROM.getTime()) / STEP_MS) * STEP_MS;
}

const local = (date: string, minute: number, tz: string) =>
  DateTime.fromISO(date, { zone: tz }).set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 });

// ---- setting the world up ----

export interface Seeded {
  planIds: Map<string, string>;
  meetingIds: Map<string, string>;
  /** The week each pre-month snoozer snoozed, and when. */
  snoozes: Map<string, { week: string; at: Date }>;
  /** What happened in the lock-step days, as it was done. */
  lockstep: { snoozes: Map<string, { week: string; at: Date }>; answeredMeeting?: string; answeredCheckIn?: string };
}

export interface Clock {
  now: Date;
}

/**
 * Onboards everyone, pauses, plans and meetings through the use cases, then runs the
 * week before the month (weekly nudges only: nothing else is due) in this process,
 * snoozing as people do, and answers or opens check-ins early on 1 March.
 */
export async function seedWorld(deps: AppDeps, fake: FakeSlack, clock: Clock): Promise<Seeded> {
  const seeded: Seeded = { planIds: new Map(), meetingIds: new Map(), snoozes: new Map(), lockstep: { snoozes: new Map() } };
  clock.now = SEED_AT;
  for (const cycle of [SPRING, WINTER]) expectOk(await setCycle(deps, cycle.name, cycle.calibrationDate), `cycle ${cycle.name}`);
  for (const m of ['UMGR0', 'UMGR1', 'UMGR2', 'UMGR3', 'UMGR4']) fake.setUser(m, { tz: 'Europe/London', real_name: `Manager ${m}`, email: `${m.toLowerCase()}@example.com` });

  await inParallel(PEOPLE, async (p) => {
    fake.setUser(p.id, { tz: p.tz });
    const form = { currentLevel: 'senior', targetLevel: 'staff', managerId: p.managerId, targetCycle: (p.plan?.cycle ?? WINTER).name, nudgeDay: p.day, nudgeMinute: p.minute };
    expectOk(await submitProfile(deps, p.id, form), `onboarding ${p.id}`);
    await settleProfile(deps, p.id);
    if (p.pausedUntil) expectOk(await pauseNudges(deps, p.id, p.pausedUntil), `pause ${p.id}`);
  });

  // Each plan was started on its own day, on that person's clock.
  await inParallel(PEOPLE.filter((x) => x.plan), async (p) => {
    const plan = p.plan as PlanSpec;
    const started = local(plan.start, 12 * 60, p.tz).toJSDate();
    const then = { ...deps, clock: () => started };
    const opened = await openPlanBuilder(then, p.id);
    const planId = opened.data.planId;
    expectOk(await savePlanCriteria(then, p.id, planId, CRITERIA), `criteria ${p.id}`);
    const dueDates = plan.cycle === SPRING ? [SPRING.calibrationDate, SPRING.calibrationDate] : ['2027-06-30', '2027-11-30'];
    expectOk(await savePlanDates(then, p.id, planId, { dueDates, cadenceMonths: plan.cadence }), `dates ${p.id}`);
    await startPlan(then, p.id, planId);
    if (plan.shared) await sharePlan(then, p.id, planId, planMessages);
    if (plan.confirmed) await confirmPlan(then, p.managerId, planId, planMessages);
    seeded.planIds.set(p.id, planId);
  });

  const meetingMessages = { reminder: meetingReminderMessage, scheduled: meetingScheduledMessage };
  await inParallel(PEOPLE.filter((x) => x.meeting), async (p) => {
    const meeting = p.meeting as NonNullable<Person['meeting']>;
    const { draft } = await deps.repos.prep.openOrCreateDraft(p.id, WINTER.name, clock.now);
    const made = await deps.repos.prep.completeDraft(p.id, draft.id, { title: 'Career conversation: Staff Engineer', durationMinutes: 45, onePager: '# One-pager' });
    if (!made) throw new Error(`no meeting for ${p.id}`);
    expectOk(await scheduleMeeting(deps, p.id, made.id, { date: meeting.date, time: meeting.time }, meetingMessages), `meeting ${p.id}`);
    if (meeting.movedTo) expectOk(await scheduleMeeting(deps, p.id, made.id, { date: meeting.movedTo, time: meeting.time }, meetingMessages), `move ${p.id}`);
    if (meeting.cancelled) await cancelMeeting(deps, p.id, made.id);
    seeded.meetingIds.set(p.id, made.id);
  });

  // The week before the month, on the same grid, snoozing each nudge the moment it lands.
  const weekly = findJob('weekly-nudges');
  if (!weekly) throw new Error('no weekly-nudges job');
  const snoozers = PEOPLE.filter((p) => p.snooze);
  for (let at = SEED_AT.getTime(); at < MONTH_FROM.getTime(); at += STEP_MS) {
    clock.now = new Date(at);
    const { weekly_sent: sent } = await weekly.run(deps, clock.now);
    if (!sent) continue;
    for (const p of snoozers.filter((s) => !seeded.snoozes.has(s.id))) {
      const nudged = await deps.database.prisma.delivery.findFirst({ where: { userId: p.id, kind: 'weekly_nudge', status: 'sent' } });
      if (!nudged) continue;
      await snoozeToMonday(deps, p.id, nudged.period);
      if (p.snooze === 'snooze_then_answer') await answerNothingThisWeek(deps, p.id, nudged.period);
      if (p.snooze === 'snooze_then_pause') expectOk(await pauseNudges(deps, p.id, SNOOZE_THEN_PAUSE_UNTIL), `pause ${p.id}`);
      seeded.snoozes.set(p.id, { week: nudged.period, at: clock.now });
    }
  }
  if (seeded.snoozes.size !== snoozers.length) throw new Error('a snoozer was never nudged in the week before the month');

  // 1 March, 00:00 UTC: already 1 March on these people's clocks, so the check-in is March's.
  clock.now = MONTH_FROM;
  for (const p of PEOPLE.filter((x) => x.plan?.early)) {
    const form = await checkInForm(deps, p.id);
    if (!form?.period.endsWith('-03')) throw new Error(`${p.id}: no March check-in to open early (${form?.period})`);
    if (p.plan?.early === 'answered') expectOk(await submitCheckIn(deps, p.id, form.checkInId, { statuses: {}, evidence: {}, note: 'Ahead of the DM' }, planMessages), `early ${p.id}`);
  }
  return seeded;
}

/**
 * What people do between lock-step ticks, at the tick given (both replicas wait at it):
 * a note of the manager's answer on the day of a meeting, snoozes, an early check-in answer.
 */
export async function actBetweenTicks(deps: AppDeps, clock: Clock, index: number, seeded: Seeded): Promise<void> {
  const at = tickAt(index);
  const ts = at.toISOString();
  clock.now = at;
  if (ts === '2027-04-01T12:00:00.000Z') {
    const meetingId = seeded.meetingIds.get(ANSWERS_MEETING) as string;
    expectOk(await recordManagerAnswer(deps, ANSWERS_MEETING, { text: 'Not this cycle: show me the migration landed first.', meetingId }), 'manager answer');
    seeded.lockstep.answeredMeeting = meetingId;
  }
  if (ts === '2027-04-03T00:00:00.000Z') {
    for (const id of LOCKSTEP_SNOOZERS) {
      const p = PEOPLE.find((x) => x.id === id) as Person;
      const week = latestSlot(p, at).toFormat("kkkk-'W'WW");
      await snoozeToMonday(deps, id, week);
      seeded.lockstep.snoozes.set(id, { week, at });
    }
  }
  if (ts === '2027-04-03T12:00:00.000Z') {
    const form = await checkInForm(deps, ANSWERS_CHECKIN);
    if (!form?.period.endsWith('-04')) throw new Error(`${ANSWERS_CHECKIN}: no April check-in open (${form?.period})`);
    expectOk(await submitCheckIn(deps, ANSWERS_CHECKIN, form.checkInId, { statuses: {}, evidence: {}, note: 'Done before the reminder' }, planMessages), 'April check-in');
    seeded.lockstep.answeredCheckIn = `${seeded.planIds.get(ANSWERS_CHECKIN) as string}/2027-04`;
  }
}

const CRITERIA = [
  'Lead the design review for the search migration, signed off by the payments and ads teams',
  'Write the on-call runbook for the billing service and run two training sessions for the team',
];

/** People act independently: a few at a time, as a busy workspace would. */
async function inParallel<T>(items: T[], act: (item: T) => Promise<void>, width = 8): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(act));
}

function expectOk(result: { ok: boolean }, what: string): void {
  if (!result.ok) throw new Error(`${what}: ${JSON.stringify(result)}`);
}

// ---- what should arrive ----

export interface Expected {
  userId: string;
  kind: string;
  period: string;
  /** The tick it goes out on: the first at or after it is due. */
  tick: number;
}

export const keyOf = (d: { userId: string; kind: string; period: string }) => `${d.userId}|${d.kind}|${d.period}`;

/** The person's weekly slots (local weekday and time) between two instants. */
function slotsBetween(p: Person, from: Date, to: Date): DateTime[] {
  const out: DateTime[] = [];
  for (let d = DateTime.fromJSDate(from, { zone: p.tz }).startOf('day').minus({ days: 1 }); d.toMillis() <= to.getTime() + DAY_MS; d = d.plus({ days: 1 })) {
    if (d.weekday !== p.day) continue;
    const slot = local(d.toISODate() as string, p.minute, p.tz);
    if (slot.toMillis() >= from.getTime() && slot.toMillis() <= to.getTime()) out.push(slot);
  }
  return out;
}

function latestSlot(p: Person, at: Date): DateTime {
  const slots = slotsBetween(p, new Date(at.getTime() - 8 * DAY_MS), at);
  return slots[slots.length - 1] as DateTime;
}

/** A day "up to and including" a pause: nothing that lands on it (on their clock) is a nudge. */
function pausedOn(pausedUntil: string | undefined, tick: number, tz: string): boolean {
  return pausedUntil !== undefined && (DateTime.fromMillis(tick, { zone: tz }).toISODate() as string) <= pausedUntil;
}

/**
 * Every message due between the first and last tick (inclusive), for everyone: weekly
 * nudges, "Snooze to Monday" re-nudges, check-ins, their reminders three days later,
 * outcome questions and meeting follow-ups.
 */
export function expectedDeliveries(seeded: Seeded, firstTick: Date, lastTick: Date): Expected[] {
  const out: Expected[] = [];
  const inWindow = (tick: number) => tick >= firstTick.getTime() && tick <= lastTick.getTime();
  const add = (userId: string, kind: string, period: string, due: DateTime | Date) => {
    const tick = tickOf(due instanceof Date ? due : due.toJSDate());
    if (inWindow(tick)) out.push({ userId, kind, period, tick });
  };
  const pauseOf = (p: Person) => p.pausedUntil ?? (p.snooze === 'snooze_then_pause' ? SNOOZE_THEN_PAUSE_UNTIL : undefined);

  for (const p of PEOPLE) {
    const paused = pauseOf(p);
    for (const slot of slotsBetween(p, new Date(firstTick.getTime() - STEP_MS), lastTick)) {
      if (!pausedOn(paused, tickOf(slot.toJSDate()), p.tz)) add(p.id, 'weekly_nudge', slot.toFormat("kkkk-'W'WW"), slot);
    }
    // A re-nudge: the Monday after the snooze, at their nudge time; not for a week they answered, nor while paused.
    const snoozes = [seeded.snoozes.get(p.id), seeded.lockstep.snoozes.get(p.id)];
    for (const snooze of snoozes) {
      if (!snooze || p.snooze === 'snooze_then_answer') continue;
      let monday = DateTime.fromJSDate(snooze.at, { zone: p.tz }).startOf('week');
      let due = local(monday.toISODate() as string, p.minute, p.tz);
      while (due.toMillis() <= snooze.at.getTime()) {
        monday = monday.plus({ weeks: 1 });
        due = local(monday.toISODate() as string, p.minute, p.tz);
      }
      if (!pausedOn(paused, tickOf(due.toJSDate()), p.tz)) add(p.id, 'snooze_nudge', snooze.week, due);
    }

    if (p.plan) {
      const planId = seeded.planIds.get(p.id) as string;
      const { cycle, start, cadence, early } = p.plan;
      // The outcome question: the day after calibration, at their nudge time. Check-ins stop once it is asked.
      const outcome = local(DateTime.fromISO(cycle.calibrationDate).plus({ days: 1 }).toISODate() as string, p.minute, p.tz);
      const outcomeTick = tickOf(outcome.toJSDate());
      add(p.id, 'cycle_outcome', planId, outcome);
      for (let n = 1; ; n++) {
        const due = local(DateTime.fromISO(start).plus({ months: n * cadence }).toISODate() as string, p.minute, p.tz);
        if ((due.toISODate() as string) >= cycle.calibrationDate || due.toMillis() > lastTick.getTime()) break;
        const period = `${planId}/${due.toFormat('yyyy-LL')}`;
        // Answered from Home before the DM: nothing to ask, nothing to remind.
        if (early === 'answered' && n === 1) continue;
        add(p.id, 'checkin', period, due);
        // The reminder: three days after the DM went out, if still unanswered and the plan still running.
        const reminder = tickOf(due.toJSDate()) + 3 * DAY_MS;
        if (period !== seeded.lockstep.answeredCheckIn && reminder < outcomeTick) add(p.id, 'checkin_reask', period, new Date(reminder));
      }
    }

    if (p.meeting && !p.meeting.cancelled) {
      const meetingId = seeded.meetingIds.get(p.id) as string;
      if (meetingId === seeded.lockstep.answeredMeeting) continue;
      const date = p.meeting.movedTo ?? p.meeting.date;
      const followUp = DateTime.fromISO(date, { zone: p.tz }).plus({ days: 1 }).set({ hour: 10, minute: 0 });
      add(p.id, 'meeting_followup', `${meetingId}:${date}`, followUp);
    }
  }
  return out;
}
