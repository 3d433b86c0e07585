// The career conversation once the prep is done: its date and time, the .ics invite,
// the day-before reminder (scheduled in Slack, so it arrives even if the app is down),
// the follow-up the day after (through the delivery engine), rescheduling, cancelling,
// and what the manager said, kept on the meeting for the hedge flow to pick up.
import { DateTime } from 'luxon';
import type * as Ics from 'ics';
import type { FollowUpRow, MeetingRecord } from '../db/index.js';
import { deliveryEngine, type DeliveryMessage, type RunCounts } from '../delivery/engine.js';
import { isValidZone, localDate, parseTimeOfDay } from '../schedule/weekly.js';
import type { Deps, SlackMessage } from './deps.js';
import { NotOnboardedError, NotYourMeetingError } from './errors.js';
import { formatLocalInstant } from './home.js';
import { NOT_A_ONE_ON_ONE } from './one-pager.js';
import { hasErrors, invalid, ok, type FieldErrors, type Result } from './result.js';
import { lazyRequire } from '../lazy-require.js';

// Only the prep flow's meeting invite needs it.
const ics = lazyRequire<typeof Ics>('ics');

/** The reminder goes out the day before, at this hour on the user's clock. */
export const REMINDER_HOUR = 10;
/** The follow-up asks the day after, at this hour on the user's clock. */
export const FOLLOW_UP_HOUR = 10;
/** Slack schedules messages at most 120 days ahead. */
export const SCHEDULE_HORIZON_DAYS = 120;
export const MEETING_AHEAD_MAX_DAYS = 365;
export const MANAGER_SAID_MAX = 3000;
export const FOLLOW_UP_KIND = 'meeting_followup';

export type MeetingField = 'date' | 'time';

export interface MeetingForm {
  meetingId: string;
  /** YYYY-MM-DD and HH:mm on the user's clock, when it is scheduled. */
  date: string | null;
  time: string | null;
  today: string;
  zone: string;
}

/** Why there is no day-before reminder, when there is none. */
export type ReminderPlan = { at: Date } | { skipped: 'too_soon' | 'too_far' };

export interface MeetingScheduled {
  meetingId: string;
  /** "Thursday 3 Dec, 14:00", the user's time. */
  when: string;
  rescheduled: boolean;
  reminder: ReminderPlan;
  /** The manager is on the .ics by email; false when Slack did not give one (name only in the description). */
  attendeeByEmail: boolean;
  managerId: string;
}

export interface MeetingMessages {
  /** The DM Slack posts the day before. */
  reminder: (args: { managerId: string; when: string }) => SlackMessage;
  /** The confirmation above the .ics, with the buttons to move or cancel it. */
  scheduled: (args: MeetingScheduled) => SlackMessage;
}

async function zoneOf(deps: Deps, userId: string): Promise<string> {
  const tz = (await deps.repos.users.find(userId))?.tz ?? null;
  return isValidZone(tz) ? tz : 'UTC';
}

async function ownedMeeting(deps: Deps, userId: string, meetingId: string): Promise<MeetingRecord> {
  const meeting = await deps.repos.prep.findOwnedMeeting(userId, meetingId);
  if (!meeting) throw new NotYourMeetingError(userId, meetingId);
  return meeting;
}

/** What the date-and-time modal starts with. */
export async function meetingFormFor(deps: Deps, userId: string, meetingId: string): Promise<MeetingForm> {
  const [meeting, zone] = await Promise.all([ownedMeeting(deps, userId, meetingId), zoneOf(deps, userId)]);
  const at = meeting.scheduledAt ? DateTime.fromJSDate(meeting.scheduledAt, { zone }) : null;
  return { meetingId, date: at?.toISODate() ?? null, time: at?.toFormat('HH:mm') ?? null, today: localDate(deps.clock(), zone), zone };
}

