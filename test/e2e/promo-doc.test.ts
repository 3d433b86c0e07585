import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOC_VIEWS } from '../../src/slack/ids.js';
import { startTestApp, type TestApp } from '../support/app-harness.js';
import { databaseKinds } from '../support/databases.js';
import { onboardUser } from '../support/onboarding.js';
import { state, type StateValues } from '../support/slack-requests.js';

const kinds = await databaseKinds();
const NOW = new Date('2026-11-23T15:00:00Z');
const ENGINEER = 'U0DOCWRITER';
const PEER = 'U0PEERSTAFF';
const EXAMPLE_LADDER = path.join(import.meta.dirname, '..', '..', 'src', 'ladder', 'example-ladder.yaml');

type Db = TestApp['coach']['database']['prisma'];
type View = { blocks: { type: string; block_id?: string; text?: { text: string }; element?: { initial_value?: string } }[] };

const WINS: [string, string, string[], boolean, boolean][] = [
  ['Led the storage migration with the payments and search teams', '2026-10-01', ['scope', 'cross_team'], true, false],
  ['Wrote the caching RFC two other teams adopted', '2026-09-12', ['writing', 'tech'], true, false],
  ['Mentored two new hires through their first on-call', '2026-08-20', ['enabling'], false, true],
  ['Scoped the search rewrite from an unclear ask into three milestones', '2026-07-03', ['ambiguity'], false, false],
  ['Ran design reviews for the platform guild', '2026-06-15', ['enabling', 'tech'], true, true],
  ['Cut checkout p99 by 40%', '2026-05-02', ['scope'], false, false],
  ['Fixed a flaky test', '2026-04-01', [], false, false],
];

/** Wins, a finished prep case with its gap, and an active plan: what the doc argues from. */
async function seedCase(app: TestApp, criterion: (dimension: string) => string, withPrep = true) {
  const db: Db = app.coach.database.prisma;
  await onboardUser(app, ENGINEER);
  const wins = [];
  for (const [text, date, dims, crossTeam, enabledOthers] of WINS) {
    wins.push(await db.win.create({ data: { userId: ENGINEER, text, date, source: 'modal', criteria: dims.map(criterion), crossTeam, enabledOthers } }));
  }
  if (withPrep) {
    await db.prepDraft.create({
      data: {
        userId: ENGINEER,
        status: 'done',
        targetCycle: '2027 H2',
        examples: wins.slice(0, 4).map((w, i) => ({
          winId: w.id,
          text: w.text,
          date: w.date,
          criterionId: null,
          behavior: ['Set technical direction across three teams', 'Changed how other teams build through writing', 'Grew the people around me', 'Turned ambiguity into a plan'][i],
        })),
        gap: 'I have not yet led work that spans the whole org',
        stretchProject: 'Leading the cross-org API deprecation next quarter',
      },
    });
  }
  await db.plan.create({
    data: {
      userId: ENGINEER,
      managerId: 'UMANAGER',
      status: 'active',
      calibrationDate: '2027-12-01',
      criteria: { create: [{ position: 0, text: 'Present the deprecation plan at the architecture forum', dueDate: '2027-03-01', evidence: [] }] },
    },
  });
}

/** The preview modal's state, as Slack sends it back: every paragraph as shown unless edited. */
function valuesFrom(view: View, edits: Record<number, string> = {}, peers: string[] = []): StateValues {
  const values: StateValues = {
    [DOC_VIEWS.peersBlock]: { [DOC_VIEWS.peersAction]: { type: 'multi_users_select', selected_users: peers } },
  };
  let index = 0;
  for (const block of view.blocks) {
    if (block.block_id === DOC_VIEWS.titleBlock) values[block.block_id] = { [DOC_VIEWS.titleAction]: state.plainTextInput(block.element?.initial_value ?? '') };
    if (block.block_id?.startsWith(DOC_VIEWS.paragraphBlockPrefix)) {
      values[block.block_id] = { [DOC_VIEWS.paragraphAction]: state.plainTextInput(edits[index] ?? block.element?.initial_value ?? '') };
      index += 1;
    }
  }
  return values;
}

async function openDoc(app: TestApp): Promise<View> {
  await app.slack.command({ userId: ENGINEER, text: 'doc' });
  return (await app.fake.waitForCall('views.open')).args.view as View;
}

async function sendDoc(app: TestApp, values: StateValues) {
  const res = await app.slack.viewSubmission({ userId: ENGINEER, callbackId: DOC_VIEWS.preview, values });
  await app.fake.waitForCall('files.completeUploadExternal');
  const upload = app.fake.uploads.find((u) => u.filename.endsWith('.md'));
  const complete = app.fake.callsTo('files.completeUploadExternal')[0];
  return { ack: res.json<{ response_action: string; view: View }>(), markdown: upload?.content ?? '', comment: String(complete?.args.initial_comment ?? '') };
}

