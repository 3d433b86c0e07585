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

/** Buttons on the weekly nudge DM. */
export const NUDGE_ACTIONS = {
  logWin: 'nudge_log_win',
  nothingThisWeek: 'nudge_nothing_this_week',
  snoozeToMonday: 'nudge_snooze_monday',
  pause: 'nudge_pause',
} as const;

/** Win capture and management. */
export const WIN_ACTIONS = {
  homeLogWin: 'home_log_win',
  homeListWins: 'home_list_wins',
  edit: 'win_edit',
  delete: 'win_delete',
} as const;

export const HOME_ACTIONS = {
  nudgeSettings: 'home_nudge_settings',
  resumeNudges: 'home_resume_nudges',
} as const;

/** The nudge-control modals ("Pause nudges", nudge settings): callback, block and action ids. */
export const NUDGE_VIEWS = {
  pause: 'nudge_pause_modal',
  settings: 'nudge_settings_modal',
  pauseUntilBlock: 'nudge_pause_until',
  pauseUntilAction: 'nudge_pause_until_date',
  dayBlock: 'nudge_settings_day',
  dayAction: 'nudge_settings_day_select',
  timeBlock: 'nudge_settings_time',
  timeAction: 'nudge_settings_time_picker',
} as const;

/** The log/edit win modal and the "My wins" modal: callback, block and action ids. */
export const WIN_VIEWS = {
  win: 'win_modal',
  list: 'wins_list_modal',
  notice: 'win_notice_modal',
  textBlock: 'win_text',
  textAction: 'win_text_input',
  dateBlock: 'win_date',
  dateAction: 'win_date_picker',
  linkBlock: 'win_link',
  linkAction: 'win_link_input',
  criteriaBlock: 'win_criteria',
  criteriaAction: 'win_criteria_select',
  flagsBlock: 'win_flags',
  flagsAction: 'win_flags_checkboxes',
} as const;

/** Checkbox values in the win modal's flags input. */
export const WIN_FLAGS = {
  crossTeam: 'cross_team',
  enabledOthers: 'enabled_others',
} as const;

/** After the meeting: recording what the manager said, and the coach's reading of it. */
export const HEDGE_VIEWS = {
  input: 'hedge_modal',
  result: 'hedge_result_modal',
  textBlock: 'hedge_text',
  textAction: 'hedge_text_input',
} as const;

export const HEDGE_ACTIONS = {
  homeRecord: 'home_record_hedge',
  correctKind: 'hedge_correct_kind',
  buildPlan: 'hedge_build_plan',
} as const;

/** The plan builder (three steps), the plan overview, and the edit modal both people use. */
export const PLAN_VIEWS = {
  builder: 'plan_builder_modal',
  overview: 'plan_overview_modal',
  edit: 'plan_edit_modal',
  notice: 'plan_notice_modal',
  /** Block ids are these plus the criterion's position: plan_criterion_0 … plan_date_4. */
  criterionBlockPrefix: 'plan_criterion_',
  dateBlockPrefix: 'plan_date_',
  criterionAction: 'plan_criterion_input',
  dateAction: 'plan_date_picker',
  cadenceBlock: 'plan_cadence',
  cadenceAction: 'plan_cadence_select',
} as const;

export const PLAN_ACTIONS = {
  homeOpen: 'home_plan_open',
  share: 'plan_share',
  edit: 'plan_edit',
  /** On the shared post: the manager's buttons. */
  confirm: 'plan_confirm',
  suggestChanges: 'plan_suggest_changes',
} as const;

/** The gap check-in: the DM's button, the modal, and the manager's acknowledgement. */
export const CHECKIN_VIEWS = {
  modal: 'checkin_modal',
  statusBlockPrefix: 'checkin_status_',
  statusAction: 'checkin_status_select',
  evidenceBlockPrefix: 'checkin_evidence_',
  evidenceAction: 'checkin_evidence_select',
  noteBlock: 'checkin_note',
  noteAction: 'checkin_note_input',
} as const;

export const CHECKIN_ACTIONS = {
  open: 'checkin_open',
  homeOpen: 'home_checkin_open',
  acknowledge: 'checkin_acknowledge',
} as const;

/** After calibration: how it went. */
export const OUTCOME_VIEWS = {
  modal: 'outcome_modal',
  resultBlock: 'outcome_result',
  resultAction: 'outcome_result_choice',
  reasonBlock: 'outcome_reason',
  reasonAction: 'outcome_reason_input',
  nextBlock: 'outcome_next',
  nextAction: 'outcome_next_choice',
} as const;

