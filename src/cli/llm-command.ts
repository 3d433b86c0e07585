// `promo-coach llm usage [--month YYYY-MM]`: what the optional LLM cost in a month, per user
// and task, against the monthly cap. Reads the arguments, calls one use case, prints.
import { parseArgs } from 'node:util';
import type { Deps } from '../use-cases/deps.js';
import { llmUsageReport, type LlmUsageReport } from '../use-cases/llm-usage.js';
import { usageMonth } from '../use-cases/suggestions.js';

export const LLM_USAGE = `  llm usage [--month YYYY-MM]  LLM calls and tokens per user and task in a month (default: this month, UTC)`;

export interface LlmCommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Tokens a user may spend in a month (LLM_MONTHLY_TOKEN_CAP). */
  monthlyTokenCap: () => number;
  open: () => Promise<{ deps: Pick<Deps, 'repos'>; close: () => Promise<void> }>;
  now?: () => Date;
}

function parse(args: string[]): { month?: string } | string {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { month: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (error) {
    return (error as Error).message;
  }
  const [action, extra] = parsed.positionals;
  if (action !== 'usage') return action ? `unknown action "${action}"` : 'say what to show: usage';
  if (extra) return `unexpected argument "${extra}"`;
  const month = parsed.values.month;
  if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return `--month "${month}" is not a month such as 2026-11`;
  return month === undefined ? {} : { month };
}

const n = (value: number) => value.toLocaleString('en-US');

export function formatUsage(report: LlmUsageReport, cap: number): string {
  if (report.rows.length === 0) return `No LLM calls in ${report.month}.\n`;
  const header = ['user', 'task', 'calls', 'used', 'prompt', 'completion'];
  const lines = report.rows.map((r) => [r.userId, r.task, n(r.calls), n(r.used), n(r.promptTokens), n(r.completionTokens)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const row = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  const atCap = report.users.filter((u) => u.tokens >= cap).length;
  const t = report.totals;
  return [
    `LLM usage in ${report.month} (cap: ${n(cap)} tokens per user a month)`,
    '',
    row(header),
    ...lines.map(row),
    '',
    `Total: ${n(t.calls)} calls, ${n(t.used)} used, ${n(t.promptTokens + t.completionTokens)} tokens (${n(t.promptTokens)} prompt, ${n(t.completionTokens)} completion).`,
    ...report.users.map((u) => `  ${u.userId}: ${n(u.tokens)} tokens${u.tokens >= cap ? ' (at the cap: the rules answer alone until next month)' : ''}`),
    atCap > 0 ? `${atCap} user${atCap === 1 ? '' : 's'} at the cap.` : 'Nobody is at the cap.',
    '',
  ].join('\n');
}

/** Returns the exit code: 0 done, 2 usage error. */
export async function runLlmCommand(args: string[], io: LlmCommandIo): Promise<number> {
  const parsed = parse(args);
  if (typeof parsed === 'string') {
    io.stderr(`promo-coach: llm: ${parsed}\n\nUsage:\n${LLM_USAGE}\n`);
    return 2;
  }
  const cap = io.monthlyTokenCap();
  const { deps, close } = await io.open();
  try {
    io.stdout(formatUsage(await llmUsageReport(deps, parsed.month ?? usageMonth((io.now ?? (() => new Date()))())), cap));
    return 0;
  } finally {
    await close();
  }
}