/** The meeting's instant from a date and a time on the user's clock; field errors when it cannot be used. */
export async function checkMeetingTime(
  deps: Deps,
  userId: string,
  meetingId: string,
  form: { date: string | null; time: string | null },
): Promise<Result<Date, MeetingField>> {
  await ownedMeeting(deps, userId, meetingId);
  const zone = await zoneOf(deps, userId);
  const errors: FieldErrors<MeetingField> = {};
  const minute = form.time ? parseTimeOfDay(form.time) : null;
  const day = form.date && /^\d{4}-\d{2}-\d{2}$/.test(form.date) ? DateTime.fromISO(form.date, { zone }) : null;
  if (!day?.isValid) errors.date = 'Pick the day of the meeting.';
  if (minute === null) errors.time = 'Pick the time it starts, like 14:00.';
  if (hasErrors(errors) || !day || minute === null) return invalid(errors);
  const at = day.set({ hour: Math.floor(minute / 60), minute: minute % 60 });
  const now = DateTime.fromJSDate(deps.clock());
  if (at <= now) return invalid({ date: 'That time has passed: pick when the meeting will happen.' });
  if (at > now.plus({ days: MEETING_AHEAD_MAX_DAYS })) return invalid({ date: 'Pick a date within the next year.' });
  return ok(at.toJSDate());
}

/** The day before at 10:00 their time, if Slack can still schedule it. */
export function reminderFor(scheduledAt: Date, zone: string, now: Date): ReminderPlan {
  const at = DateTime.fromJSDate(scheduledAt, { zone }).minus({ days: 1 }).set({ hour: REMINDER_HOUR, minute: 0, second: 0, millisecond: 0 });
  if (at.toMillis() <= now.getTime() + 60_000) return { skipped: 'too_soon' };
  if (at.toMillis() > now.getTime() + SCHEDULE_HORIZON_DAYS * 86_400_000) return { skipped: 'too_far' };
  return { at: at.toJSDate() };
}

