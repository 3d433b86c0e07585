import { describe, expect, it } from 'vitest';
import { checkDoc, parsePromoDoc } from '../../src/coach/index.js';

const paragraph = (n: number) => `Aligned the teams on project ${n} and led it to launch; the result was measurable.`;

function doc(opts: { projects?: number; behaviors?: number; gap?: boolean; peers?: boolean; padWords?: number } = {}): string {
  const { projects = 4, behaviors = 3, gap = true, peers = true, padWords = 0 } = opts;
  const parts = ['# Promo doc — Sam Lee, Staff Engineer', '', '## Scope & Impact', ''];
  for (let i = 1; i <= projects; i++) parts.push(paragraph(i), '');
  parts.push('## Next-Level Behaviors', '');
  for (let i = 1; i <= behaviors; i++) parts.push(`- Behavior ${i}: mentoring and reviews`);
  if (gap) parts.push('', '## The Gap', '', 'Written design influence; closing it with the event-bus RFC.');
  if (peers) parts.push('', '## Peer Calibration', '', '- Ana (Staff, Payments)');
  if (padWords > 0) parts.push('', Array.from({ length: padWords }, () => 'word').join(' '));
  return parts.join('\n');
}

describe('checkDoc', () => {
  it('when the doc has four projects, three behaviors, a gap and peers, then it is ok', () => {
    const r = checkDoc({ markdown: doc() });
    expect(r).toMatchObject({ ok: true, projects: 4, behaviors: 3, hasGap: true, hasPeers: true });
    expect(r.findings).toEqual([]);
  });

  it('when the doc is over 1,000 words, then it is too long', () => {
    const r = checkDoc({ markdown: doc({ padWords: 1000 }) });
    expect(r.words).toBeGreaterThan(1000);
    expect(r.findings.map((f) => f.code)).toContain('too_long');
  });

  it.each([
    [{ projects: 3 }, 'too_few_projects'],
    [{ projects: 7 }, 'too_many_projects'],
    [{ behaviors: 2 }, 'too_few_behaviors'],
    [{ behaviors: 6 }, 'too_many_behaviors'],
    [{ gap: false }, 'missing_gap_section'],
    [{ peers: false }, 'no_peer_calibration'],
  ] as const)('when the doc is %j, then it reports %s', (opts, code) => {
    expect(checkDoc({ markdown: doc(opts) }).findings.map((f) => f.code)).toEqual([code]);
  });

  it('when the gap section is missing, then the doc is not ok; when only peers are missing, it still is', () => {
    expect(checkDoc({ markdown: doc({ gap: false }) }).ok).toBe(false);
    expect(checkDoc({ markdown: doc({ peers: false }) }).ok).toBe(true);
  });

  it('when sections are missing entirely, then each is reported', () => {
    const codes = checkDoc({ markdown: 'Just some text about my year.' }).findings.map((f) => f.code);
    expect(codes).toEqual(['missing_scope_section', 'missing_behaviors_section', 'missing_gap_section', 'no_peer_calibration']);
  });

  it('when projects are sub-headings and headings are numbered, then they are still counted', () => {
    const md = ['## Section 1: Scope & Impact', '### Billing', 'text', '### Search', 'text', '### Auth', 'text', '### Queue', 'text', '## Section 3: The Gap', 'x'].join('\n');
    const parsed = parsePromoDoc(md);
    expect(parsed.sections.scope).toHaveLength(4);
    expect(parsed.sections.gap).toHaveLength(1);
  });

  it('when a company ladder’s dimension names are the headings, then their items count as projects', () => {
    const ladder = { name: 'x', dimensions: [{ id: 'craft', name: 'Craft' }, { id: 'ops', name: 'Operations' }], levels: [] };
    const md = ['## Craft', '- one', '- two', '## Operations', '- three', '- four', '## Behaviors', '- a', '- b', '- c', '## Gap', 'g'].join('\n');
    expect(checkDoc({ markdown: md, ladder })).toMatchObject({ projects: 4, ok: true });
  });
});
