import { describe, expect, it } from 'vitest';
import { WIN_ACTIONS, WIN_FLAGS, WIN_VIEWS } from '../../src/slack/ids.js';
import { winModal, winNoticeModal, winSavedModal } from '../../src/slack/views/win-modal.js';
import { winLine, winSavedMessage, winsListMessage, winsListModal, type WinListEntry } from '../../src/slack/views/wins-list.js';
import { checkMessage, checkView } from '../support/block-kit-limits.js';

const win = (overrides: Partial<WinListEntry> = {}): WinListEntry => ({
  id: 'cwin0000000000000000000001',
  date: '2026-11-23',
  text: 'Wrote the caching RFC; the payments team adopted it',
  tags: ['Written influence', 'Cross-team collaboration'],
  crossTeam: true,
  enabledOthers: false,
  link: 'https://docs.example.com/rfc-42',
  permalink: null,
  ...overrides,
});

const criteriaOptions = Array.from({ length: 6 }, (_, i) => ({
  id: `staff.c${i}`,
  label: `Dimension ${i}: ${'a long description of what someone at this level does '.repeat(3)}`,
}));

type Block = { type: string; block_id?: string; element?: Record<string, unknown>; elements?: Record<string, unknown>[] };

describe('winModal', () => {
  it('when logging a new win, then it has text (3,000 max), a date defaulting to today, an optional link, criteria and flags', () => {
    const view = winModal({ today: '2026-11-23', targetLevelName: 'Staff Engineer', criteriaOptions, privateMetadata: '{"source":"home"}' });
    expect(checkView(view)).toEqual([]);
    expect(view.callback_id).toBe(WIN_VIEWS.win);
    expect(view.title.text).toBe('Log a win');
    const blocks = view.blocks as Block[];
    expect(blocks.map((b) => b.block_id)).toEqual([
      WIN_VIEWS.textBlock,
      WIN_VIEWS.dateBlock,
      WIN_VIEWS.linkBlock,
      WIN_VIEWS.criteriaBlock,
      WIN_VIEWS.flagsBlock,
    ]);
    expect(blocks[0]?.element).toMatchObject({ type: 'plain_text_input', multiline: true, max_length: 3000 });
    expect(blocks[0]?.element).not.toHaveProperty('initial_value');
    expect(blocks[1]?.element).toMatchObject({ type: 'datepicker', initial_date: '2026-11-23' });
    expect(blocks[2]).toMatchObject({ optional: true, element: { type: 'url_text_input' } });
    const criteria = blocks[3]?.element as { type: string; options: { text: { text: string }; value: string }[] };
    expect(criteria.type).toBe('multi_static_select');
    expect(criteria.options).toHaveLength(6);
    for (const option of criteria.options) expect(option.text.text.length).toBeLessThanOrEqual(75);
    expect(criteria).not.toHaveProperty('initial_options');
    const flags = blocks[4]?.element as { options: { value: string }[] };
    expect(flags.options.map((o) => o.value)).toEqual([WIN_FLAGS.crossTeam, WIN_FLAGS.enabledOthers]);
  });

  it('when editing, then every field starts with the stored value, the criteria and flags pre-selected', () => {
    const view = winModal({
      today: '2026-11-23',
      targetLevelName: 'Staff Engineer',
      criteriaOptions,
      privateMetadata: '{"source":"modal","winId":"w1"}',
      initial: {
        text: 'Mentored two new hires 🚀',
        date: '2026-11-02',
        link: 'https://x.example/pr/1',
        criteria: ['staff.c1', 'staff.c4', 'forged.id'],
        crossTeam: false,
        enabledOthers: true,
      },
    });
    expect(checkView(view)).toEqual([]);
    expect(view.title.text).toBe('Edit win');
    const blocks = view.blocks as Block[];
    expect(blocks[0]?.element?.initial_value).toBe('Mentored two new hires 🚀');
    expect(blocks[1]?.element?.initial_date).toBe('2026-11-02');
    expect(blocks[2]?.element?.initial_value).toBe('https://x.example/pr/1');
    expect((blocks[3]?.element?.initial_options as { value: string }[]).map((o) => o.value)).toEqual(['staff.c1', 'staff.c4']);
    expect((blocks[4]?.element?.initial_options as { value: string }[]).map((o) => o.value)).toEqual([WIN_FLAGS.enabledOthers]);
  });

  it('when the target level has no criteria, then the criteria input is left out rather than sent empty', () => {
    const view = winModal({ today: '2026-11-23', targetLevelName: 'L9', criteriaOptions: [], privateMetadata: '{}' });
    expect(checkView(view)).toEqual([]);
    expect((view.blocks as Block[]).map((b) => b.block_id)).not.toContain(WIN_VIEWS.criteriaBlock);
  });

  it('when a win is saved, then the confirmation modal shows it escaped and fits Block Kit', () => {
    const view = winSavedModal({ ...win({ text: 'Thanks <!channel> from <@U123>' }), edited: false });
    expect(checkView(view)).toEqual([]);
    const json = JSON.stringify(view);
    expect(json).toContain('&lt;!channel&gt;');
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<@U123>');
    expect(checkView(winNoticeModal('gone <!here>'))).toEqual([]);
    expect(JSON.stringify(winNoticeModal('gone <!here>'))).not.toContain('<!here>');
  });
});

