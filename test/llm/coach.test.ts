import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStructuredClient } from '../../src/llm/client.js';
import { createLlmCoach } from '../../src/llm/coach.js';
import { maskText } from '../../src/llm/mask.js';
import type { LlmCoach, LlmCriterion } from '../../src/use-cases/llm-port.js';
import { FAKE_OPENAI_KEY, startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.js';

const criteria: LlmCriterion[] = [
  { id: 'staff.tech', dimension: 'Technical leadership', text: 'Sets technical direction for a group of teams.' },
  { id: 'staff.enabling', dimension: 'Enabling others', text: 'Grows senior engineers.' },
];

let fake: FakeOpenAi;
let coach: LlmCoach;
beforeEach(async () => {
  fake = await startFakeOpenAi();
  coach = createLlmCoach(createStructuredClient({ apiKey: FAKE_OPENAI_KEY, baseUrl: fake.baseUrl, model: 'test-model', timeoutMs: 1000 }), 50_000);
});
afterEach(async () => {
  await fake.close();
});

describe('masking what leaves the app', () => {
  it('when text names people, mentions and ids, then each becomes a placeholder and comes back in the answer', () => {
    const masked = maskText('Paired with Priya and <@U012ABCDEF> on the RFC; Priya’s review moved C0123456789 and sam@example.com. Led it on Monday.');
    expect(masked.text).toBe('Paired with [person 1] and [person 2] on the RFC; [person 1]’s review moved [id 1] and [email 1]. Led it on Monday.');
    expect(masked.restore('Mentored [person 1] with [person 2].')).toBe('Mentored Priya with <@U012ABCDEF>.');
  });
});

describe('the LLM tasks and the rules that check them', () => {
  it('when win tags come back for known criteria with a behavior-first rewrite, then they are used, names restored, and no name or Slack id was sent', async () => {
    fake.script({ json: { criteria: ['staff.enabling', 'staff.enabling'], rewrite: 'Mentored [person 1] through her first design review.' } });
    const answer = await coach.winTags({ winText: 'Helped Dana with <@U0PEER12345>’s design review', levelName: 'Staff Engineer', criteria });
    expect(answer).toMatchObject({ ok: true, value: { criteria: ['staff.enabling'], rewrite: 'Mentored Dana through her first design review.' } });
    const sent = JSON.stringify(fake.requests[0]?.body);
    expect(sent).not.toMatch(/Dana|U0PEER12345/);
    expect(fake.requests[0]?.delimited).toEqual(['Helped [person 1] with [person 2]’s design review']);
  });

  it('when win tags name a criterion that is not in the ladder, then the answer is refused', async () => {
    fake.script({ json: { criteria: ['staff.tech', 'staff.everything'], rewrite: 'Led the RFC.' } });
    expect(await coach.winTags({ winText: 'Wrote the RFC', levelName: 'Staff', criteria })).toMatchObject({ ok: false, failure: 'rejected', reason: 'names a criterion not in the ladder: staff.everything' });
  });

  it('when the rewrite does not lead with a behavior, then the answer is refused', async () => {
    fake.script({ json: { criteria: ['staff.tech'], rewrite: 'The RFC happened and latency went down.' } });
    expect(await coach.winTags({ winText: 'RFC shipped', levelName: 'Staff', criteria })).toMatchObject({ ok: false, reason: 'the rewrite does not lead with a behavior the rules recognise' });
  });

  it('when a case of nine examples is called ready, then the answer contradicts the rules and is refused', async () => {
    const examples = Array.from({ length: 9 }, (_, i) => `Project ${i + 1} shipped`);
    fake.script({ json: { rewrites: examples.map((_, index) => ({ index, text: `Led project ${index + 1} across three teams and mentored two engineers.` })), verdict: 'ready' } });
    const answer = await coach.behaviorRewrites({ levelName: 'Staff', examples });
    expect(answer).toMatchObject({ ok: false, failure: 'rejected' });
    expect(!answer.ok && answer.reason).toMatch(/calls the case ready, but the rules say: 9 examples/);
  });

  it('when rewrites skip an example, then the answer is refused; when they cover each once, then they come back in order', async () => {
    fake.script(
      { json: { rewrites: [{ index: 0, text: 'Led the migration.' }], verdict: 'needs_work' } },
      { json: { rewrites: [{ index: 1, text: 'Mentored two engineers.' }, { index: 0, text: 'Led the migration.' }], verdict: 'needs_work' } },
    );
    const examples = ['Migration done', 'Two engineers grew'];
    expect(await coach.behaviorRewrites({ levelName: 'Staff', examples })).toMatchObject({ ok: false, reason: 'rewrites examples 0, not each of 0–1 once' });
    expect(await coach.behaviorRewrites({ levelName: 'Staff', examples })).toMatchObject({ ok: true, value: { rewrites: ['Led the migration.', 'Mentored two engineers.'], verdict: 'needs_work' } });
  });

  it('when the hedge opinion calls praise a clear yes, or quotes words the manager never said, then it is refused; a hedge with a true quote is used', async () => {
    const managerSaid = 'You are doing really great work this half, Maria.';
    fake.script(
      { json: { kind: 'clear_yes', quote: 'doing really great work', why: 'Warm.' } },
      { json: { kind: 'soft_hedge', quote: 'let us revisit next cycle', why: 'A deferral.' } },
      { json: { kind: 'soft_hedge', quote: 'great work this half, [person 1]', why: 'Praise with no commitment.' } },
    );
    expect(await coach.hedgeOpinion({ managerSaid, rulesKind: 'soft_hedge' })).toMatchObject({ ok: false, reason: 'calls it a clear yes, but the quoted words commit to nothing' });
    expect(await coach.hedgeOpinion({ managerSaid, rulesKind: 'soft_hedge' })).toMatchObject({ ok: false, reason: 'quotes words that are not in the answer' });
    expect(await coach.hedgeOpinion({ managerSaid, rulesKind: 'soft_hedge' })).toMatchObject({ ok: true, value: { kind: 'soft_hedge', quote: 'great work this half, Maria' } });
  });

  it('when a doc draft runs over two pages or cites a win the user does not have, then it is refused', async () => {
    const wins = [{ ref: 'w1', text: 'Led the caching RFC' }];
    const long = `Led the caching work. ${'word '.repeat(1100)}`;
    fake.script(
      { json: { paragraphs: [{ criterionId: 'staff.tech', winRefs: ['w1'], text: long }] } },
      { json: { paragraphs: [{ criterionId: 'staff.tech', winRefs: ['w1', 'w7'], text: 'Led the caching RFC.' }] } },
      { json: { paragraphs: [{ criterionId: 'staff.tech', winRefs: ['w1'], text: 'Led the caching RFC that three teams adopted.' }] } },
    );
    const first = await coach.docParagraphs({ levelName: 'Staff', criteria, wins });
    expect(!first.ok && first.reason).toMatch(/^runs to 110\d words, over the two pages \(1000 words\)/);
    expect(await coach.docParagraphs({ levelName: 'Staff', criteria, wins })).toMatchObject({ ok: false, reason: 'cites wins the user does not have: w7' });
    expect(await coach.docParagraphs({ levelName: 'Staff', criteria, wins })).toMatchObject({ ok: true, value: { paragraphs: [{ criterionId: 'staff.tech', winRefs: ['w1'] }] } });
  });
});
