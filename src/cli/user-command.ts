// `promo-coach user export <slack-user-id>` and `promo-coach user delete <slack-user-id>`:
// the operator's side of each person's data rights, through the same use cases as
// `/promo export` and `/promo forget-me`.
import { exportUserData, forgetUser } from '../use-cases/data-rights.js';
import type { Deps } from '../use-cases/deps.js';

export const USER_USAGE = `  user export <slack-user-id>  print everything stored about a person, as JSON
  user delete <slack-user-id>  delete everything stored about a person (as /promo forget-me does)`;

export interface UserCommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Export needs only the database. */
  openDatabase: () => Promise<{ deps: Pick<Deps, 'repos' | 'clock'>; close: () => Promise<void> }>;
  /** Delete also talks to Slack: shared-plan posts are replaced, scheduled reminders cancelled. */
  openWithSlack: () => Promise<{ deps: Pick<Deps, 'repos' | 'slack' | 'logger' | 'clock'>; close: () => Promise<void> }>;
}

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

/** Returns the exit code: 0 done, 2 usage error. */
export async function runUserCommand(args: string[], io: UserCommandIo): Promise<number> {
  const [action, userId, ...extra] = args;
  const problem =
    action !== 'export' && action !== 'delete'
      ? `user needs "export" or "delete", got ${action === undefined ? 'nothing' : `"${action}"`}`
      : !userId
        ? `user ${action} needs a Slack user id, such as U012ABCDEF`
        : !SLACK_USER_ID.test(userId)
          ? `"${userId}" is not a Slack user id (they look like U012ABCDEF)`
          : extra.length > 0
            ? `unexpected argument "${extra[0]}"`
            : null;
  if (problem || !userId) {
    io.stderr(`promo-coach: ${problem}\n\nUsage:\n${USER_USAGE}\n`);
    return 2;
  }
  if (action === 'export') {
    const { deps, close } = await io.openDatabase();
    try {
      io.stdout((await exportUserData(deps, userId)).json);
      return 0;
    } finally {
      await close();
    }
  }
  const { deps, close } = await io.openWithSlack();
  try {
    const { removed, postsReplaced, postsFailed, remindersCancelled } = await forgetUser(deps, userId);
    io.stdout(`${JSON.stringify({ userId, deleted: removed, postsReplaced, postsFailed, remindersCancelled })}\n`);
    if (postsFailed > 0) io.stderr(`promo-coach: ${postsFailed} shared post(s) could not be replaced in Slack; remove them by hand.\n`);
    return 0;
  } finally {
    await close();
  }
}
