// One table of `/promo` subcommands drives the dispatch, the help and the manifest's usage
// hint: a subcommand added to one and not the others fails here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSubcommand } from '../../src/slack/listeners/commands/promo.js';
import { HELP_LINES, SUBCOMMANDS, usageHint } from '../../src/slack/listeners/commands/subcommands.js';
import { startTestApp } from '../support/app-harness.js';
import { onboardUser } from '../support/onboarding.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'manifests', 'manifest.json'), 'utf8'));
const NOW = new Date('2026-11-23T12:00:00Z');

describe('the /promo subcommand registry', () => {
  it('when the manifest is read, then its usage hint is the registry, in order', () => {
    const promo = manifest.features.slash_commands.find((c: { command: string }) => c.command === '/promo');
    expect(promo.usage_hint).toBe(usageHint());
    for (const subcommand of SUBCOMMANDS) expect(promo.usage_hint).toContain(subcommand.name);
  });

  it('when names are compared, then each subcommand has one lower-case name with no spaces', () => {
    const names = SUBCOMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(parseSubcommand(`${name.toUpperCase()}  extra words`)).toEqual({ name, rest: 'extra words' });
  });

  it('when an onboarded user asks for help, then every subcommand is listed with its usage', async () => {
    const app = await startTestApp({ now: NOW });
    await onboardUser(app, 'UENG', { now: NOW });
    const text = (await app.slack.command({ userId: 'UENG', text: 'help' })).json<{ text: string }>().text;
    for (const line of HELP_LINES) expect(text).toContain(`/promo ${line.usage}\` — ${line.what}`);
  });

  it('when an onboarded user types each subcommand, then each reaches its own handler, not the help for unknown commands', async () => {
    const app = await startTestApp({ now: NOW });
    await onboardUser(app, 'UENG', { now: NOW });
    for (const subcommand of SUBCOMMANDS) {
      const res = await app.slack.command({ userId: 'UENG', text: subcommand.name });
      expect(res.status).toBe(200);
      expect(res.body).not.toContain("I don't know");
    }
    const unknown = await app.slack.command({ userId: 'UENG', text: 'dance' });
    expect(unknown.json<{ text: string }>().text).toContain("I don't know `dance`");
  });
});
