import { afterEach, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import type { Instant, IsoDate } from '../../core/dates/index.js';
import fc from 'fast-check';
import { foldOctets, parseTimeZone, renderIcs, zonedToUtc, type CalendarOptions } from './ics.js';

const opts: CalendarOptions = {
  timeZone: 'Asia/Shanghai',
  time: { hour: 9, minute: 0 },
  alarmDaysBefore: [3, 1],
  calendarName: '协商还款',
  stamp: '2026-11-29T08:00:00.000Z' as Instant,
};
const events = [
  {
    uid: 'agreement-A-1@xieshang',
    date: '2027-01-28' as IsoDate,
    title: '还借呗 ¥980.00',
    description: '第 1 期',
  },
  {
    uid: 'escalation-E@xieshang',
    date: '2027-02-01' as IsoDate,
    title: '跟进 12378 投诉',
    description: '',
  },
];

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      startUtc: e.startDate.toJSDate().toISOString(),
      alarms: v
        .getAllSubcomponents('valarm')
        .map((a) => String(a.getFirstPropertyValue('trigger'))),
    };
  });
}

const savedTz = process.env['TZ'];
afterEach(() => {
  if (savedTz === undefined) delete process.env['TZ'];
  else process.env['TZ'] = savedTz;
});

describe('renderIcs', () => {
  it('puts each event at 09:00 Asia/Shanghai (01:00 UTC), parsed back with ical.js', () => {
    const parsed = parse(renderIcs(events, opts));
    expect(parsed.map((p) => [p.uid, p.summary, p.startUtc])).toEqual([
      ['agreement-A-1@xieshang', '还借呗 ¥980.00', '2027-01-28T01:00:00.000Z'],
      ['escalation-E@xieshang', '跟进 12378 投诉', '2027-02-01T01:00:00.000Z'],
    ]);
    expect(parsed[0]!.alarms).toEqual(['-PT72H', '-PT24H']);
  });

  it('folds lines at 75 octets, not 75 characters, without splitting a UTF-8 character (RFC 5545 §3.1)', () => {
    const long = [
      {
        uid: 'agreement-B-2@xieshang',
        date: '2027-03-15' as IsoDate,
        title: '还款 ¥980.00 · 重庆蚂蚁消费金融有限公司（借呗）第2期',
        description:
          '借呗 协议分期 第 2/36 期，应还 ¥980.00。\n还款方式：App 内还款；收款账户：借呗 App「还款」页，绑定招商银行储蓄卡尾号 1234 自动扣款。',
      },
    ];
    const text = renderIcs(long, opts);
    const bytes = Buffer.from(text, 'utf8');
    const lines = bytes.toString('latin1').split('\r\n');
    for (const l of lines) expect(Buffer.from(l, 'latin1').length).toBeLessThanOrEqual(75);
    // each physical line is valid UTF-8 on its own: no character was cut in half
    for (const l of lines)
      expect(
        Buffer.from(Buffer.from(l, 'latin1').toString('utf8'), 'utf8').equals(
          Buffer.from(l, 'latin1'),
        ),
      ).toBe(true);
    const v = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
    expect(v.getFirstPropertyValue('summary')).toBe(long[0]!.title);
    expect(v.getFirstPropertyValue('description')).toBe(long[0]!.description);
  });

  it('property: folding keeps every line within 75 octets and unfolds back to the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (body) => {
        const line = `DESCRIPTION:${body.replace(/[\r\n]/g, '')}`;
        const folded = foldOctets(line);
        for (const l of folded.split('\r\n'))
          expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, '')).toBe(line);
      }),
    );
  });

  it('does not depend on the host time zone (TOOLCHAIN.md G13)', () => {
    const a = renderIcs(events, opts);
    process.env['TZ'] = 'America/New_York';
    expect(renderIcs(events, opts)).toBe(a);
  });

  it('keeps UIDs stable and output byte-identical across exports', () => {
    expect(renderIcs(events, opts)).toBe(renderIcs(events, opts));
    expect(
      parse(renderIcs([...events].reverse(), opts))
        .map((p) => p.uid)
        .sort(),
    ).toEqual(events.map((e) => e.uid).sort());
  });

  it('converts another zone, across a DST change (America/New_York)', () => {
    expect(
      new Date(zonedToUtc('2027-03-15' as IsoDate, 9, 0, 'America/New_York')).toISOString(),
    ).toBe('2027-03-15T13:00:00.000Z');
    expect(
      new Date(zonedToUtc('2027-01-15' as IsoDate, 9, 0, 'America/New_York')).toISOString(),
    ).toBe('2027-01-15T14:00:00.000Z');
  });

  it('writes a valid empty calendar and rejects an unknown zone', () => {
    expect(
      new ICAL.Component(ICAL.parse(renderIcs([], opts))).getAllSubcomponents('vevent'),
    ).toHaveLength(0);
    expect(parseTimeZone('Mars/Olympus').ok).toBe(false);
    expect(parseTimeZone('Asia/Shanghai')).toEqual({ ok: true, value: 'Asia/Shanghai' });
  });
});
