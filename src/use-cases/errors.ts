// Requests a use case cannot carry out, by name. Each has one user-facing message, in
// src/slack/respond.ts; the log line says what happened, the user reads what to do.

export abstract class UseCaseError extends Error {
  constructor(readonly userId: string, message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The user has no profile yet: nothing can be tagged, scheduled or planned without one. */
export class NotOnboardedError extends UseCaseError {
  constructor(userId: string) {
    super(userId, 'the user has not onboarded');
  }
}

/**
 * The win is not there, or it belongs to someone else (a forged or stale id). The two are
 * one error on purpose: telling them apart would confirm that someone else's id exists.
 */
export class WinNotFoundError extends UseCaseError {
  constructor(userId: string, readonly winId: string) {
    super(userId, 'no such win for this user');
  }
}

/** A nudge button for a week the user was never nudged about: forged, or from another install. */
export class WeekNotNudgedError extends UseCaseError {
  constructor(userId: string, readonly week: string) {
    super(userId, 'no nudge was sent to this user for that week');
  }
}
