// The rules a win must meet, in one place: the win modal and `/promo win` both use them.
import { DateTime } from 'luxon';
import { addDays } from '../schedule/weekly.js';

/** Slack's plain_text_input caps at 3,000 characters; a win longer than that cannot be edited in the modal. */
export const WIN_TEXT_MAX = 3000;
/** A win logged a few days early ("demo on Thursday") is fine; further ahead is a plan, not a win. */
export const WIN_FUTURE_DAYS = 7;
const LINK_MAX = 2000;

export type WinField = 'text' | 'date' | 'link';
export type WinErrors = Partial<Record<WinField, string>>;

export interface WinFields {
  text: string;
  /** YYYY-MM-DD. */
  date: string;
  link: string | null;
}

/** Characters as people count them: an emoji is one, not two UTF-16 units. */
export function textLength(text: string): number {
  return Array.from(text).length;
}

export function validateWinText(text: string): string | undefined {
  if (text.trim().length === 0) return 'Write a sentence or two about what you did.';
  const length = textLength(text);
  if (length > WIN_TEXT_MAX) {
    return `That's ${length.toLocaleString('en-US')} characters; keep it under ${WIN_TEXT_MAX.toLocaleString('en-US')}. The headline and the result are what matter.`;
  }
  return undefined;
}

/** What is wrong with a win, by field; empty when it can be stored. `today` is the user's local date. */
export function validateWin(win: WinFields, today: string): WinErrors {
  const errors: WinErrors = {};
  const textProblem = validateWinText(win.text);
  if (textProblem) errors.text = textProblem;

  const date = DateTime.fromISO(win.date, { zone: 'UTC' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(win.date) || !date.isValid) errors.date = 'Pick the day it happened.';
  else if (win.date > addDays(today, WIN_FUTURE_DAYS)) {
    errors.date = 'That is more than a week away. Log it once it has happened.';
  }

  if (win.link !== null && !isWebLink(win.link)) errors.link = 'Use a web link starting with https:// (or http://).';
  return errors;
}

export function isWebLink(link: string): boolean {
  if (link.length > LINK_MAX) return false;
  try {
    const url = new URL(link);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}