export const OUTCOME_ACTIONS = {
  promoted: 'outcome_promoted',
  notThisTime: 'outcome_not_this_time',
} as const;

/** `/promo prep`: one modal moved step by step, the meeting's date modal, and the follow-up's answer. */
export const PREP_VIEWS = {
  step: 'prep_step_modal',
  loading: 'prep_loading_modal',
  notice: 'prep_notice_modal',
  meeting: 'prep_meeting_modal',
  cycleBlock: 'prep_cycle',
  cycleAction: 'prep_cycle_select',
  openingBlock: 'prep_opening',
  openingAction: 'prep_opening_input',
  winsBlock: 'prep_wins',
  winsAction: 'prep_wins_select',
  /** Block ids are these plus the example's position: prep_behavior_0 … prep_criterion_5. */
  behaviorBlockPrefix: 'prep_behavior_',
  behaviorAction: 'prep_behavior_input',
  criterionBlockPrefix: 'prep_criterion_',
  criterionAction: 'prep_criterion_select',
  gapBlock: 'prep_gap',
  gapAction: 'prep_gap_input',
  stretchBlock: 'prep_stretch',
  stretchAction: 'prep_stretch_input',
  cadenceBlock: 'prep_cadence',
  cadenceAction: 'prep_cadence_select',
  compBlock: 'prep_comp',
  compAction: 'prep_comp_checkbox',
  dateBlock: 'prep_meeting_date',
  dateAction: 'prep_meeting_date_picker',
  timeBlock: 'prep_meeting_time',
  timeAction: 'prep_meeting_time_picker',
} as const;

export const PREP_ACTIONS = {
  /** Home's and the help's "Prep the conversation". */
  open: 'prep_open',
  back: 'prep_back',
  switchCycle: 'prep_switch_cycle',
  useOpening: 'prep_use_opening',
  startOver: 'prep_start_over',
  setMeeting: 'prep_set_meeting',
  cancelMeeting: 'prep_cancel_meeting',
  answerFollowUp: 'prep_followup_answer',
} as const;

/** `/promo admin`: the workspace settings modal. Cycle blocks are the prefix plus the cycle's name. */
export const ADMIN_VIEWS = {
  settings: 'admin_settings_modal',
  saved: 'admin_saved_modal',
  cycleBlockPrefix: 'admin_cycle:',
  cycleAction: 'admin_cycle_date',
  newCycleNameBlock: 'admin_new_cycle_name',
  newCycleNameAction: 'admin_new_cycle_name_input',
  newCycleDateBlock: 'admin_new_cycle_date',
  newCycleDateAction: 'admin_new_cycle_date_picker',
  nudgeDayBlock: 'admin_nudge_day',
  nudgeDayAction: 'admin_nudge_day_select',
  nudgeTimeBlock: 'admin_nudge_time',
  nudgeTimeAction: 'admin_nudge_time_picker',
  planModeBlock: 'admin_plan_mode',
  planModeAction: 'admin_plan_mode_radio',
  llmBlock: 'admin_llm',
  llmAction: 'admin_llm_radio',
  retentionBlock: 'admin_retention',
  retentionAction: 'admin_retention_input',
  ladderFileBlock: 'admin_ladder_file',
  ladderFileAction: 'admin_ladder_file_input',
  ladderTextBlock: 'admin_ladder_text',
  ladderTextAction: 'admin_ladder_text_input',
} as const;

/** `/promo doc`: the preview modal, where every paragraph can be edited before export. */
export const DOC_VIEWS = {
  preview: 'doc_preview_modal',
  sent: 'doc_sent_modal',
  /** Paragraph blocks: the prefix, then section:dimensionId:index (dimension empty outside Scope & Impact). */
  paragraphBlockPrefix: 'doc_p:',
  paragraphAction: 'doc_paragraph_input',
  titleBlock: 'doc_title',
  titleAction: 'doc_title_input',
  peersBlock: 'doc_peers',
  peersAction: 'doc_peers_select',
} as const;

/** `/promo forget-me`: the confirmation modal and what it says afterwards. */
export const DATA_VIEWS = {
  forgetConfirm: 'forget_me_confirm_modal',
  forgotten: 'forget_me_done_modal',
} as const;

/** Suggestions from the optional LLM: the block that marks one, and the buttons that accept it. */
export const SUGGESTION_IDS = {
  /** Every suggestion's blocks start with this block id (plus a suffix), so a re-render can find and drop them. */
  blockPrefix: 'llm_suggestion',
  useWinCriteria: 'suggestion_use_win_criteria',
  useHedgeKind: 'suggestion_use_hedge_kind',
} as const;
