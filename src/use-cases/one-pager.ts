// What the prep produces for the manager: the one-page case (Markdown) and the invite
// for the conversation. Pure functions of the finished draft, so the DM, the file, the
// .ics description and the tests all read the same text.

/** Guide: a meeting of its own, with a name that says what it is for. */
export const MEETING_TITLE = 'Career conversation: scoping the next level';
export const MEETING_MINUTES = 45;
/** Why a separate meeting, in one line the user can paste into the invite. */
export const NOT_A_ONE_ON_ONE =
  'A separate 45 minutes, not our 1:1: a promotion case needs room to be walked through properly, without the weekly topics crowding it out.';

export interface OnePagerExample {
  criterionName: string;
  behavior: string;
  winDate: string;
}

export interface OnePagerInput {
  currentLevelName: string;
  targetLevelName: string;
  targetCycle: string;
  calibrationDate: string | null;
  opening: string;
  examples: OnePagerExample[];
  gap: string;
  stretchProject: string;
  cadenceMonths: number;
  /** The pay question, when the user chose to ask it. */
  compQuestion: string | null;
}

export function cadenceLabel(months: number): string {
  if (months === 1) return 'monthly';
  if (months === 3) return 'quarterly';
  return `every ${months} months`;
}

// User text goes into a Markdown file: a line starting with "#" or "-" would turn into a
// heading or a list item, so each line is kept as plain paragraph text.
function plain(text: string): string {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => line.replace(/^(\s*)([#>*+-]|\d+[.)])(\s)/, '$1\\$2$3'))
    .join('  \n');
}

export function buildOnePager(input: OnePagerInput): string {
  const when = input.calibrationDate ? `${input.targetCycle} (calibration ${input.calibrationDate})` : input.targetCycle;
  const lines = [
    `# Promotion case: ${input.targetLevelName}, ${input.targetCycle}`,
    '',
    `From ${input.currentLevelName} to ${input.targetLevelName}, aiming for ${when}.`,
    '',
    '## The ask',
    '',
    plain(input.opening),
    '',
    `## Next-level behaviors, from the last 12 months`,
    '',
    ...input.examples.flatMap((e, i) => [`${i + 1}. **${e.criterionName}** — ${plain(e.behavior)} _(${e.winDate})_`]),
    '',
    '## Where I am still building',
    '',
    `**The gap:** ${plain(input.gap)}`,
    '',
    `**How I plan to close it:** ${plain(input.stretchProject)}`,
    '',
    `**Check-ins:** ${cadenceLabel(input.cadenceMonths)}, to track progress until calibration.`,
  ];
  if (input.compQuestion) lines.push('', '## Pay', '', plain(input.compQuestion));
  lines.push('', '## What I would like from this meeting', '', 'Your read on the gap, the criteria you would hold me to, and the dates we agree for them.', '');
  return lines.join('\n');
}

/** The invite to paste into a calendar, title first. */
export function inviteText(managerName: string | null): string {
  return [
    `Title: ${MEETING_TITLE}`,
    `Length: ${MEETING_MINUTES} minutes`,
    `With: ${managerName ?? 'your manager'}`,
    '',
    NOT_A_ONE_ON_ONE,
    'I will send a one-page draft of my case the day before, so you can read it ahead of time.',
  ].join('\n');
}
