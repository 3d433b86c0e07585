import { describe, expect, it } from 'vitest';
import { findJob } from '../../src/jobs/index.js';
import { startTestApp, type TestApp } from '../support/app-harness.js';
import { databaseKinds } from '../support/databases.js';
import { onboardUser } from '../support/onboarding.js';

const kinds = await databaseKinds();
const NOW = new Date('2026-11-23T03:43:00Z');
const ENGINEER = 'U0RETAIN';
const OTHER = 'U0RETAIN2';

type Db = TestApp['coach']['database']['prisma'];

const win = (db: Db, userId: string, text: string, date: string) =>
  db.win.create({ data: { userId, text, date, source: 'modal', criteria: [] } });

describe.each(kinds)('retention on %s', (database) => {
  it('when the daily job runs with a 90-day setting, then old wins go except those a prep, plan or check-in cites, and recent ones stay', async () => {
    const app = await startTestApp({ database, now: NOW });
    const db = app.coach.database.prisma;
    await onboardUser(app, ENGINEER);
    await onboardUser(app, OTHER);
    await app.coach.deps.repos.settings.update({ retentionDays: 90 });
    // 90 days before 2026-11-23 is 2026-08-25: wins dated before it have expired.
    const expired = await win(db, ENGINEER, 'old and cited by nothing', '2026-01-10');
    const edge = await win(db, ENGINEER, 'exactly 90 days old', '2026-08-25');
    const inPrep = await win(db, ENGINEER, 'old, argued in the prep case', '2026-02-01');
    const inPlan = await win(db, ENGINEER, 'old, evidence for a plan criterion', '2026-03-01');
    const inCheckIn = await win(db, ENGINEER, 'old, linked in a check-in', '2026-04-01');
    const othersOld = await win(db, OTHER, 'another engineer, old', '2025-12-01');
    const recent = await win(db, OTHER, 'this month', '2026-11-02');
    await db.prepDraft.create({ data: { userId: ENGINEER, examples: [{ winId: inPrep.id, text: inPrep.text, behavior: 'b' }] } });
    const plan = await db.plan.create({
      data: {
        userId: ENGINEER,
        managerId: 'UMANAGER',
        calibrationDate: '2027-06-15',
        criteria: { create: [{ position: 0, text: 'Lead the review', evidence: [inPlan.id] }] },
      },
    });
    await db.checkIn.create({
      data: { planId: plan.id, userId: ENGINEER, period: '2026-10', answers: [{ criterionId: 'c', status: 'done', winIds: [inCheckIn.id] }] },
    });
    await db.pendingWin.create({ data: { userId: OTHER, sourceKey: 'dm:old', input: { text: 'kept' }, createdAt: new Date('2026-01-01T00:00:00Z') } });

    const result = await findJob('retention')?.run(app.coach.deps, NOW);
    expect(result).toEqual({ deleted: 2, kept: 3, pendingDeleted: 1 });
    const left = (await db.win.findMany({ select: { id: true } })).map((w) => w.id).sort();
    expect(left).toEqual([edge.id, inPrep.id, inPlan.id, inCheckIn.id, recent.id].sort());
    expect(left).not.toContain(expired.id);
    expect(left).not.toContain(othersOld.id);

    // Run again (catch-up, another replica): nothing more goes.
    expect(await findJob('retention')?.run(app.coach.deps, NOW)).toEqual({ deleted: 0, kept: 3, pendingDeleted: 0 });
  });

  it('when no retention is set, then the job deletes nothing', async () => {
    const app = await startTestApp({ database, now: NOW });
    await onboardUser(app, ENGINEER);
    await win(app.coach.database.prisma, ENGINEER, 'from long ago', '2019-01-01');
    expect(await findJob('retention')?.run(app.coach.deps, NOW)).toEqual({ deleted: 0, kept: 0, pendingDeleted: 0 });
    expect(await app.coach.database.prisma.win.count()).toBe(1);
  });
});
