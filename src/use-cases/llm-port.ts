// The optional LLM as use cases see it: four tasks, each answering with a checked value or
// the reason it could not. Declared here, on the use-case side, and implemented in
// src/llm/: dependencies point from llm/ to use-cases/, never back. The inputs carry only
// what a task needs: the user's own text and the ladder's words, never a Slack id or a
// person's name (src/llm/ masks those before anything leaves the app).
import type { HedgeKind } from '../coach/hedge.js';

export type LlmTask = 'win_tags' | 'behavior_rewrite' | 'hedge_opinion' | 'doc_draft';

export interface LlmTokens {
  promptTokens: number;
  completionTokens: number;
}

/**
 * A checked answer, or why the rules' answer stands: the call failed (timeout, HTTP error,
 * bad JSON) or the answer failed the schema, named something outside the ladder, or
 * contradicted a hard rule. `usage` is what the call cost, when the server said.
 */
export type LlmAnswer<T> =
  | { ok: true; value: T; usage: LlmTokens | null }
  | { ok: false; reason: string; failure: 'call' | 'rejected'; usage: LlmTokens | null };

/** A target-level criterion, as the ladder words it. */
export interface LlmCriterion {
  id: string;
  dimension: string;
  text: string;
}

export interface WinTagsInput {
  winText: string;
  levelName: string;
  criteria: LlmCriterion[];
}

export interface WinTagsSuggestion {
  /** Criterion ids, each one of the input's. */
  criteria: string[];
  /** The win told behavior first. */
  rewrite: string;
}

export interface RewriteInput {
  levelName: string;
  /** The case's examples (or a single win), in order. */
  examples: string[];
}

export interface RewriteSuggestion {
  /** One rewrite per example, same order. */
  rewrites: string[];
  /** The model's view of the case as a whole; only 'ready' when the rules agree it is. */
  verdict: 'ready' | 'needs_work';
}

export interface HedgeOpinionInput {
  managerSaid: string;
  /** The rules' reading, which the model may disagree with. */
  rulesKind: HedgeKind;
}

export interface HedgeOpinion {
  kind: HedgeKind;
  /** The words of the manager's answer that carry the reading, quoted exactly. */
  quote: string;
  /** One sentence on why. */
  why: string;
}

export interface DocDraftInput {
  levelName: string;
  criteria: LlmCriterion[];
  /** The user's own wins; `ref` is how the model cites one (never a database id). */
  wins: { ref: string; text: string }[];
}

export interface DocParagraph {
  criterionId: string;
  /** The refs of the wins it draws on, each one of the input's. */
  winRefs: string[];
  text: string;
}

export interface DocDraft {
  paragraphs: DocParagraph[];
}

export interface LlmCoach {
  /** The model asked, for the usage record. */
  readonly model: string;
  /** Tokens a user may spend in a calendar month (UTC) before the rules answer alone. */
  readonly monthlyTokenCap: number;
  winTags(input: WinTagsInput): Promise<LlmAnswer<WinTagsSuggestion>>;
  behaviorRewrites(input: RewriteInput): Promise<LlmAnswer<RewriteSuggestion>>;
  hedgeOpinion(input: HedgeOpinionInput): Promise<LlmAnswer<HedgeOpinion>>;
  docParagraphs(input: DocDraftInput): Promise<LlmAnswer<DocDraft>>;
}
