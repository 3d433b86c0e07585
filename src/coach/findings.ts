// The one shape every check returns its advice in, so Slack views, the CLI and the
// LLM fallback can all render findings without knowing which rule produced them.

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Stable snake_case id; views and tests key on it, never on the message. */
  code: string;
  /** error: fix before the meeting · warning: weakens the case · info: good to know. */
  severity: Severity;
  /** One short sentence saying what was found. */
  message: string;
  /** What to do about it, when there is something concrete to do. */
  suggestion?: string;
}

export function finding(code: string, severity: Severity, message: string, suggestion?: string): Finding {
  return suggestion === undefined ? { code, severity, message } : { code, severity, message, suggestion };
}

/** True when no finding blocks: warnings and info do not. */
export function hasNoErrors(findings: readonly Finding[]): boolean {
  return findings.every((f) => f.severity !== 'error');
}
