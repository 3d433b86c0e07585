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

/**
 * The prep is not this user's, or it is no longer open (finished, or replaced by "Start
 * over" in another window). One error for both, like WinNotFoundError: a forged id learns nothing.
 */
export class NotYourPrepError extends UseCaseError {
  constructor(userId: string, readonly draftId: string) {
    super(userId, 'no open prep draft with that id for this user');
  }
}

/** The meeting is not this user's (a forged or stale id in a button or a modal). */
export class NotYourMeetingError extends UseCaseError {
  constructor(userId: string, readonly meetingId: string) {
    super(userId, 'no meeting with that id for this user');
  }
}

/**
 * The plan (or its check-in) is not this user's, or is not there: a forged or stale id in a
 * button value or private_metadata. One error for both, so a forged id learns nothing.
 */
export class NotYourPlanError extends UseCaseError {
  constructor(userId: string, readonly planId: string) {
    super(userId, 'no such plan for this user');
  }
}

/** Someone other than the engineer's manager pressed a manager-only button on a shared plan. */
export class NotThePlanManagerError extends UseCaseError {
  constructor(userId: string, readonly planId: string) {
    super(userId, 'only the engineer’s manager may do this');
  }
}

/** The plan cannot be built yet: the target cycle has no calibration date ahead. */
export class NoCalibrationAheadError extends UseCaseError {
  constructor(userId: string) {
    super(userId, 'no calibration date ahead to plan toward');
  }
}

/** Workspace settings are for admins: Slack's admins and owners, and the ids the operator configured. */
export class NotAnAdminError extends UseCaseError {
  constructor(userId: string) {
    super(userId, 'the user is not a workspace admin');
  }
}
