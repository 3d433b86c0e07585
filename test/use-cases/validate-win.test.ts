import { describe, expect, it } from 'vitest';
import { isWebLink, textLength, validateWin, WIN_TEXT_MAX } from '../../src/use-cases/validate-win.js';

const TODAY = '2026-11-23';
const ok = { text: 'Led the incident review', date: TODAY, link: null };

describe('validateWin', () => {
  it('when text, date and link are fine, then there are no errors', () => {
    expect(validateWin({ ...ok, link: 'https://example.com/doc' }, TODAY)).toEqual({});
  });

  it.each([
    ['empty', ''],
    ['whitespace only', ' \n\t  '],
  ])('when the text is %s, then the text field has an error', (_, text) => {
    expect(Object.keys(validateWin({ ...ok, text }, TODAY))).toEqual(['text']);
  });

  it('when the text is exactly 3,000 characters, then it is accepted; at 3,001 it is refused with the count', () => {
    expect(validateWin({ ...ok, text: 'a'.repeat(WIN_TEXT_MAX) }, TODAY)).toEqual({});
    expect(validateWin({ ...ok, text: 'a'.repeat(WIN_TEXT_MAX + 1) }, TODAY).text).toContain('3,001');
  });

  it('when the text is 3,000 emoji, then each counts as one character and it is accepted', () => {
    const text = '🚀'.repeat(WIN_TEXT_MAX);
    expect(textLength(text)).toBe(WIN_TEXT_MAX);
    expect(validateWin({ ...ok, text }, TODAY)).toEqual({});
  });

  it('when the date is up to a week ahead, then it is accepted; eight days ahead is refused', () => {
    expect(validateWin({ ...ok, date: '2026-11-30' }, TODAY)).toEqual({});
    expect(Object.keys(validateWin({ ...ok, date: '2026-12-01' }, TODAY))).toEqual(['date']);
  });

  it.each(['', '2026-02-30', '23/11/2026'])('when the date is %j, then the date field has an error', (date) => {
    expect(Object.keys(validateWin({ ...ok, date }, TODAY))).toEqual(['date']);
  });

  it('when the date is long past, then it is accepted: old wins are still evidence', () => {
    expect(validateWin({ ...ok, date: '2025-01-02' }, TODAY)).toEqual({});
  });
});

describe('isWebLink', () => {
  it.each(['https://example.com', 'http://intranet.local/x?y=1'])('when the link is %s, then it is a web link', (link) => {
    expect(isWebLink(link)).toBe(true);
  });

  it.each(['javascript:alert(1)', 'ftp://example.com/file', 'example.com', 'mailto:a@b.c', `https://x.com/${'a'.repeat(2100)}`])(
    'when the link is %s, then it is refused',
    (link) => {
      expect(isWebLink(link)).toBe(false);
    },
  );
});
