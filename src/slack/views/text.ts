// Text helpers for everything we put in front of Slack.
import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';

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

export interface ModalViewArgs {
  callbackId: string;
  title: string;
  blocks: KnownBlock[];
  /** Absent for a modal with nothing to submit (a notice). */
  submit?: string;
  close?: string;
  /** Ids and step only (the draft row is the truth); src/slack/metadata.ts parses it back. */
  metadata?: string;
}

/** The envelope every modal shares; the caller gives what differs. */
export function modalView({ callbackId, title, blocks, submit, close = 'Close', metadata = '' }: ModalViewArgs): ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    private_metadata: metadata,
    title: { type: 'plain_text', text: title },
    ...(submit ? { submit: { type: 'plain_text' as const, text: submit } } : {}),
    close: { type: 'plain_text', text: close },
    blocks,
  };
}
