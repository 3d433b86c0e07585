// Each person's data rights: a copy of everything stored about them, and erasure.
// Erasure removes every row that is theirs and their id from other people's rows; a
// shared plan's post in the manager channel is replaced, so the manager keeps no copy.
import type { RemovedCounts } from '../db/repositories/data-rights.js';
import { localDate } from '../schedule/weekly.js';
import type { Deps } from './deps.js';

export const REMOVED_POST_TEXT = "This plan was removed at the engineer's request.";

type DataDeps = Pick<Deps, 'repos' | 'slack' | 'logger' | 'clock'>;

export interface UserExport {
  filename: string;
  json: string;
  /** Records per kind, for the message that comes with the file. */
  counts: Record<string, number>;
}

/** Everything stored about the user, as one JSON document (the operator CLI prints the same). */
export async function exportUserData(deps: Pick<Deps, 'repos' | 'clock'>, userId: string): Promise<UserExport> {
  const data = await deps.repos.dataRights.exportUser(userId);
  const document = {
    exportedAt: deps.clock().toISOString(),
    userId,
    note:
      'Everything Promo Coach stores about you. Other engineers who named you as their manager are counted, not listed: their records are theirs.',
    ...data,
  };
  const counts: Record<string, number> = {
    wins: data.wins.length,
    pendingWins: data.pendingWins.length,
    prepDrafts: data.prepDrafts.length,
    meetings: data.meetings.length,
    plans: data.plans.length,
    checkIns: data.checkIns.length,
    outcomes: data.outcomes.length,
  };
  return {
    filename: `promo-coach-export-${localDate(deps.clock(), 'UTC')}.json`,
    json: `${JSON.stringify(document, null, 2)}\n`,
    counts,
  };
}

/** `/promo export`: the JSON arrives as a file in the user's DM. */
export async function sendUserExport(deps: DataDeps, userId: string): Promise<UserExport> {
  const exported = await exportUserData(deps, userId);
  const total = Object.values(exported.counts).reduce((a, b) => a + b, 0);
  await deps.slack.uploadDmFile(userId, {
    filename: exported.filename,
    title: 'Everything Promo Coach stores about you',
    content: exported.json,
    comment: `Here is everything I keep about you: your profile and ${total} records (wins, preps, plans, check-ins and the rest), as JSON.`,
  });
  return exported;
}

export interface ForgetResult {
  removed: RemovedCounts;
  /** Shared-plan posts replaced with a removal note. */
  postsReplaced: number;
  /** Posts Slack would not let us replace (channel archived, app removed): the operator may need to act. */
  postsFailed: number;
  remindersCancelled: number;
}

/**
 * Erases the user. Slack comes first: once the rows are gone, nothing would remember
 * which posts and scheduled reminders were theirs. A Slack failure is logged and counted,
 * and never stops the erasure itself.
 */
export async function forgetUser(deps: DataDeps, userId: string): Promise<ForgetResult> {
  const [posts, reminders] = await Promise.all([
    deps.repos.dataRights.sharedPosts(userId),
    deps.repos.dataRights.scheduledReminders(userId),
  ]);
  let postsReplaced = 0;
  let postsFailed = 0;
  for (const post of posts) {
    try {
      await deps.slack.replaceMessage(post.channelId, post.ts, REMOVED_POST_TEXT);
      postsReplaced += 1;
    } catch (error) {
      postsFailed += 1;
      deps.logger.warn({ err: error, channelId: post.channelId }, 'could not replace a shared plan post while forgetting a user');
    }
  }
  let remindersCancelled = 0;
  for (const id of reminders) {
    try {
      await deps.slack.deleteScheduledDm(userId, id);
      remindersCancelled += 1;
    } catch (error) {
      deps.logger.warn({ err: error }, 'could not cancel a scheduled reminder while forgetting a user');
    }
  }
  const removed = await deps.repos.dataRights.deleteUser(userId);
  // The id is the one thing the log keeps: the operator's record that the request was done.
  deps.logger.info({ userId, postsReplaced, postsFailed, remindersCancelled }, 'user forgotten at their request');
  return { removed, postsReplaced, postsFailed, remindersCancelled };
}
