import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

/**
 * Drops U+0000 from every string of a request, before any listener reads it. PostgreSQL's
 * text cannot hold it (the write fails with "invalid byte sequence"), SQLite's can, and no
 * Slack client sends one: it only comes from a forged or mangled payload. Dropping it here,
 * once, keeps the two databases alike and every write whole, whatever the field.
 */
export function stripNul(): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    scrub(body);
    await next();
  };
}

function scrub(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const v = record[key];
    if (typeof v === 'string') {
      if (v.includes('\u0000')) record[key] = v.replaceAll('\u0000', '');
    } else scrub(v);
  }
}
