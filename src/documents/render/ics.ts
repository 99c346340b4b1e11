// Calendar export (RFC 5545) through the `ics` package. `ics` converts local times with the
// process time zone (TOOLCHAIN.md G13), so we convert wall-clock time in the user's zone to UTC
// ourselves and pass UTC in and out explicitly: the output is the same whatever TZ the host has.
import { createEvents, type EventAttributes } from 'ics';
import { err, ok, type FieldIssue, type Result, assert } from '../../core/result.js';
import type { Instant, IsoDate } from '../../core/dates/index.js';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export interface CalendarEvent {
  /** stable across exports, so a re-import updates the same event */
  uid: string;
  date: IsoDate;
  title: string;
  description: string;
  /** RFC 5545 SEQUENCE: raised whenever the event's content changes (default 0) */
  sequence?: number;
  /** LAST-MODIFIED: when the record behind the event last changed (never the export clock) */
  lastModified?: Instant;
}

/** PRODID (RFC 5545 §3.7.3): who made the calendar, in the formal public identifier form. */
export const PRODID = '-//Xieshang//协商 0.1//ZH';

export interface CalendarOptions {
  /** IANA zone of the wall-clock times, e.g. 'Asia/Shanghai' */
  timeZone: string;
  /** local time of the event, e.g. { hour: 9, minute: 0 } */
  time: { hour: number; minute: number };
  /** alarms this many days before, at the event's local time */
  alarmDaysBefore: number[];
  calendarName: string;
  /** DTSTAMP: when the export was made (passed in, so the output is reproducible) */
  stamp: Instant;
}

/** Checks an IANA time-zone name with the runtime's Intl data. */
export function parseTimeZone(text: string, field = 'tz'): Result<string, FieldIssue> {
  try {
    return ok(new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone);
  } catch {
    return err({
      code: 'invalid-input',
      field,
      message: `${field}: "${text}" is not a known time zone (e.g. Asia/Shanghai)`,
      messageZh: `${field}：“${text}”不是已知的时区（例如 Asia/Shanghai）`,
    });
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Offset of `zone` from UTC at the instant `ms`, in ms (local − UTC). */
function zoneOffset(ms: number, zone: string): number {
  const parts = formatterFor(zone).formatToParts(new Date(ms));
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return local - Math.floor(ms / 1000) * 1000;
}

/** The UTC instant (ms) of a wall-clock time in `zone` (two passes settle DST changes). */
export function zonedToUtc(date: IsoDate, hour: number, minute: number, zone: string): number {
  const wall = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
    hour,
    minute,
  );
  const first = wall - zoneOffset(wall, zone);
  return wall - zoneOffset(first, zone);
}

function utcArray(ms: number): [number, number, number, number, number] {
  const d = new Date(ms);
  return [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
  ];
}

/** An instant as an RFC 5545 UTC DATE-TIME, e.g. 20261129T080000Z. */
export function icsUtc(at: Instant): string {
  return new Date(Date.parse(at))
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/** Renders events as one VCALENDAR; each event lasts 30 minutes and carries display alarms. */
export function renderIcs(events: readonly CalendarEvent[], o: CalendarOptions): string {
  if (events.length === 0) {
    // `ics` refuses an empty list; an empty calendar is still a valid file to import
    return [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      `PRODID:${PRODID}`,
      'METHOD:PUBLISH',
      `X-WR-CALNAME:${o.calendarName}`,
      'END:VCALENDAR',
      '',
    ].join('\r\n');
  }
  const attrs: EventAttributes[] = events.map((e) => ({
    uid: e.uid,
    title: e.title,
    description: e.description,
    start: utcArray(zonedToUtc(e.date, o.time.hour, o.time.minute, o.timeZone)),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: 30 },
    productId: PRODID,
    calName: o.calendarName,
    sequence: e.sequence ?? 0,
    // as a ready UTC string: `ics` would read a date array in the process time zone
    ...(e.lastModified === undefined ? {} : { lastModified: icsUtc(e.lastModified) }),
    alarms: o.alarmDaysBefore.map((days) => ({
      action: 'display' as const,
      description: e.title,
      trigger: { before: true, hours: days * 24 },
    })),
    // DTSTAMP; accepted by ics's schema though missing from its types
    ...({ timestamp: Date.parse(o.stamp) } as object),
  }));
  const r = createEvents(attrs, {
    productId: PRODID,
    method: 'PUBLISH',
    calName: o.calendarName,
  });
  assert(
    r.error === null && r.value !== null,
    () => `ics could not render: ${String(r.error?.message)}`,
  );
  return foldOctets(r.value);
}

/**
 * Re-folds content lines at 75 octets (RFC 5545 §3.1). `ics` folds at 75 characters, so a
 * Chinese description made 180-octet lines that strict importers may reject; a fold never
 * splits a UTF-8 character.
 */
export function foldOctets(text: string): string {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .map(foldLine)
    .join('\r\n');
}

function foldLine(line: string): string {
  if (line.length * 3 <= 75) return line; // a UTF-16 unit is at most 3 octets
  const parts: string[] = [];
  let start = 0;
  let octets = 0;
  let limit = 75;
  for (let i = 0; i < line.length;) {
    const c = line.charCodeAt(i);
    const isPair = c >= 0xd800 && c <= 0xdbff && i + 1 < line.length;
    const n = c < 0x80 ? 1 : c < 0x800 ? 2 : isPair ? 4 : 3;
    if (octets + n > limit) {
      parts.push(line.slice(start, i));
      start = i;
      octets = 0;
      limit = 74; // the continuation line's leading space is the 75th octet
    }
    octets += n;
    i += isPair ? 2 : 1;
  }
  parts.push(line.slice(start));
  return parts.join('\r\n ');
}
