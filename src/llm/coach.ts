// The four tasks the LLM helps with, each a prompt, a schema, and the checks that keep the
// rules in charge: an answer that names a criterion outside the ladder, cites something
// the user never gave, or contradicts a hard rule of the coach is refused with the reason,
// and the caller keeps the rules' answer. Prompts are written for this app; user text only
// ever travels masked (mask.ts) and delimited (client.ts).
import { z } from 'zod';
import { checkCase } from '../coach/case.js';
import { isBehaviorPhrased } from '../coach/case.js';
import { MAX_DOC_WORDS, MAX_PROJECTS } from '../coach/doc.js';
import { classifyHedge, type HedgeKind } from '../coach/hedge.js';
import { normalizeText, wordCount } from '../coach/text.js';
import type {
  DocDraft,
  DocDraftInput,
  HedgeOpinion,
  HedgeOpinionInput,
  LlmAnswer,
  LlmCoach,
  LlmCriterion,
  RewriteInput,
  RewriteSuggestion,
  WinTagsInput,
  WinTagsSuggestion,
} from '../use-cases/llm-port.js';
import type { StructuredClient, StructuredResult } from './client.js';
import { createMasker } from './mask.js';

/** A win is stored up to this many characters; a longer rewrite could not be kept. */
const TEXT_MAX = 3000;
const HEDGE_KINDS = ['clear_yes', 'clear_no', 'soft_hedge', 'not_yet_specific', 'not_yet_vague'] as const satisfies readonly HedgeKind[];

// Strict structured output accepts types and enums everywhere; lengths and counts are
// checked below, where a failure can say what was wrong.
const winTagsSchema = z.object({ criteria: z.array(z.string()), rewrite: z.string() });
const rewriteSchema = z.object({
  rewrites: z.array(z.object({ index: z.number().int(), text: z.string() })),
  verdict: z.enum(['ready', 'needs_work']),
});
const hedgeSchema = z.object({ kind: z.enum(HEDGE_KINDS), quote: z.string(), why: z.string() });
const docSchema = z.object({
  paragraphs: z.array(z.object({ criterionId: z.string(), winRefs: z.array(z.string()), text: z.string() })),
});

const ROLE = 'You help a software engineer prepare a promotion case. You write plainly and briefly, in the first person where the engineer speaks, and you never invent facts, numbers or people.';

function criteriaContext(levelName: string, criteria: LlmCriterion[]): string {
  return [`Criteria for ${levelName} (id: dimension: what it looks like):`, ...criteria.map((c) => `- ${c.id}: ${c.dimension}: ${c.text}`)].join('\n');
}

type Check<T> = (value: T) => string | null;

function rejected<T>(result: StructuredResult<unknown>, reason: string): LlmAnswer<T> {
  return { ok: false, reason, failure: 'rejected', usage: result.usage };
}

/** Runs the checks on a parsed answer; the first one that fails refuses it. */
function checked<T>(result: StructuredResult<T>, checks: Check<T>[]): LlmAnswer<T> {
  if (!result.ok) return result;
  for (const check of checks) {
    const reason = check(result.value);
    if (reason) return rejected(result, reason);
  }
  return result;
}

function unknownCriterion(ids: readonly string[], allowed: readonly LlmCriterion[]): string | null {
  const known = new Set(allowed.map((c) => c.id));
  const unknown = ids.filter((id) => !known.has(id));
  return unknown.length > 0 ? `names a criterion not in the ladder: ${unknown.slice(0, 3).join(', ')}` : null;
}

function rewriteProblem(text: string, what: string): string | null {
  if (text.trim().length === 0) return `${what} is empty`;
  if (Array.from(text).length > TEXT_MAX) return `${what} is longer than ${TEXT_MAX} characters`;
  if (!isBehaviorPhrased(text)) return `${what} does not lead with a behavior the rules recognise`;
  return null;
}

function contains(haystack: string, needle: string): boolean {
  const n = normalizeText(needle);
  return n.length > 0 && normalizeText(haystack).includes(n);
}

