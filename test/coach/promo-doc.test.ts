import { describe, expect, it } from 'vitest';
import { checkDoc } from '../../src/coach/doc.js';
import { draftPromoDoc, renderPromoDoc, type DocEvidence } from '../../src/coach/promo-doc.js';
import { defaultLadder } from '../../src/ladder/index.js';

const evidence = (text: string, criteria: string[], extra: Partial<DocEvidence> = {}): DocEvidence => ({
  winId: text,
  text,
  date: '2026-10-01',
  behavior: null,
  criteria,
  crossTeam: false,
  enabledOthers: false,
  ...extra,
});

const input = {
  ladder: defaultLadder,
  companyLadder: false,
  targetLevelId: 'staff',
  cycleName: '2027 H1',
  caseExamples: [evidence('Led the migration', ['staff.scope'], { behavior: 'Set direction across three teams.' })],
  wins: [
    evidence('Fixed a typo', []),
    evidence('Wrote the caching RFC', ['staff.writing', 'staff.tech'], { crossTeam: true }),
    evidence('Mentored two hires', ['staff.enabling'], { enabledOthers: true }),
    evidence('Ran the guild reviews', ['staff.enabling', 'staff.tech']),
  ],
  gap: { text: 'No org-wide work yet.', stretchProject: 'The API deprecation' },
  planCriteria: [],
};

describe('draftPromoDoc', () => {
  it('when a case and wins are given, then the case comes first, stronger wins before weaker ones, each led by a behavior', () => {
    const doc = draftPromoDoc(input);
    const scope = doc.paragraphs.filter((p) => p.section === 'scope').map((p) => p.text);
    expect(scope[0]).toBe('**Set direction across three teams.** Led the migration. (Oct 2026)');
    expect(scope.at(-1)).toContain('Fixed a typo');
    expect(scope.every((t) => /^\*\*[^*]+\.\*\* /.test(t))).toBe(true);
    expect(doc.paragraphs.find((p) => p.section === 'gap')?.text).toBe('No org-wide work yet. I am closing it with the API deprecation.');
  });

  it('when rendered with peers, then the coach’s doc check finds all four sections and no errors', () => {
    const markdown = renderPromoDoc({ ...draftPromoDoc(input), ladder: defaultLadder, companyLadder: false, peers: ['Priya', 'Sam'] });
    const result = checkDoc({ markdown });
    expect(result).toMatchObject({ ok: true, projects: 5, hasGap: true, hasPeers: true });
    expect(result.behaviors).toBeGreaterThanOrEqual(3);
  });

  it('when a paragraph is emptied, then it is left out of the Markdown', () => {
    const doc = draftPromoDoc(input);
    const paragraphs = doc.paragraphs.map((p, i) => (i === 0 ? { ...p, text: '  ' } : p));
    expect(renderPromoDoc({ ...doc, paragraphs, ladder: defaultLadder, companyLadder: false, peers: [] })).not.toContain('Led the migration');
  });
});
