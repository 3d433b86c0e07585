import type { Ladder } from '../ladder/types.js';
import { finding, hasNoErrors, type Finding } from './findings.js';
import { wordCount } from './text.js';

// Guide, "The promo doc that actually gets read": two pages, because calibration reads
// fast and quotes short documents. Scope & Impact with four to six projects (a
// paragraph each, behavior first), Next-Level Behaviors with three to five items, an
// honest Gap section, and optionally the peers in adjacent teams who saw the work.

export const MAX_DOC_WORDS = 1000;
export const MIN_PROJECTS = 4;
export const MAX_PROJECTS = 6;
export const MIN_BEHAVIORS = 3;
export const MAX_BEHAVIORS = 5;

export type DocSection = 'scope' | 'behaviors' | 'gap' | 'peers';

export interface ParsedDoc {
  words: number;
  /** Items (list entries, sub-headings or paragraphs) per recognised section. */
  sections: Partial<Record<DocSection, string[]>>;
  /** Headings that matched nothing, in order. */
  otherHeadings: string[];
}

export interface DocInput {
  markdown: string;
  /** With a company ladder, headings named after its dimensions count as Scope & Impact projects. */
  ladder?: Ladder;
}

export interface DocResult {
  ok: boolean;
  words: number;
  projects: number;
  behaviors: number;
  hasGap: boolean;
  hasPeers: boolean;
  findings: Finding[];
}

function sectionOf(heading: string, ladder?: Ladder): DocSection | undefined {
  const h = heading.toLowerCase();
  if (/\bgap\b|still building|growth area|working on/.test(h)) return 'gap';
  if (/peer|references|who has seen|adjacent/.test(h)) return 'peers';
  if (/behaviou?r/.test(h)) return 'behaviors';
  if (/scope|impact|project|work/.test(h)) return 'scope';
  if (ladder?.dimensions.some((d) => d.name.toLowerCase() === h.trim())) return 'scope';
  return undefined;
}

/** Splits section bodies into items: list entries, ### sub-headings, or paragraphs. */
function items(body: string[]): string[] {
  const text = body.join('\n').trim();
  if (text.length === 0) return [];
  const subHeadings = text.split(/^#{3,6}\s+/m).slice(1);
  if (subHeadings.length > 0) return subHeadings.map((s) => s.trim());
  const list = text.match(/^\s*(?:[-*+]|\d+[.)])\s+.+$/gm);
  if (list && list.length > 0) return list.map((s) => s.trim());
  return text.split(/\n\s*\n/).map((s) => s.trim()).filter((s) => s.length > 0);
}

export function parsePromoDoc(markdown: string, ladder?: Ladder): ParsedDoc {
  const sections: Partial<Record<DocSection, string[]>> = {};
  const otherHeadings: string[] = [];
  let current: DocSection | undefined;
  let body: string[] = [];
  const flush = (): void => {
    if (current) sections[current] = [...(sections[current] ?? []), ...items(body)];
    body = [];
  };
  for (const line of markdown.split(/\r?\n/)) {
    const heading = /^(#{1,2})\s+(.+?)\s*#*$/.exec(line) ?? /^\*\*(.+?)\*\*\s*$/.exec(line);
    if (heading) {
      const title = (heading[2] ?? heading[1] ?? '').replace(/^section\s*\d+\s*[:.-]\s*/i, '');
      const section = sectionOf(title, ladder);
      flush();
      current = section;
      if (!section && !/^#\s/.test(line)) otherHeadings.push(title);
      continue;
    }
    body.push(line);
  }
  flush();
  return { words: wordCount(markdown.replace(/[#*_>`-]/g, ' ')), sections, otherHeadings };
}

export function checkDoc(input: DocInput): DocResult {
  const parsed = parsePromoDoc(input.markdown, input.ladder);
  const projects = parsed.sections.scope?.length ?? 0;
  const behaviors = parsed.sections.behaviors?.length ?? 0;
  const hasGap = (parsed.sections.gap?.length ?? 0) > 0;
  const hasPeers = (parsed.sections.peers?.length ?? 0) > 0;
  const findings: Finding[] = [];

  if (parsed.words > MAX_DOC_WORDS) {
    findings.push(finding('too_long', 'warning', `${parsed.words} words; two pages is about ${MAX_DOC_WORDS}, and past that a calibration room starts skimming.`, 'Cut to the projects and behaviors that match the next level best.'));
  }
  if (parsed.sections.scope === undefined) {
    findings.push(finding('missing_scope_section', 'error', 'No Scope & Impact section with your projects.', `Add one with ${MIN_PROJECTS}–${MAX_PROJECTS} projects, a paragraph each, leading with the behavior.`));
  } else if (projects < MIN_PROJECTS) {
    findings.push(finding('too_few_projects', 'error', `${projects} project${projects === 1 ? '' : 's'}; calibration expects ${MIN_PROJECTS} to ${MAX_PROJECTS}.`, 'Add your strongest next-level work from the last year.'));
  } else if (projects > MAX_PROJECTS) {
    findings.push(finding('too_many_projects', 'warning', `${projects} projects; more than ${MAX_PROJECTS} buries the best ones.`, `Keep the ${MAX_PROJECTS} that best match the next level.`));
  }
  if (parsed.sections.behaviors === undefined) {
    findings.push(finding('missing_behaviors_section', 'error', 'No Next-Level Behaviors section.', `List ${MIN_BEHAVIORS}–${MAX_BEHAVIORS} things you already do at the next level: mentoring, technical leadership, scoping for others.`));
  } else if (behaviors < MIN_BEHAVIORS) {
    findings.push(finding('too_few_behaviors', 'warning', `${behaviors} next-level behavior${behaviors === 1 ? '' : 's'}; aim for ${MIN_BEHAVIORS} to ${MAX_BEHAVIORS}.`));
  } else if (behaviors > MAX_BEHAVIORS) {
    findings.push(finding('too_many_behaviors', 'warning', `${behaviors} behaviors; keep the ${MAX_BEHAVIORS} strongest.`));
  }
  if (!hasGap) {
    findings.push(finding('missing_gap_section', 'error', 'No Gap section. Naming it yourself is what makes the rest believable.', 'Add what you are still building and how you are closing it.'));
  }
  if (!hasPeers) {
    findings.push(finding('no_peer_calibration', 'info', 'No Peer Calibration section (optional).', 'List senior colleagues from neighbouring teams who know your work; calibration may reach out to them.'));
  }

  return { ok: hasNoErrors(findings), words: parsed.words, projects, behaviors, hasGap, hasPeers, findings };
}
