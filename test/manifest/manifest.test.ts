// The manifest a workspace admin pastes into Slack must be valid, and must ask for
// exactly what the code uses: a missing scope breaks a feature in production, an unused
// one makes admins (rightly) hesitate to install.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { COMMAND, SHORTCUTS } from '../../src/slack/ids.js';
import { COMMANDS_SCOPE, EVENT_SCOPES, WEB_API_SCOPES } from '../../src/slack/scopes.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'manifests', 'manifest.json'), 'utf8'));
// Slack's schema, vendored with its MIT licence (test/manifest/schema/README.md): tests read nothing outside the repository.
const schema = JSON.parse(
  readFileSync(path.join(import.meta.dirname, 'schema', 'slack-app-manifest.schema.1.0.0.json'), 'utf8'),
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'generated') return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}
const source = sourceFiles(path.join(root, 'src'))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

function matches(pattern: RegExp): string[] {
  return [...source.matchAll(pattern)].map((m) => m.slice(1).filter(Boolean).join('.'));
}

/** Web API methods the code calls, e.g. "chat.postMessage". */
const usedMethods = new Set([...matches(/\bclient\.(\w+)\.(\w+)\(/g), ...matches(/\bclient\.(filesUploadV2)\(/g)]);
/** Events the code listens to; the app only subscribes to messages in its DMs. */
const usedEvents = new Set(
  [...matches(/\bapp\.event(?:<[^>]*>)?\(\s*['"]([\w.]+)['"]/g), ...matches(/\bapp\.(message)\(/g)].map((e) =>
    e === 'message' ? 'message.im' : e,
  ),
);
const usedCommands = new Set(source.includes('app.command(COMMAND') ? [COMMAND] : []);
const usedShortcuts = new Set(
  matches(/\bapp\.shortcut(?:<[^>]*>)?\(\s*(?:\{[^}]*?callback_id:\s*)?SHORTCUTS\.(\w+)/g).map(
    (key) => SHORTCUTS[key as keyof typeof SHORTCUTS],
  ),
);

describe('the Slack app manifest', () => {
  it("when validated against Slack's manifest JSON Schema, then it has no errors", () => {
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(schema);
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('when the code calls a Web API method, then the scope table knows which scopes it needs', () => {
    expect(usedMethods.size).toBeGreaterThan(0);
    const unknown = [...usedMethods].filter((method) => !(method in WEB_API_SCOPES));
    expect(unknown, 'add these methods to src/slack/scopes.ts').toEqual([]);
  });

  it('when scopes are compared, then the manifest asks for exactly the scopes the code needs', () => {
    const needed = new Set<string>();
    for (const method of usedMethods) for (const scope of WEB_API_SCOPES[method] ?? []) needed.add(scope);
    for (const event of usedEvents) for (const scope of EVENT_SCOPES[event] ?? []) needed.add(scope);
    if (usedCommands.size + usedShortcuts.size > 0) needed.add(COMMANDS_SCOPE);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it('when events are compared, then the manifest subscribes to exactly the events the code handles', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([...usedEvents].sort());
  });

  it('when commands and shortcuts are compared, then each one declared is handled and each one handled is declared', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([...usedCommands]);
    expect(manifest.features.shortcuts.map((s: { callback_id: string }) => s.callback_id).sort()).toEqual(
      [...usedShortcuts].sort(),
    );
  });

  it('when installed, then Socket Mode, interactivity and the Home tab are on', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
  });
});
