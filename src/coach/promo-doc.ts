import { findLevel } from '../ladder/ladder-queries.js';
import type { Criterion, Ladder } from '../ladder/types.js';
import { MAX_BEHAVIORS, MAX_PROJECTS } from './doc.js';

// Guide, "The promo doc that actually gets read": the doc is written for the manager to
// carry into calibration, so it is short enough to be quoted. Projects open with the
// next-level behavior, not the project's name; behaviors are things already done at the
// next level; the gap is named by the engineer before anyone else names it. A company's
// leveling guide gives the headers, because a calibration room reads in its own terms.

export type DocParagraphSection = 'scope' | 'behaviors' | 'gap' | 'peers';

export interface DocParagraph {
  section: DocParagraphSection;
  /** Scope & Impact with a company ladder: the dimension the project is filed under. */
  dimensionId: string | null;
  text: string;
}

export interface PromoDocDraft {
  title: string;
  paragraphs: DocParagraph[];
}

/** A piece of work the doc can argue from: a prep example, or a win. */
export interface DocEvidence {
  winId: string | null;
  text: string;
  date: string | null;
  /** The behavior in the engineer's words (prep examples have one). */
  behavior: string | null;
  criteria: string[];
  crossTeam: boolean;
  enabledOthers: boolean;
}

