import { UnknownError } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createLogger, elidePayload, memoryDestination, toBoltLogger } from '../src/logger.js';

const BOT_TOKEN = 'xoxb-123-456-abcdefSECRET';
const SIGNING_SECRET = 'signing-secret-0a1b2c';

function setup() {
  const out = memoryDestination();
  const logger = createLogger({ level: 'trace', format: 'json', destination: out, secrets: [BOT_TOKEN, SIGNING_SECRET] });
  return { logger, out, all: () => out.lines.join('\n') };
}

describe('logging', () => {
  it('when an object with tokens and user text is logged, then those fields are redacted', () => {
    const { logger, all } = setup();
    logger.info({ token: BOT_TOKEN, text: 'my secret win', nested: { text: 'also secret', body: 'raw' }, userId: 'U1' }, 'hi');
    expect(all()).not.toContain(BOT_TOKEN);
    expect(all()).not.toContain('secret win');
    expect(all()).not.toContain('also secret');
    expect(all()).toContain('"userId":"U1"');
  });

  it('when a message or an error carries a token or the signing secret, then they are scrubbed', () => {
    const { logger, all } = setup();
    logger.warn(`calling with Bearer ${BOT_TOKEN} and xapp-1-A0-999-zzz`);
    logger.error({ err: new Error(`invalid_auth for ${BOT_TOKEN} / ${SIGNING_SECRET}`) }, 'failed');
    expect(all()).not.toContain(BOT_TOKEN);
    expect(all()).not.toContain(SIGNING_SECRET);
    expect(all()).not.toContain('xapp-1-A0-999-zzz');
    expect(all()).toContain('[redacted]');
  });

  it("when Bolt logs a request body at debug level, then the payload is dropped and the message kept", () => {
    const { logger, all } = setup();
    const bolt = toBoltLogger(logger);
    bolt.debug(JSON.stringify({ event: { text: 'private words' } }));
    bolt.debug('ack() call begins (body: {"text":"private words"})');
    bolt.error('An unhandled error occurred', new Error(`boom ${BOT_TOKEN}`));
    expect(all()).not.toContain('private words');
    expect(all()).not.toContain(BOT_TOKEN);
    expect(all()).toContain('ack() call begins …');
    expect(all()).toContain('An unhandled error occurred');
  });

  it('when a message has no payload, then it is kept whole', () => {
    expect(elidePayload('Conversation context loaded for ID: C1')).toBe('Conversation context loaded for ID: C1');
    expect(elidePayload('stored response sent')).toBe('stored response sent');
  });
});

describe('logging database errors', () => {
  it('when a Prisma error quoting user text is logged, then only its kind and code are kept', () => {
    const { logger, all } = setup();
    class PrismaClientKnownRequestError extends Error {
      code = 'P2002';
      meta = { modelName: 'Win' };
    }
    const error = new PrismaClientKnownRequestError('Invalid `prisma.win.create()` invocation: { text: "my private win" }');
    error.name = 'PrismaClientKnownRequestError';
    logger.error({ err: error }, 'query failed');
    expect(all()).not.toContain('my private win');
    expect(all()).toContain('"code":"P2002"');
    expect(all()).toContain('"model":"Win"');
  });

  it('when a Prisma error reaches the log wrapped (by Bolt, whose error copies its message, or as a cause), then its text is dropped too', () => {
    const { logger, all } = setup();
    // A validation error renders the query, values and all, and has no code: Bolt wraps it.
    class PrismaClientValidationError extends Error {}
    const error = new PrismaClientValidationError('Invalid `prisma.win.create()` invocation:\n  data: { text: "my private win" }');
    logger.error({ err: new UnknownError(error) }, 'unhandled error in a Slack listener');
    logger.error({ err: new Error('could not save', { cause: error }) }, 'wrapped');
    expect(all()).not.toContain('my private win');
    expect(all()).toContain('"cause":{"type":"PrismaClientValidationError"}');
    expect(all()).toContain('"code":"slack_bolt_unknown_error"');
  });
});