/** The day after at 10:00 their time. */
export function followUpDue(scheduledAt: Date, zone: string): Date {
  return DateTime.fromJSDate(scheduledAt, { zone }).plus({ days: 1 }).set({ hour: FOLLOW_UP_HOUR, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}

/**
 * Sets or moves the meeting: the old reminder is removed, a new one scheduled, and the
 * .ics posted. The meeting's time is saved before any Slack call, so the follow-up job
 * and Home see it even if Slack fails half-way.
 */
export async function scheduleMeeting(
  deps: Deps,
  userId: string,
  meetingId: string,
  form: { date: string | null; time: string | null },
  messages: MeetingMessages,
): Promise<Result<MeetingScheduled, MeetingField>> {
  const checked = await checkMeetingTime(deps, userId, meetingId, form);
  if (!checked.ok) return checked;
  const scheduledAt = checked.value;
  const [meeting, zone, profile] = await Promise.all([
    ownedMeeting(deps, userId, meetingId),
    zoneOf(deps, userId),
    deps.repos.users.findProfile(userId),
  ]);
  if (!profile) throw new NotOnboardedError(userId);
  if (meeting.reminderMessageId) await deps.slack.deleteScheduledDm(userId, meeting.reminderMessageId);
  await deps.repos.prep.updateMeeting(userId, meetingId, { scheduledAt, reminderMessageId: null });

  const when = formatLocalInstant(scheduledAt, zone);
  const reminder = reminderFor(scheduledAt, zone, deps.clock());
  if ('at' in reminder) {
    const { scheduledMessageId } = await deps.slack.scheduleDm(userId, reminder.at, messages.reminder({ managerId: profile.managerId, when }));
    await deps.repos.prep.updateMeeting(userId, meetingId, { reminderMessageId: scheduledMessageId });
  }

  const manager = await deps.slack.userContact(profile.managerId).catch((err: unknown) => {
    deps.logger.warn({ err, userId }, 'could not read the manager’s name and email; the invite goes without them');
    return { name: null, email: null };
  });
  const scheduled: MeetingScheduled = {
    meetingId,
    when,
    rescheduled: meeting.scheduledAt !== null,
    reminder,
    attendeeByEmail: manager.email !== null,
    managerId: profile.managerId,
  };
  await deps.slack.postDm(userId, messages.scheduled(scheduled));
  await deps.slack.uploadDmFile(userId, {
    filename: 'career-conversation.ics',
    title: meeting.title,
    content: meetingIcs({ meeting: { ...meeting, scheduledAt }, manager }),
    comment: 'Open this to add the meeting to your calendar.',
  });
  return ok(scheduled);
}

/**
 * The invite as an iCalendar file. The manager is an attendee only with an email: an
 * ATTENDEE line needs an address, and one without breaks strict calendars. Without it,
 * their name goes in the description and the user adds them in their calendar.
 */
export function meetingIcs({ meeting, manager }: { meeting: MeetingRecord & { scheduledAt: Date }; manager: { name: string | null; email: string | null } }): string {
  const description = [
    NOT_A_ONE_ON_ONE,
    ...(manager.email ? [] : [`With ${manager.name ?? 'your manager'} (add them as a guest).`]),
    '',
    meeting.onePager,
  ].join('\n');
  const { error, value } = ics().createEvent({
    uid: `${meeting.id}@promo-coach`,
    productId: 'promo-coach',
    start: meeting.scheduledAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: meeting.durationMinutes },
    title: meeting.title,
    description,
    ...(manager.email ? { attendees: [{ name: manager.name ?? manager.email, email: manager.email, rsvp: true, role: 'REQ-PARTICIPANT' as const }] } : {}),
  });
  if (error || !value) throw error ?? new Error('ics returned no calendar');
  return value;
}

/** Cancels the meeting: its reminder is removed and no follow-up will ask about it. */
export async function cancelMeeting(deps: Deps, userId: string, meetingId: string): Promise<{ wasScheduled: boolean }> {
  const meeting = await ownedMeeting(deps, userId, meetingId);
  if (meeting.reminderMessageId) await deps.slack.deleteScheduledDm(userId, meeting.reminderMessageId);
  await deps.repos.prep.updateMeeting(userId, meetingId, { scheduledAt: null, reminderMessageId: null });
  return { wasScheduled: meeting.scheduledAt !== null };
}

/** Whether the follow-up's button may open its modal for this user. */
export async function followUpFor(deps: Deps, userId: string, meetingId: string): Promise<{ meetingId: string; managerSaid: string | null }> {
  const meeting = await ownedMeeting(deps, userId, meetingId);
  return { meetingId, managerSaid: meeting.managerSaid };
}

export interface FollowUpContent {
  meetingId: string;
  userId: string;
}

/** How far back a follow-up can still be due: a meeting late in the evening is asked about ~34 h later, plus the catch-up window. */
const FOLLOW_UP_LOOKBACK_MS = 48 * 60 * 60 * 1000;

/** Every follow-up due at `at`, sent once per meeting and time through the delivery engine. */
export async function sendDueFollowUps(deps: Deps, at: Date, options: { message: (content: FollowUpContent) => DeliveryMessage }): Promise<RunCounts> {
  const engine = deliveryEngine({ deliveries: deps.repos.deliveries, slack: deps.slack, logger: deps.logger });
  return engine.runDue<FollowUpRow>(
    {
      name: 'followup',
      page: (after, limit) =>
        deps.repos.prep.meetingsHeldBetween(new Date(at.getTime() - FOLLOW_UP_LOOKBACK_MS), at, after && { scheduledAt: after.scheduledAt, meetingId: after.meetingId }, limit),
      plan: (rows) =>
        rows.map((row) => {
          if (row.managerSaid !== null) return { skip: 'answered' };
          const zone = isValidZone(row.tz) ? row.tz : 'UTC';
          const dueAt = followUpDue(row.scheduledAt, zone);
          if (dueAt > at) return { skip: 'not_due' };
          // A rescheduled meeting is a new conversation to ask about: the period names its date.
          const period = `${row.meetingId}:${localDate(row.scheduledAt, zone)}`;
          return {
            kind: FOLLOW_UP_KIND,
            period,
            dueAt,
            userId: row.userId,
            dmChannelId: row.dmChannelId,
            message: () => options.message({ meetingId: row.meetingId, userId: row.userId }),
          };
        }),
    },
    at,
  );
}