describe('winLine', () => {
  it('when a win has tags, flags and links, then they all show on one line after the date and text', () => {
    const line = winLine(win({ enabledOthers: true, permalink: 'https://t.slack.com/archives/C1/p1' }));
    expect(line).toContain('*Mon 23 Nov 2026*');
    expect(line).toContain('Shows: Written influence, Cross-team collaboration');
    expect(line).toContain('cross-team');
    expect(line).toContain('enabled others');
    expect(line).toContain('<https://docs.example.com/rfc-42|link>');
    expect(line).toContain('<https://t.slack.com/archives/C1/p1|original message>');
  });

  it('when the text is long and holds control sequences, then it is cut and escaped, never a ping or a fake mention', () => {
    const line = winLine(win({ text: `<!channel> <@U123> <https://evil|click> & ${'x'.repeat(500)}`, tags: [] }));
    expect(line).toContain('&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil|click&gt; &amp;');
    expect(line).not.toMatch(/<[!@]/);
    expect(line).toContain('…');
    expect(line).toContain('No criteria tagged yet');
  });

  it('when a link holds a pipe or angle bracket, then it cannot break out of the link markup', () => {
    expect(winLine(win({ link: 'https://x.example/a|b>c' }))).toContain('<https://x.example/a%7Cb%3Ec|link>');
  });
});

describe('wins lists', () => {
  it('when there are no wins, then the list message says how to log the first one', () => {
    const message = winsListMessage({ wins: [] });
    expect(checkMessage(message)).toEqual([]);
    expect(message.text).toContain('/promo win');
  });

  it('when listing wins, then each has Edit and Delete buttons carrying the win id, and Delete asks first', () => {
    const message = winsListMessage({ wins: [win({ id: 'a' }), win({ id: 'b' })] });
    expect(checkMessage(message)).toEqual([]);
    const actions = message.blocks.filter((b) => b.type === 'actions') as unknown as { elements: Record<string, unknown>[] }[];
    expect(actions).toHaveLength(2);
    expect(actions.map((a) => a.elements.map((e) => [e.action_id, e.value]))).toEqual([
      [[WIN_ACTIONS.edit, 'a'], [WIN_ACTIONS.delete, 'a']],
      [[WIN_ACTIONS.edit, 'b'], [WIN_ACTIONS.delete, 'b']],
    ]);
    expect(actions[0]?.elements[1]).toHaveProperty('confirm');
  });

  it('when there are more wins than a surface holds, then the message and the modal stay within their block limits', () => {
    const many = Array.from({ length: 80 }, (_, i) => win({ id: `w${i}`, text: 'y'.repeat(3000) }));
    const message = winsListMessage({ wins: many });
    expect(checkMessage(message)).toEqual([]);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    const modal = winsListModal({ wins: many });
    expect(checkView(modal)).toEqual([]);
    expect(modal.blocks.length).toBeLessThanOrEqual(100);
  });

  it('when a win was saved, then the confirmation names the criteria it shows and offers Edit', () => {
    const message = winSavedMessage({ win: win(), targetLevelName: 'Staff Engineer', duplicate: false });
    expect(checkMessage(message)).toEqual([]);
    expect(message.text).toContain('*Written influence*, *Cross-team collaboration*');
    expect(JSON.stringify(message.blocks)).toContain(WIN_ACTIONS.edit);
  });

  it('when a saved win has no tags, then the confirmation says so and suggests adding the result', () => {
    const message = winSavedMessage({ win: win({ tags: [] }), targetLevelName: 'Staff Engineer', duplicate: false });
    expect(message.text).toContain('could not match it to a Staff Engineer criterion');
  });

  it('when the same message was saved twice, then the confirmation says the first copy was kept', () => {
    expect(winSavedMessage({ win: win(), targetLevelName: 'Staff Engineer', duplicate: true }).text).toContain('already saved');
  });
});
