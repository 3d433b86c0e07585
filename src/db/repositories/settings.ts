import type { Db } from '../client.js';
import { isUniqueViolation } from '../errors.js';

/**
 * Prisma's upsert is a read then a write, so two replicas starting together can both
 * try the insert; the loser's unique violation just means the row is there now.
 */
async function insertOnce(insert: () => Promise<unknown>): Promise<void> {
  try {
    await insert();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

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
      let row = await db.orgSettings.findUnique({ where: { id: 'default' } });
      if (!row) {
        await insertOnce(() => db.orgSettings.create({ data: {} }));
        row = await db.orgSettings.findUniqueOrThrow({ where: { id: 'default' } });
      }
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
      await this.get();
      await db.orgSettings.update({ where: { id: 'default' }, data: patch });
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

    /** Creates the cycle, or moves its calibration date; profiles keep pointing at it by name. */
    async upsertCycle(name: string, calibrationDate: string): Promise<CycleRecord> {
      return db.cycle.upsert({
        where: { name },
        create: { name, calibrationDate },
        update: { calibrationDate },
        select: { id: true, name: true, calibrationDate: true },
      });
    },

    /**
     * Adds each cycle unless one of that name exists: replicas starting together compute
     * the same list, and whichever inserts first wins. Never overwrites a date an admin set.
     */
    async addCyclesOnce(cycles: readonly { name: string; calibrationDate: string }[]): Promise<void> {
      for (const cycle of cycles) await insertOnce(() => db.cycle.create({ data: cycle }));
    },

    async removeCycle(name: string): Promise<boolean> {
      const { count } = await db.cycle.deleteMany({ where: { name } });
      return count > 0;
    },

    /** Level ids profiles name, current or target: a new ladder must keep them all. */
    async levelsInUse(): Promise<Map<string, number>> {
      const [current, target] = await Promise.all([
        db.profile.groupBy({ by: ['currentLevel'], _count: { _all: true } }),
        db.profile.groupBy({ by: ['targetLevel'], _count: { _all: true } }),
      ]);
      const uses = new Map<string, number>();
      for (const g of current) uses.set(g.currentLevel, (uses.get(g.currentLevel) ?? 0) + g._count._all);
      for (const g of target) uses.set(g.targetLevel, (uses.get(g.targetLevel) ?? 0) + g._count._all);
      return uses;
    },

    /** How many profiles aim at each cycle, by name; cycles nobody aims at are absent. */
    async profilesPerCycle(): Promise<Map<string, number>> {
      const groups = await db.profile.groupBy({ by: ['targetCycle'], _count: { _all: true } });
      return new Map(groups.map((g) => [g.targetCycle, g._count._all]));
    },
  };
}

export type SettingsRepository = ReturnType<typeof settingsRepository>;
