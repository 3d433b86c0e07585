import { describe, expect, it } from 'vitest';
import { startTestApp, TEST_BOT_TOKEN } from '../support/app-harness.js';
import { createTestDatabase, postgresAvailable } from '../support/databases.js';
import { startFakeSlack } from '../support/fake-slack.js';
import { allDms, onboard, tick } from './nudges-fixtures.js';

// Several replicas only make sense on PostgreSQL (SQLite is the single-process default).
const runOnPostgres = process.env.CI || (await postgresAvailable()) ? describe : describe.skip;
const WEDNESDAY = new Date('2026-11-25T12:00:00Z');

runOnPostgres('weekly nudges on two replicas of one PostgreSQL database', () => {
  it('when two app instances run the same tick at the same moment, then every user gets exactly one DM', async () => {
    const fake = await startFakeSlack({ token: TEST_BOT_TOKEN });
    const database = await createTestDatabase('postgres');
    try {
      const a = await startTestApp({ sharedDatabase: database, sharedFake: fake, now: WEDNESDAY, logLevel: 'info' });
      const b = await startTestApp({ sharedDatabase: database, sharedFake: fake, now: WEDNESDAY, logLevel: 'info' });
      const zones = ['Europe/Berlin', 'Europe/Paris', 'Europe/Madrid', 'Europe/Rome'];
      const users = Array.from({ length: 60 }, (_, i) => `UREPLICA${String(i).padStart(3, '0')}`);
      for (const [i, user] of users.entries()) await onboard(a, user, zones[i % zones.length] as string, WEDNESDAY);

      // All four zones are on CET: every user is due at 14:00 UTC.
      const [ra, rb] = await Promise.all([tick(a, '2026-11-27T14:00:00Z'), tick(b, '2026-11-27T14:00:00Z')]);
      expect((ra.weekly_sent ?? 0) + (rb.weekly_sent ?? 0)).toBe(users.length);
      // One fake workspace saw both replicas' calls: each user's DM exactly once.
      const channels = allDms(a).map((c) => c.args.channel);
      expect(channels).toHaveLength(users.length);
      expect(new Set(channels)).toEqual(new Set(users.map((u) => `D${u}`)));

      // And again on both, a tick later: nothing more.
      const again = await Promise.all([tick(a, '2026-11-27T14:05:00Z'), tick(b, '2026-11-27T14:05:00Z')]);
      expect(again.map((r) => r.weekly_sent)).toEqual([0, 0]);
      expect(allDms(a)).toHaveLength(users.length);
      await a.stop();
      await b.stop();
    } finally {
      await fake.close();
      await database.drop();
    }
  });
});
