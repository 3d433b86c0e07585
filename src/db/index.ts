// The data layer's front door: open the database, migrate it, and get repositories
// that speak plain objects.
import type { Db } from './client.js';
import { dataRightsRepository } from './repositories/data-rights.js';
import { deliveriesRepository } from './repositories/deliveries.js';
import { docSourcesRepository } from './repositories/doc-sources.js';
import { eventsRepository } from './repositories/events.js';
import { llmUsageRepository } from './repositories/llm-usage.js';
import { nudgesRepository } from './repositories/nudges.js';
import { pendingWinsRepository } from './repositories/pending-wins.js';
import { plansRepository } from './repositories/plans.js';
import { prepRepository } from './repositories/prep.js';
import { settingsRepository } from './repositories/settings.js';
import { usersRepository } from './repositories/users.js';
import { winsRepository } from './repositories/wins.js';

export { DatabaseUrlError, databaseOpener, openDatabase, type Database } from './client.js';
export { migrateDatabase, MigrationError } from './migrate.js';
export type { UserRecord, ProfileRecord, ProfileInput } from './repositories/users.js';
export type { OrgSettingsRecord, CycleRecord } from './repositories/settings.js';
export type { DeliveryClaim, DeliveryKind } from './repositories/deliveries.js';
export type { DueNudge, DueCursor, NudgeState } from './repositories/nudges.js';
export type { WinRecord, NewWin, WinChanges, WinSource } from './repositories/wins.js';
export type { PendingWinRecord } from './repositories/pending-wins.js';
export type { LlmUsageOutcome, LlmUsageRow, NewLlmUsage } from './repositories/llm-usage.js';
export type { CheckInRecord, CriterionRecord, CriterionStatus, PlanRecord, PlanStatus } from './repositories/plans.js';
export type { FollowUpRow, MeetingRecord, PrepDraftRecord, PrepExample, PrepWinRecord } from './repositories/prep.js';

export function createRepositories(db: Db) {
  return {
    users: usersRepository(db),
    dataRights: dataRightsRepository(db),
    docSources: docSourcesRepository(db),
    settings: settingsRepository(db),
    events: eventsRepository(db),
    deliveries: deliveriesRepository(db),
    nudges: nudgesRepository(db),
    wins: winsRepository(db),
    pendingWins: pendingWinsRepository(db),
    plans: plansRepository(db),
    prep: prepRepository(db),
    llmUsage: llmUsageRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