export function createLlmCoach(client: StructuredClient, monthlyTokenCap: number): LlmCoach {
  return {
    model: client.model,
    monthlyTokenCap,

    async winTags(input: WinTagsInput): Promise<LlmAnswer<WinTagsSuggestion>> {
      const masker = createMasker();
      const result = await client.ask({
        instructions: `${ROLE}\nTask: the engineer logged a win. From the criteria listed, pick the ids of those the win gives clear evidence of, best first, at most three; pick none if nothing fits. Then rewrite the win in one or two sentences that lead with what the engineer did (the behavior, such as "Led", "Aligned", "Mentored") and then what changed because of it. Keep every fact, number and placeholder of the original and add nothing.`,
        context: criteriaContext(input.levelName, input.criteria),
        data: [{ label: 'win', text: masker.mask(input.winText) }],
        schemaName: 'win_tags',
        schema: winTagsSchema,
      });
      const answer = checked(result, [
        (v) => unknownCriterion(v.criteria, input.criteria),
        (v) => rewriteProblem(v.rewrite, 'the rewrite'),
      ]);
      if (!answer.ok) return answer;
      return { ...answer, value: { criteria: [...new Set(answer.value.criteria)].slice(0, 3), rewrite: masker.restore(answer.value.rewrite.trim()) } };
    },

    async behaviorRewrites(input: RewriteInput): Promise<LlmAnswer<RewriteSuggestion>> {
      const masker = createMasker();
      const result = await client.ask({
        instructions: `${ROLE}\nTask: these are the examples of the engineer's case for ${input.levelName}. Rewrite each one so it leads with the engineer's behavior at the next level (what they decided, aligned, scoped, unblocked or taught) and then the result, one or two sentences each, keeping every fact and placeholder and adding none. Give each rewrite the index of its example. Then say whether the case as a whole is ready (four to six examples, one showing impact beyond the engineer's own team, one showing work they enabled others to do) or needs work.`,
        context: `The case has ${input.examples.length} example${input.examples.length === 1 ? '' : 's'}.`,
        data: input.examples.map((text, index) => ({ label: `example ${index}`, text: masker.mask(text) })),
        schemaName: 'behavior_rewrites',
        schema: rewriteSchema,
      });
      const answer = checked(result, [
        (v) => {
          const indexes = v.rewrites.map((r) => r.index).sort((a, b) => a - b);
          const expected = input.examples.map((_, i) => i);
          return JSON.stringify(indexes) === JSON.stringify(expected) ? null : `rewrites examples ${indexes.join(', ') || 'none'}, not each of 0–${input.examples.length - 1} once`;
        },
        (v) => v.rewrites.map((r) => rewriteProblem(r.text, `the rewrite of example ${r.index}`)).find(Boolean) ?? null,
        (v) => {
          if (v.verdict !== 'ready') return null;
          const rules = checkCase({ examples: v.rewrites.map((r) => ({ text: r.text })) });
          const blocking = rules.findings.find((f) => f.severity !== 'info');
          return rules.ok && !blocking ? null : `calls the case ready, but the rules say: ${blocking?.message ?? 'it is not'}`;
        },
      ]);
      if (!answer.ok) return answer;
      const ordered = [...answer.value.rewrites].sort((a, b) => a.index - b.index).map((r) => masker.restore(r.text.trim()));
      return { ...answer, value: { rewrites: ordered, verdict: answer.value.verdict } };
    },

    async hedgeOpinion(input: HedgeOpinionInput): Promise<LlmAnswer<HedgeOpinion>> {
      const masker = createMasker();
      const managerSaid = masker.mask(input.managerSaid);
      const result = await client.ask({
        instructions: `${ROLE}\nTask: the engineer asked their manager about a promotion and wrote down the answer. Classify it as one of: clear_yes (a commitment to put them forward), clear_no (a refusal with no way back this cycle), soft_hedge (warm words, a deferral, no commitment and no criteria), not_yet_specific (not yet, with criteria the engineer can check off), not_yet_vague (not yet, with criteria nobody can check). Praise without a commitment is a soft hedge, not a yes. Quote, exactly, the words of the answer that decide it, and say why in one sentence.`,
        context: '',
        data: [{ label: 'manager answer', text: managerSaid }],
        schemaName: 'hedge_opinion',
        schema: hedgeSchema,
      });
      const answer = checked(result, [
        (v) => (contains(managerSaid, v.quote) ? null : 'quotes words that are not in the answer'),
        (v) => (v.kind === 'clear_yes' && classifyHedge(v.quote).kind !== 'clear_yes' ? 'calls it a clear yes, but the quoted words commit to nothing' : null),
        (v) => (v.why.trim().length === 0 || v.why.length > 500 ? 'gives no short reason' : null),
      ]);
      if (!answer.ok) return answer;
      return { ...answer, value: { kind: answer.value.kind, quote: masker.restore(answer.value.quote.trim()), why: masker.restore(answer.value.why.trim()) } };
    },

    async docParagraphs(input: DocDraftInput): Promise<LlmAnswer<DocDraft>> {
      const masker = createMasker();
      const refs = new Set(input.wins.map((w) => w.ref));
      const result = await client.ask({
        instructions: `${ROLE}\nTask: draft the Scope & Impact paragraphs of the engineer's promotion document for ${input.levelName}, from their own wins only. Write one paragraph per project, at most ${MAX_PROJECTS}, each leading with the behavior, then the impact, naming the one criterion it shows (by id) and the refs of the wins it draws on. The whole draft must fit two pages (well under ${MAX_DOC_WORDS} words).`,
        context: criteriaContext(input.levelName, input.criteria),
        data: input.wins.map((w) => ({ label: `win ${w.ref}`, text: masker.mask(w.text) })),
        schemaName: 'doc_paragraphs',
        schema: docSchema,
      });
      const answer = checked(result, [
        (v) => (v.paragraphs.length === 0 ? 'drafts no paragraph' : null),
        (v) => (v.paragraphs.length > MAX_PROJECTS ? `drafts ${v.paragraphs.length} projects; a doc holds at most ${MAX_PROJECTS}` : null),
        (v) => unknownCriterion(v.paragraphs.map((p) => p.criterionId), input.criteria),
        (v) => {
          const unknown = v.paragraphs.flatMap((p) => (p.winRefs.length === 0 ? ['(none)'] : p.winRefs.filter((r) => !refs.has(r))));
          return unknown.length > 0 ? `cites wins the user does not have: ${unknown.slice(0, 3).join(', ')}` : null;
        },
        (v) => {
          const words = wordCount(v.paragraphs.map((p) => p.text).join('\n\n'));
          return words > MAX_DOC_WORDS ? `runs to ${words} words, over the two pages (${MAX_DOC_WORDS} words) a doc may take` : null;
        },
        (v) => v.paragraphs.map((p, i) => rewriteProblem(p.text, `paragraph ${i + 1}`)).find(Boolean) ?? null,
      ]);
      if (!answer.ok) return answer;
      return { ...answer, value: { paragraphs: answer.value.paragraphs.map((p) => ({ ...p, winRefs: [...new Set(p.winRefs)], text: masker.restore(p.text.trim()) })) } };
    },
  };
}
