// private_metadata carried through modals: small, and parsed with zod on the way back in,
// because it round-trips through the client and a forged payload can carry anything.
import { z } from 'zod';

const profileModalMetadata = z.object({ editing: z.boolean() });
export type ProfileModalMetadata = z.infer<typeof profileModalMetadata>;

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

export const parseProfileModalMetadata = (raw: string | undefined): ProfileModalMetadata =>
  parse(profileModalMetadata, raw, { editing: false });

// The win modal: which win is edited (none for a new one), where it was opened from, and
// the "My wins" modal underneath when it was pushed from there (refreshed after saving).
const winModalMetadata = z.object({
  winId: z.string().min(1).max(64).optional(),
  source: z.enum(['nudge', 'home', 'modal']),
  listViewId: z.string().min(1).max(64).optional(),
});
export type WinModalMetadata = z.infer<typeof winModalMetadata>;

export const parseWinModalMetadata = (raw: string | undefined): WinModalMetadata =>
  parse(winModalMetadata, raw, { source: 'modal' });

/** Which nudge message a pause modal was opened from, so the submission can update it in place. */
const pauseMetadata = z.object({ channelId: z.string().min(1), messageTs: z.string().min(1) });
export type PauseMetadata = z.infer<typeof pauseMetadata>;

export const parsePauseMetadata = (raw: string | undefined): PauseMetadata | null => parse(pauseMetadata, raw, null);
