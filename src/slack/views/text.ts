// Text helpers for everything we put in front of Slack.
import type { PlainTextOption } from '@slack/types';

/**
 * Escapes user-written text for mrkdwn. Slack reads "<!channel>", "<@U123>" and
 * "<https://x|label>" as control sequences; escaping &, < and > shows them literally, so
 * echoed text can never ping a channel or pass itself off as a mention or a link.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts text to a Block Kit limit, ending with an ellipsis when it had to cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A select option; Block Kit allows at most 75 characters in an option's text and value. */
export function selectOption(text: string, value: string): PlainTextOption {
  return { text: { type: 'plain_text', text: truncate(text, 75) }, value: value.slice(0, 75) };
}
