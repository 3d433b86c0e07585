// Every Slack id the app uses, named once. Views build with these, listeners match on
// them, and the manifest test reads COMMAND, SHORTCUTS and EVENTS to check the manifest.

export const COMMAND = '/promo';

export const SHORTCUTS = {
  saveAsWin: 'save_as_win',
} as const;

export const EVENTS = {
  appHomeOpened: 'app_home_opened',
  message: 'message',
} as const;

/** Modal callback ids. */
export const VIEWS = {
  onboarding: 'onboarding',
} as const;

/** Block ids (one per input) and action ids (one per element). */
export const ONBOARDING = {
  currentLevelBlock: 'current_level',
  currentLevelAction: 'current_level_select',
  targetLevelBlock: 'target_level',
  targetLevelAction: 'target_level_select',
  managerBlock: 'manager',
  managerAction: 'manager_select',
  cycleBlock: 'target_cycle',
  cycleAction: 'target_cycle_select',
  nudgeDayBlock: 'nudge_day',
  nudgeDayAction: 'nudge_day_select',
  nudgeTimeBlock: 'nudge_time',
  nudgeTimeAction: 'nudge_time_picker',
} as const;

export const ACTIONS = {
  homeGetStarted: 'home_get_started',
  homeEditProfile: 'home_edit_profile',
} as const;
