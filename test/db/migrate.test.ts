import { describe, expect, it } from 'vitest';
import { markRolledBackSql, MigrationError, pendingMigrations, readMigrations } from '../../src/db/migrate.js';

const migration = (name: string, checksum: string) => ({ name, sql: '', checksum });
const applied = (name: string, checksum: string, extra: Partial<{ finished_at: unknown; rolled_back_at: unknown }> = {}) => ({
  migration_name: name,
  checksum,
  finished_at: new Date(),
  rolled_back_at: null,
  ...extra,
});

describe('migrations', () => {
  it('when reading the committed migrations, then both providers have the same names, in order, with sha256 checksums', () => {
    const sqlite = readMigrations('sqlite');
    const postgres = readMigrations('postgres');
    expect(sqlite.map((m) => m.name)).toEqual(postgres.map((m) => m.name));
    expect(sqlite[0]?.name).toBe('0001_init');
    for (const m of [...sqlite, ...postgres]) expect(m.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('when some migrations are applied, then only the rest are pending', () => {
    const all = [migration('0001_a', 'x'), migration('0002_b', 'y')];
    expect(pendingMigrations(all, [applied('0001_a', 'x')]).map((m) => m.name)).toEqual(['0002_b']);
  });

  it('when a failed migration was marked rolled back, then it is applied again', () => {
    const all = [migration('0001_a', 'x')];
    const failed = applied('0001_a', 'x', { finished_at: null });
    expect(pendingMigrations(all, [{ ...failed, rolled_back_at: new Date() }]).map((m) => m.name)).toEqual(['0001_a']);
  });

  it('when a migration failed and is not marked rolled back, then it refuses in one line, naming it and the way out', () => {
    const all = [migration('0001_a', 'x'), migration('0002_b', 'y')];
    const rows = [applied('0001_a', 'x'), applied('0002_b', 'y', { finished_at: null })];
    expect(() => pendingMigrations(all, rows)).toThrow(MigrationError);
    expect(() => pendingMigrations(all, rows)).toThrow(
      `migration 0002_b failed on an earlier start (its error is in _prisma_migrations.logs). ` +
        `Fix the migration (or the data it trips on), then let the next start retry it: ${markRolledBackSql('0002_b')}`,
    );
    expect(markRolledBackSql('0002_b')).toBe(
      `UPDATE "_prisma_migrations" SET rolled_back_at = CURRENT_TIMESTAMP WHERE migration_name = '0002_b' AND finished_at IS NULL;`,
    );
  });

  it('when a migration failed, was rolled back, and then applied, then nothing is pending', () => {
    const all = [migration('0001_a', 'x')];
    const rows = [applied('0001_a', 'x', { finished_at: null, rolled_back_at: new Date() }), applied('0001_a', 'x')];
    expect(pendingMigrations(all, rows)).toEqual([]);
  });

  it('when an applied migration was edited afterwards, then it refuses, naming the migration', () => {
    const all = [migration('0001_a', 'edited')];
    expect(() => pendingMigrations(all, [applied('0001_a', 'original')])).toThrow(MigrationError);
    expect(() => pendingMigrations(all, [applied('0001_a', 'original')])).toThrow(/0001_a was changed after it was applied/);
  });
});
