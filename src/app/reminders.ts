// Use case: reminders as a calendar file (ICS): every open installment and every escalation
// follow-up date, with alarms, at a local time in the user's zone, with stable UIDs so that
// importing a newer export updates the same events instead of duplicating them.
import { formatMoney } from '../core/money/index.js';
import { PAYMENT_CHANNEL_ZH, type PaymentChannel } from '../core/agreement/index.js';
import type { IsoDate } from '../core/dates/index.js';
import { CHANNELS, type Channel } from '../documents/channels.js';
import {
  DEFAULT_TIME_ZONE,
  parseTimeZone,
  renderIcs,
  type CalendarEvent,
} from '../documents/render/ics.js';
import { createAgreementRepository } from '../db/repositories/agreements-repository.js';
import type { CaseId } from '../db/types.js';
import { agreementReports } from './agreements/agreements.js';
import type { Deps } from './deps.js';
import { AppError } from './errors.js';

export { DEFAULT_TIME_ZONE };

/** A channel's short Chinese name for a calendar title ("国家金融监督管理总局", not "nfra-12378"). */
export function channelNameZh(id: string): string {
  const c = (CHANNELS as Record<string, Channel | undefined>)[id];
  return c === undefined ? id : (c.nameZh.split('（')[0] ?? c.nameZh);
}

function channelNameEn(id: string): string {
  const c = (CHANNELS as Record<string, Channel | undefined>)[id];
  return c === undefined ? id : (c.nameEn.split(' (')[0] ?? c.nameEn);
}

export interface CalendarRequest {
  asOf: IsoDate;
  timeZone?: string;
  /** 'HH:MM' local, default 09:00 */
  time?: string;
  /** default [3, 1] */
  alarmDaysBefore?: number[];
}

/** Stable event ids: derived from the agreement id and installment number (or escalation id). */
export function installmentUid(agreementId: string, seq: number): string {
  return `agreement-${agreementId}-${seq}@xieshang`;
}
export function escalationUid(id: string): string {
  return `escalation-${id}@xieshang`;
}

function parseTime(text: string): { hour: number; minute: number } {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (m === null || Number(m[1]) > 23 || Number(m[2]) > 59)
    throw new AppError('invalid-time', `time: "${text}" is not HH:MM`, {
      field: 'time',
      messageZh: `time：“${text}”不是 HH:MM 格式`,
    });
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/** Builds the calendar text and says how many events of each kind it holds. */
export async function exportCalendar(
  deps: Deps,
  caseId: CaseId,
  req: CalendarRequest,
): Promise<{ ics: string; installments: number; escalations: number; timeZone: string }> {
  const tz = parseTimeZone(req.timeZone ?? DEFAULT_TIME_ZONE, 'tz');
  if (!tz.ok) throw AppError.fromIssue(tz.error);
  const time = parseTime(req.time ?? '09:00');
  const alarms = req.alarmDaysBefore ?? [3, 1];
  if (alarms.some((d) => !Number.isInteger(d) || d < 0 || d > 60))
    throw new AppError('invalid-input', 'alarm: days before must be 0 to 60', {
      field: 'alarm',
      messageZh: 'alarm：提前天数应为 0 到 60',
    });
  const { reports } = await agreementReports(deps, caseId, { asOf: req.asOf });
  const events: CalendarEvent[] = [];
  for (const r of reports) {
    const a = r.agreement;
    const who = a.lenderBrand ? `${a.lenderBrand}（${a.lenderName}）` : a.lenderName;
    const how = [
      a.paymentChannel ? PAYMENT_CHANNEL_ZH[a.paymentChannel as PaymentChannel] : null,
      a.payToAccount ? `收款账户：${a.payToAccount}` : null,
    ]
      .filter(Boolean)
      .join('；');
    // Every payment on the agreement may change what an installment still asks for: the event's
    // version is the number of payments recorded, its LAST-MODIFIED the latest record's time.
    const lastModified = [a.createdAt, ...r.payments.map((p) => p.createdAt)].reduce((x, y) =>
      y > x ? y : x,
    );
    for (const s of r.status.installments) {
      if (s.remaining <= 0) continue;
      events.push({
        uid: installmentUid(a.id, s.seq),
        sequence: r.payments.length,
        lastModified,
        date: s.dueOn,
        title: `还款 ${formatMoney(s.remaining)} · ${a.lenderBrand ?? a.lenderName} 第${s.seq}期`,
        description: [
          `${who} 协议分期 第 ${s.seq}/${a.installments.length} 期，应还 ${formatMoney(s.amount)}${s.paid > 0 ? `，已还 ${formatMoney(s.paid)}` : ''}，到期日 ${s.dueOn}。`,
          how === '' ? '' : `还款方式：${how}。`,
          '请提前确认账户余额；如无法按时还款，请在到期前主动联系对方协商。',
          `Repay ${formatMoney(s.remaining)} to ${a.lenderName}, installment ${s.seq}, due ${s.dueOn}.`,
        ]
          .filter((x) => x !== '')
          .join('\n'),
      });
    }
  }
  const escalations = (
    await createAgreementRepository(deps.db).listEscalationDeadlines(caseId)
  ).map((e): CalendarEvent => ({
    uid: escalationUid(e.id),
    // each change of the escalation (status, reference, notes) is a new version of its reminder
    sequence: e.revision,
    lastModified: e.updatedAt,
    date: e.chaseOn,
    title: `跟进投诉/申请 · ${channelNameZh(e.channel)}${e.lenderName ? ` · ${e.lenderName}` : ''}`,
    description: [
      `${channelNameZh(e.channel)}：${e.sentOn ? `${e.sentOn} 提交` : '已提交'}${e.reference ? `，编号 ${e.reference}` : ''}；到 ${e.chaseOn} 仍无答复请跟进。`,
      `Follow up the ${channelNameEn(e.channel)} escalation${e.reference ? ` (${e.reference})` : ''} by ${e.chaseOn}.`,
    ].join('\n'),
  }));
  const ics = renderIcs([...events, ...escalations], {
    timeZone: tz.value,
    time,
    alarmDaysBefore: alarms,
    calendarName: '协商还款提醒 Xieshang',
    stamp: deps.clock.now(),
  });
  return { ics, installments: events.length, escalations: escalations.length, timeZone: tz.value };
}
