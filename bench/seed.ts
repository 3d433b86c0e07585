// Onboarded users in the app's database before it starts, written through the repositories
// as onboarding writes them, so every measured interaction is a returning user's.
import { createRepositories, migrateDatabase, openDatabase } from '../src/db/index.js';
import { createLogger } from '../src/logger.js';
import { nextWeeklyOccurrence } from '../src/schedule/weekly.js';
import { rollCyclesForward } from '../src/use-cases/cycles.js';

export const benchUserIds = (n: number) => Array.from({ length: n }, (_, i) => `UINTER${String(i).padStart(4, '0')}`);

export async function seedUsers(url: string, ids: readonly string[]): Promise<void> {
  await migrateDatabase(url, createLogger({ level: 'warn', format: 'json' }));
  const database = await openDatabase(url);
  try {
    const repos = createRepositories(database.prisma);
    const clock = () => new Date();
    await rollCyclesForward({ repos, clock });
    const target = (await repos.settings.listCycles()).at(-1)?.name ?? '';
    for (const id of ids) {
      await repos.users.saveProfile(id, 'Europe/Berlin', {
        currentLevel: 'senior',
        targetLevel: 'staff',
        managerId: 'UMANAGER',
        targetCycle: target,
        nudgeDay: 5,
        nudgeMinute: 900,
        nextNudgeAt: nextWeeklyOccurrence({ isoWeekday: 5, minuteOfDay: 900, tz: 'Europe/Berlin' }, clock()),
      });
    }
  } finally {
    await database.close();
  }
}

export async function countWins(url: string, text: string): Promise<number> {
  const database = await openDatabase(url);
  try {
    return await database.prisma.win.count({ where: { text: { startsWith: text } } });
  } finally {
    await database.close();
  }
}
