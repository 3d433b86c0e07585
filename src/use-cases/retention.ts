// Retention: wins older than the org's setting are deleted, except the ones a prep case,
// a plan or a check-in still cites (the argument they support must stay whole).
import { addDays, localDate } from '../schedule/weekly.js';
import type { Deps } from './deps.js';
import { orgSettings } from './settings.js';

const PAGE = 500;

export interface RetentionResult {
  /** Wins deleted. */
  deleted: number;
  /** Old wins kept because a prep, plan or check-in cites them. */
  kept: number;
  /** Wins kept for someone who never onboarded, deleted for age. */
  pendingDeleted: number;
}

export async function enforceRetention(deps: Pick<Deps, 'repos' | 'ladder' | 'org' | 'logger'>, at: Date): Promise<RetentionResult> {
  const { retentionDays } = await orgSettings(deps);
  if (retentionDays === null) return { deleted: 0, kept: 0, pendingDeleted: 0 };
  // Win dates are calendar dates; the org-wide calendar is UTC, as for cycles.
  const cutoff = addDays(localDate(at, 'UTC'), -retentionDays);
  const result: RetentionResult = { deleted: 0, kept: 0, pendingDeleted: 0 };
  let after: string | undefined;
  for (;;) {
    const page = await deps.repos.dataRights.winsDatedBefore(cutoff, PAGE, after);
    if (page.length === 0) break;
    const cited = await deps.repos.dataRights.citedWinIds(page.map((w) => w.userId));
    const expired = page.filter((w) => !cited.has(w.id)).map((w) => w.id);
    result.deleted += await deps.repos.dataRights.deleteWins(expired);
    result.kept += page.length - expired.length;
    after = page[page.length - 1]?.id;
  }
  result.pendingDeleted = await deps.repos.dataRights.deletePendingWinsBefore(new Date(`${cutoff}T00:00:00Z`));
  deps.logger.info({ retentionDays, cutoff, ...result }, 'retention applied');
  return result;
}
