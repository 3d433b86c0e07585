// private_metadata carried through modals: small, and parsed with zod on the way back in,
// because it round-trips through the client and a forged payload can carry anything.
import { z } from 'zod';

export function encodeMetadata<T>(value: T): string {
  return JSON.stringify(value);
}

function parse<T, F>(schema: z.ZodType<T>, raw: string | undefined, fallback: F): T | F {
  try {
    const parsed = schema.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

/** A nudge the app posted, to update in place once it has been answered, and the week it asked about. */
const nudgeRef = z.object({
  channelId: z.string().min(1).max(64),
  messageTs: z.string().min(1).max(64),
  week: z.string().regex(/^\d{4}-W\d{2}$/),
});

// The win modal: which win is edited (none for a new one), where it was opened from, the
// "My wins" modal underneath when it was pushed from there (refreshed after saving), and the
// nudge it was opened from (updated after saving, so it stops asking).
const winModalMetadata = z.object({
  winId: z.string().min(1).max(64).optional(),
  source: z.enum(['nudge', 'home', 'modal']),
  listViewId: z.string().min(1).max(64).optional(),
  nudge: nudgeRef.optional(),
});
export type WinModalMetadata = z.infer<typeof winModalMetadata>;

export const parseWinModalMetadata = (raw: string | undefined): WinModalMetadata =>
  parse(winModalMetadata, raw, { source: 'modal' });

/** Which nudge message a pause modal was opened from, so the submission can update it in place. */
const pauseMetadata = nudgeRef;
export type PauseMetadata = z.infer<typeof pauseMetadata>;

export const parsePauseMetadata = (raw: string | undefined): PauseMetadata | null => parse(pauseMetadata, raw, null);
