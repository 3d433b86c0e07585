import type { Db } from '../client.js';

export interface OrgSettingsRecord {
  defaultNudgeDay: number;
  defaultNudgeMinute: number;
  sharedPlanMode: 'private_channel' | 'group_dm';
  llmEnabled: boolean;
  retentionDays: number | null;
  ladderYaml: string | null;
}

export interface CycleRecord {
  id: string;
  name: string;
  calibrationDate: string;
}

export function settingsRepository(db: Db) {
  return {
    /** The org's settings; the defaults until an admin changes them. */
    async get(): Promise<OrgSettingsRecord> {
      const row = await db.orgSettings.upsert({ where: { id: 'default' }, create: {}, update: {} });
      return {
        defaultNudgeDay: row.defaultNudgeDay,
        defaultNudgeMinute: row.defaultNudgeMinute,
        sharedPlanMode: row.sharedPlanMode === 'group_dm' ? 'group_dm' : 'private_channel',
        llmEnabled: row.llmEnabled,
        retentionDays: row.retentionDays,
        ladderYaml: row.ladderYaml,
      };
    },

    async update(patch: Partial<OrgSettingsRecord>): Promise<void> {
      await db.orgSettings.upsert({ where: { id: 'default' }, create: patch, update: patch });
    },

    async listCycles(): Promise<CycleRecord[]> {
      return db.cycle.findMany({
        orderBy: { calibrationDate: 'asc' },
        select: { id: true, name: true, calibrationDate: true },
      });
    },

    async findCycle(name: string): Promise<CycleRecord | null> {
      return db.cycle.findUnique({ where: { name }, select: { id: true, name: true, calibrationDate: true } });
    },

    async upsertCycle(name: string, calibrationDate: string): Promise<CycleRecord> {
      return db.cycle.upsert({
        where: { name },
        create: { name, calibrationDate },
        update: { calibrationDate },
        select: { id: true, name: true, calibrationDate: true },
      });
    },

    /** Seeds cycles once, when an install has none, so onboarding always has choices. */
    async ensureCycles(defaults: { name: string; calibrationDate: string }[]): Promise<void> {
      if ((await db.cycle.count()) > 0) return;
      for (const cycle of defaults) {
        await db.cycle.upsert({ where: { name: cycle.name }, create: cycle, update: {} });
      }
    },
  };
}

export type SettingsRepository = ReturnType<typeof settingsRepository>;