export interface PromoDocInput {
  ladder: Ladder;
  /** True when the ladder is the company's own: its dimension names become the headers. */
  companyLadder: boolean;
  targetLevelId: string;
  cycleName: string;
  /** The prep case's examples, in the order the engineer argued them. */
  caseExamples: DocEvidence[];
  /** Wins from the last year, newest first: they fill in when the case has fewer than six. */
  wins: DocEvidence[];
  gap: { text: string; stretchProject: string | null } | null;
  planCriteria: { text: string; dueDate: string | null; status: string }[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthOf(date: string | null): string {
  if (!date) return '';
  const [y, m] = date.split('-');
  return ` (${MONTHS[Number(m) - 1] ?? ''} ${y ?? ''})`;
}

const stripEnd = (text: string): string => text.trim().replace(/[.\s]+$/, '');

function criteriaOf(ladder: Ladder, levelId: string): Map<string, Criterion> {
  return new Map((findLevel(ladder, levelId)?.criteria ?? []).map((c) => [c.id, c]));
}

/** Wins that say the most about the next level come first: criteria shown, reach, others enabled. */
function strength(e: DocEvidence, target: Map<string, Criterion>): number {
  return e.criteria.filter((c) => target.has(c)).length * 2 + (e.crossTeam ? 2 : 0) + (e.enabledOthers ? 2 : 0);
}

function behaviorOf(e: DocEvidence, target: Map<string, Criterion>): string {
  if (e.behavior?.trim()) return stripEnd(e.behavior);
  const criterion = e.criteria.map((c) => target.get(c)).find((c) => c !== undefined);
  if (criterion) return stripEnd(criterion.text);
  if (e.crossTeam) return 'Delivered beyond my own team';
  if (e.enabledOthers) return 'Made the people around me more effective';
  return 'Owned the outcome end to end';
}

function pickProjects(input: PromoDocInput, target: Map<string, Criterion>): DocEvidence[] {
  const picked = input.caseExamples.slice(0, MAX_PROJECTS);
  const used = new Set(picked.map((e) => e.winId).filter(Boolean));
  const extra = input.wins
    .filter((w) => !used.has(w.winId))
    .map((w, i) => ({ w, i, s: strength(w, target) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map(({ w }) => w);
  return [...picked, ...extra].slice(0, MAX_PROJECTS);
}

function dimensionOf(e: DocEvidence, ladder: Ladder, target: Map<string, Criterion>): string | null {
  const criterion = e.criteria.map((c) => target.get(c)).find((c) => c !== undefined);
  return criterion?.dimensionId ?? ladder.dimensions[0]?.id ?? null;
}

function behaviorsSection(input: PromoDocInput, projects: DocEvidence[], target: Map<string, Criterion>): DocParagraph[] {
  const evidence = new Map<string, number>();
  for (const e of [...projects, ...input.wins]) {
    for (const id of new Set(e.criteria)) if (target.has(id)) evidence.set(id, (evidence.get(id) ?? 0) + 1);
  }
  const dimensions = new Map(input.ladder.dimensions.map((d) => [d.id, d.name]));
  return [...evidence.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_BEHAVIORS)
    .map(([id, count]) => {
      const criterion = target.get(id) as Criterion;
      const label = input.companyLadder ? `**${dimensions.get(criterion.dimensionId) ?? criterion.dimensionId}:** ` : '';
      return { section: 'behaviors', dimensionId: null, text: `${label}${stripEnd(criterion.text)}, shown in ${count} piece${count === 1 ? '' : 's'} of work this year.` };
    });
}

function gapSection(input: PromoDocInput, evidence: readonly DocEvidence[], target: Map<string, Criterion>): DocParagraph[] {
  const paragraphs: string[] = [];
  if (input.gap?.text.trim()) {
    const stretch = input.gap.stretchProject?.trim();
    paragraphs.push(`${stripEnd(input.gap.text)}.${stretch ? ` I am closing it with ${stretch.replace(/^./, (c) => c.toLowerCase()).replace(/[.\s]+$/, '')}.` : ''}`);
  } else {
    // No gap written yet: name the criterion with the least evidence, honestly.
    const count = (id: string) => evidence.filter((e) => e.criteria.includes(id)).length;
    const thinnest = [...target.values()].sort((a, b) => count(a.id) - count(b.id))[0];
    if (thinnest) paragraphs.push(`Where my evidence is thinnest: ${stripEnd(thinnest.text).replace(/^./, (c) => c.toLowerCase())}.`);
  }
  if (input.planCriteria.length > 0) {
    const items = input.planCriteria.map(
      (c) => `${stripEnd(c.text)}${c.dueDate ? ` by ${c.dueDate}` : ''} (${c.status.replace(/_/g, ' ')})`,
    );
    paragraphs.push(`Agreed with my manager before ${input.cycleName}: ${items.join('; ')}.`);
  }
  return paragraphs.map((text) => ({ section: 'gap', dimensionId: null, text }));
}

/** The doc's first draft, paragraph by paragraph, for the engineer to edit. */
export function draftPromoDoc(input: PromoDocInput): PromoDocDraft {
  const target = criteriaOf(input.ladder, input.targetLevelId);
  const levelName = findLevel(input.ladder, input.targetLevelId)?.name ?? input.targetLevelId;
  const projects = pickProjects(input, target);
  const scope: DocParagraph[] = projects.map((e) => ({
    section: 'scope',
    dimensionId: input.companyLadder ? dimensionOf(e, input.ladder, target) : null,
    text: `**${behaviorOf(e, target)}.** ${stripEnd(e.text)}.${monthOf(e.date)}`,
  }));
  return {
    title: `Promotion case: ${levelName}, ${input.cycleName}`,
    paragraphs: [...scope, ...behaviorsSection(input, projects, target), ...gapSection(input, input.wins, target)],
  };
}

export interface RenderDocInput extends PromoDocDraft {
  ladder: Ladder;
  companyLadder: boolean;
  /** Peer Calibration: names as the engineer picked them; none leaves the section out. */
  peers: string[];
}

/** The doc as Markdown, sections in the guide's order; empty paragraphs are dropped. */
export function renderPromoDoc({ title, paragraphs, ladder, companyLadder, peers }: RenderDocInput): string {
  const kept = paragraphs.filter((p) => p.text.trim().length > 0);
  const of = (section: DocParagraphSection) => kept.filter((p) => p.section === section).map((p) => p.text.trim());
  const lines: string[] = [`# ${title.trim()}`, ''];
  const scope = kept.filter((p) => p.section === 'scope');
  if (companyLadder) {
    for (const dimension of ladder.dimensions) {
      const texts = scope.filter((p) => p.dimensionId === dimension.id).map((p) => p.text.trim());
      if (texts.length > 0) lines.push(`## ${dimension.name}`, '', ...texts.flatMap((t) => [t, '']));
    }
    const unfiled = scope.filter((p) => !ladder.dimensions.some((d) => d.id === p.dimensionId)).map((p) => p.text.trim());
    if (unfiled.length > 0) lines.push('## Scope & Impact', '', ...unfiled.flatMap((t) => [t, '']));
  } else {
    lines.push('## Scope & Impact', '', ...scope.flatMap((p) => [p.text.trim(), '']));
  }
  lines.push('## Next-Level Behaviors', '', ...of('behaviors').map((t) => `- ${t}`), '');
  lines.push('## The Gap', '', ...of('gap').flatMap((t) => [t, '']));
  if (peers.length > 0) {
    lines.push('## Peer Calibration', '', 'Senior colleagues in adjacent teams who have seen this work first-hand:', '', ...peers.map((p) => `- ${p}`), '');
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
