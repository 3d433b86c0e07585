// The few statements written by hand (batched writes where Prisma has no bulk form) and
// the SQL they need from each database. Prisma's raw queries cost about 25 µs per bound
// parameter, so a page of rows travels as ONE JSON parameter, which each database unpacks
// its own way: SQLite with json_each, PostgreSQL with json_array_elements.
import { raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { Db } from './client.js';

export type Dialect = 'sqlite' | 'postgres';

export function dialectOf(db: Db): Dialect {
  // The generated client names its provider (the two clients share one model, not this).
  const provider = (db as unknown as { _activeProvider?: string })._activeProvider;
  if (provider === 'sqlite') return 'sqlite';
  if (provider === 'postgresql' || provider === 'postgres') return 'postgres';
  throw new Error(`unsupported database provider: ${String(provider)}`);
}

/** A bound instant where a DateTime column is compared or set. */
export function instantParam(dialect: Dialect, at: Date): Sql {
  return dialect === 'sqlite' ? sql`${at}` : sql`CAST(${at} AS TIMESTAMP(3))`;
}

export type JsonCell = string | number | null | Date;

/**
 * Rows as a table, in their order, from one JSON parameter: `FROM ${rows.from}` and the
 * cells as `rows.text(i)` or `rows.instant(i)`. Instants are written in the form each
 * database stores DateTime in: SQLite keeps the driver adapter's ISO text
 * ("…T14:00:00.000+00:00"), PostgreSQL casts ISO text to timestamp(3), which holds UTC.
 */
export function jsonRows(dialect: Dialect, rows: JsonCell[][]) {
  const cells = rows.map((row) =>
    row.map((cell) => (cell instanceof Date ? (dialect === 'sqlite' ? cell.toISOString().replace('Z', '+00:00') : cell.toISOString()) : cell)),
  );
  const json = JSON.stringify(cells);
  if (dialect === 'sqlite') {
    return {
      from: sql`json_each(${json}) AS j`,
      order: raw('j.key'),
      text: (i: number) => raw(`(j.value ->> ${i})`),
      instant: (i: number) => raw(`(j.value ->> ${i})`),
    };
  }
  return {
    from: sql`json_array_elements(CAST(${json} AS JSON)) WITH ORDINALITY AS j(e, n)`,
    order: raw('j.n'),
    text: (i: number) => raw(`(j.e ->> ${i})`),
    instant: (i: number) => raw(`CAST(j.e ->> ${i} AS TIMESTAMP(3))`),
  };
}
