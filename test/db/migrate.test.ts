import { describe, expect, it } from 'vitest';
import { MigrationError, pendingMigrations, readMigrations } from '../../src/db/migrate.js';

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

  it('when an applied migration was rolled back or never finished, then it is applied again', () => {
    const all = [migration('0001_a', 'x')];
    expect(pendingMigrations(all, [applied('0001_a', 'x', { rolled_back_at: new Date() })])).toHaveLength(1);
    expect(pendingMigrations(all, [applied('0001_a', 'x', { finished_at: null })])).toHaveLength(1);
  });

  it('when an applied migration was edited afterwards, then it refuses, naming the migration', () => {
    const all = [migration('0001_a', 'edited')];
    expect(() => pendingMigrations(all, [applied('0001_a', 'original')])).toThrow(MigrationError);
    expect(() => pendingMigrations(all, [applied('0001_a', 'original')])).toThrow(/0001_a was changed after it was applied/);
  });
});