describe.each(kinds)('the promo doc on %s', (database) => {
  it('when an engineer with a prep case and a plan opens /promo doc, edits a paragraph and picks a peer, then the Markdown in their DM has all four sections', async () => {
    const app = await startTestApp({ database, now: NOW });
    app.fake.setUser(PEER, { tz: 'Europe/Berlin', real_name: 'Priya Staff' });
    await seedCase(app, (d) => `staff.${d}`);

    const view = await openDoc(app);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('Scope & Impact');
    expect(text).toContain('Next-Level Behaviors');
    expect(text).toContain('The Gap');
    expect(text).toContain('**Set technical direction across three teams.** Led the storage migration');
    expect(text).toContain('I am closing it with leading the cross-org API deprecation next quarter');
    expect(text).toContain('Present the deprecation plan at the architecture forum by 2027-03-01');
    // The coach's check ran: no peers yet is worth knowing.
    expect(text).toContain('No Peer Calibration section');
    const projects = view.blocks.filter((b) => b.block_id?.startsWith(`${DOC_VIEWS.paragraphBlockPrefix}scope:`));
    expect(projects).toHaveLength(6);

    const { ack, markdown, comment } = await sendDoc(app, valuesFrom(view, { 0: '**Set direction for three teams.** Led the storage migration, edited by me.' }, [PEER]));
    expect(ack.response_action).toBe('update');
    expect(JSON.stringify(ack.view.blocks)).toContain('On its way to our DM');
    expect(markdown).toMatch(/^# Promotion case: Staff Engineer, 2027 H2\n/);
    expect(markdown).toContain('## Scope & Impact\n\n**Set direction for three teams.** Led the storage migration, edited by me.');
    expect(markdown).toContain('## Next-Level Behaviors\n\n- ');
    expect(markdown).toContain('## The Gap\n\nI have not yet led work that spans the whole org.');
    expect(markdown).toContain('## Peer Calibration');
    expect(markdown).toContain('- Priya Staff');
    expect(comment).toMatch(/\d+ words: it fits two pages/);
  });

  it('when the company loaded its own ladder, then its dimension names are the headers and the doc check counts them as projects', async () => {
    const app = await startTestApp({ database, now: NOW, env: { LADDER_FILE: EXAMPLE_LADDER } });
    const ids: Record<string, string> = {
      scope: 'staff.scope.product_area',
      cross_team: 'staff.collab.alignment',
      tech: 'staff.leadership.direction',
      writing: 'staff.leadership.direction',
      enabling: 'staff.enabling.design_reviews',
      ambiguity: 'staff.scope.product_area',
    };
    await seedCase(app, (d) => ids[d] ?? d);
    const view = await openDoc(app);
    const headers = view.blocks.filter((b) => b.type === 'header').map((b) => b.text?.text);
    expect(headers).toEqual(expect.arrayContaining(['Scope and impact', 'Technical leadership', 'Enabling others', 'Next-Level Behaviors', 'The Gap']));
    expect(headers).not.toContain('Scope & Impact');
    expect(JSON.stringify(view.blocks)).not.toContain('projects; calibration expects');

    const { markdown } = await sendDoc(app, valuesFrom(view));
    expect(markdown).toContain('## Technical leadership');
    expect(markdown).toContain('## Enabling others');
    expect(markdown).not.toContain('## Scope & Impact');
    expect(markdown).toMatch(/- \*\*(Scope and impact|Technical leadership|Cross-team collaboration|Enabling others):\*\* /);
  });

  it('when there is no prep case yet, then the draft comes from the wins, names the thinnest criterion as the gap and says so', async () => {
    const app = await startTestApp({ database, now: NOW });
    await seedCase(app, (d) => `staff.${d}`, false);
    const text = JSON.stringify((await openDoc(app)).blocks);
    expect(text).toContain('Drafted from your wins: no prep case yet.');
    expect(text).toContain('You have not named your gap yet');
    expect(text).toContain('Where my evidence is thinnest');
    // Behavior first, from the ladder, for a win with no behavior written.
    expect(text).toMatch(/\*\*[A-Z][^*]+\.\*\* Led the storage migration/);
  });

  it('when the edited doc runs past two pages, then the modal and the DM both warn with the word count', async () => {
    const app = await startTestApp({ database, now: NOW });
    await seedCase(app, (d) => `staff.${d}`);
    const view = await openDoc(app);
    const { ack, comment } = await sendDoc(app, valuesFrom(view, { 0: `**Led it.** ${'word '.repeat(1100)}` }));
    expect(JSON.stringify(ack.view.blocks)).toMatch(/:warning: \*1\d{3} words\*: about \d+ over two pages/);
    expect(comment).toMatch(/It is 1\d{3} words, past the two pages/);
  });

  it('when someone who has not onboarded types /promo doc, then onboarding opens instead', async () => {
    const app = await startTestApp({ database, now: NOW });
    await app.slack.command({ userId: ENGINEER, text: 'doc' });
    const open = await app.fake.waitForCall('views.open');
    expect((open.args.view as { callback_id: string }).callback_id).toBe('onboarding');
  });
});
