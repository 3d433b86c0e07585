// The optional LLM: present only when an operator configured a key. Whether it is used for
// a given user is decided per call (the workspace setting, the monthly cap): see
// src/use-cases/suggestions.ts.
import type { LlmConfig } from '../config.js';
import type { LlmCoach } from '../use-cases/llm-port.js';
import { createStructuredClient } from './client.js';
import { createLlmCoach } from './coach.js';

export function createLlm(config: LlmConfig | undefined): LlmCoach | undefined {
  if (!config) return undefined;
  const client = createStructuredClient({ apiKey: config.apiKey, baseUrl: config.baseUrl, model: config.model, timeoutMs: config.timeoutMs });
  return createLlmCoach(client, config.monthlyTokenCap);
}
