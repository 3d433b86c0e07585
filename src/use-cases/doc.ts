// `/promo doc`: the two-page promo doc, drafted from the profile, the prep case, the wins,
// the plan and the gap; previewed and edited paragraph by paragraph; checked by the
// coach; sent to the engineer's DM as Markdown.
import { checkDoc, MAX_DOC_WORDS, type DocResult } from '../coach/doc.js';
import type { Finding } from '../coach/findings.js';
import { draftPromoDoc, renderPromoDoc, type DocEvidence, type DocParagraph } from '../coach/promo-doc.js';
import { defaultLadder } from '../ladder/index.js';
import { addDays, localDate } from '../schedule/weekly.js';
import type { Deps } from './deps.js';
import { NotOnboardedError } from './errors.js';

export type { DocParagraph } from '../coach/promo-doc.js';

/** The case reaches back a year, as the prep's picker does. */
const LOOKBACK_DAYS = 365;
const WINS_READ = 200;
export const MAX_PEERS = 5;

export interface DocPreview {
  title: string;
  paragraphs: DocParagraph[];
  /** Dimension id → name, for the headers of a company ladder. */
  dimensions: { id: string; name: string }[];
  companyLadder: boolean;
  check: DocResult;
  /** What the draft could not find, and where to add it. */
  notes: Finding[];
}

function companyLadderIn(deps: Pick<Deps, 'ladder'>): boolean {
  return deps.ladder.name !== defaultLadder.name;
}

async function sources(deps: Deps, userId: string) {
  const profile = await deps.repos.users.findProfile(userId);
  if (!profile) throw new NotOnboardedError(userId);
  const tz = (await deps.repos.users.find(userId))?.tz ?? 'UTC';
  const from = addDays(localDate(deps.clock(), tz), -LOOKBACK_DAYS);
  const [prep, plan, wins] = await Promise.all([
    deps.repos.docSources.latestPrep(userId),
    deps.repos.docSources.latestPlan(userId),
    deps.repos.docSources.winsSince(userId, from, WINS_READ),
  ]);
  return { profile, prep, plan, wins };
}

/** The draft, its check, and notes on what is missing. */
export async function previewPromoDoc(deps: Deps, userId: string): Promise<DocPreview> {
  const { profile, prep, plan, wins } = await sources(deps, userId);
  const byId = new Map(wins.map((w) => [w.id, w]));
  const caseExamples: DocEvidence[] = (prep?.examples ?? []).map((e) => {
    const win = e.winId ? byId.get(e.winId) : undefined;
    return {
      winId: e.winId,
      text: e.text,
      date: e.date ?? win?.date ?? null,
      behavior: e.behavior,
      criteria: [...(e.criterionId ? [e.criterionId] : []), ...(win?.criteria ?? [])],
      crossTeam: win?.crossTeam ?? false,
      enabledOthers: win?.enabledOthers ?? false,
    };
  });
  const companyLadder = companyLadderIn(deps);
  const draft = draftPromoDoc({
    ladder: deps.ladder,
    companyLadder,
    targetLevelId: profile.targetLevel,
    cycleName: prep?.targetCycle ?? profile.targetCycle,
    caseExamples,
    wins: wins.map((w) => ({ winId: w.id, text: w.text, date: w.date, behavior: null, criteria: w.criteria, crossTeam: w.crossTeam, enabledOthers: w.enabledOthers })),
    gap: prep?.gap ? { text: prep.gap, stretchProject: prep.stretchProject } : null,
    planCriteria: plan?.criteria ?? [],
  });
  const notes: Finding[] = [];
  if (!prep) notes.push({ code: 'no_prep', severity: 'info', message: 'Drafted from your wins: no prep case yet.', suggestion: 'Run `/promo prep` to phrase each project as the behavior it shows.' });
  if (!prep?.gap) notes.push({ code: 'no_gap_named', severity: 'warning', message: 'You have not named your gap yet, so I named the criterion with the least evidence.', suggestion: 'Rewrite it in your own words, with the stretch project that closes it.' });
  else if (!prep.stretchProject) notes.push({ code: 'no_stretch_project', severity: 'warning', message: 'The gap has no stretch project.', suggestion: 'Say what you are doing to close it.' });
  const markdown = renderPromoDoc({ ...draft, ladder: deps.ladder, companyLadder, peers: [] });
  return {
    ...draft,
    dimensions: deps.ladder.dimensions.map((d) => ({ id: d.id, name: d.name })),
    companyLadder,
    check: checkDoc({ markdown, ...(companyLadder ? { ladder: deps.ladder } : {}) }),
    notes,
  };
}

export interface DocEdits {
  title: string;
  paragraphs: DocParagraph[];
  peerIds: string[];
}

export interface ExportedDoc {
  filename: string;
  markdown: string;
  check: DocResult;
  tooLong: boolean;
}

/** The edited doc, rendered and checked; `peerIds` become names as Slack shows them. */
export async function buildPromoDoc(deps: Deps, userId: string, edits: DocEdits): Promise<ExportedDoc> {
  const profile = await deps.repos.users.findProfile(userId);
  if (!profile) throw new NotOnboardedError(userId);
  const companyLadder = companyLadderIn(deps);
  const peers = await Promise.all(
    [...new Set(edits.peerIds)]
      .filter((id) => id !== userId)
      .slice(0, MAX_PEERS)
      .map(async (id) => (await deps.slack.userContact(id)).name ?? `<@${id}>`),
  );
  const title = edits.title.trim() || 'Promotion case';
  const markdown = renderPromoDoc({ title, paragraphs: edits.paragraphs, ladder: deps.ladder, companyLadder, peers });
  const check = checkDoc({ markdown, ...(companyLadder ? { ladder: deps.ladder } : {}) });
  const tz = (await deps.repos.users.find(userId))?.tz ?? 'UTC';
  return { filename: `promo-doc-${localDate(deps.clock(), tz)}.md`, markdown, check, tooLong: check.words > MAX_DOC_WORDS };
}

/** Sends the doc to the engineer's DM as a Markdown file, saying when it runs past two pages. */
export async function sendPromoDoc(deps: Deps, userId: string, doc: ExportedDoc): Promise<void> {
  const length = doc.tooLong
    ? `It is ${doc.check.words} words, past the two pages (about ${MAX_DOC_WORDS}) a calibration room reads closely: trim it before it goes to your manager.`
    : `${doc.check.words} words: it fits two pages.`;
  await deps.slack.uploadDmFile(userId, {
    filename: doc.filename,
    title: 'Your promo doc',
    content: doc.markdown,
    comment: `Your promo doc, ready for your manager to take into calibration. ${length}`,
  });
}
