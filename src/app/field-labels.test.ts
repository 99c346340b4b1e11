import { describe, expect, it } from 'vitest';
import { fieldLabel, humanizeMessage } from './field-labels.js';

describe('fieldLabel', () => {
  it.each([
    ['segments[0].dueOn', '第 1 段首期还款日'],
    ['segments.1.dueOn', '第 2 段首期还款日'],
    ['body.occurredAt', '联系时间'],
    ['at', '联系时间'],
    ['household.note', '家庭情况备注'],
    ['lines.0.monthly', '第 1 行每月金额'],
    ['cashflows[1].date', '第 2 笔现金流日期'],
    ['date', '日期'],
    ['lines.2', '预算项目第 3 行'],
  ])('%s → %s', (path, label) => {
    expect(fieldLabel(path, 'zh')).toBe(label);
  });

  it('never shows an unknown path in Chinese', () => {
    expect(fieldLabel('body.fooBar', 'zh')).toBe('这一项');
  });

  it('says it in English too', () => {
    expect(fieldLabel('segments[0].dueOn', 'en')).toBe('segment 1 first due date');
  });
});

describe('humanizeMessage', () => {
  it('replaces the path at the start and inside, in each spelling', () => {
    expect(humanizeMessage('at：2030-01-01T00:00Z 是将来的时间', 'at', 'zh')).toBe(
      '联系时间：2030-01-01T00:00Z 是将来的时间',
    );
    expect(
      humanizeMessage('segments.0.dueOn：日历上没有 2026-02-30 这一天', 'segments[0].dueOn', 'zh'),
    ).toBe('第 1 段首期还款日：日历上没有 2026-02-30 这一天');
  });

  it('leaves words that only contain the field name alone', () => {
    expect(humanizeMessage('format: 不支持', 'at', 'zh')).toBe('format: 不支持');
  });
});
