import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  agreementReports,
  addAgreement,
  dueItems,
  recordPayment,
  todayIn,
} from '../../app/agreements/agreements.js';
import { agreementView } from '../../app/agreements/present.js';
import type { ReplanResult } from '../../app/agreements/replan.js';
import {
  checkReplanForm,
  checkReplanLetterRequest,
  replanFromInputs,
  type ReplanInputs,
} from '../../app/agreements/replan-input.js';
import { resolveCase } from '../../app/cases.js';
import { AppError } from '../../app/errors.js';
import { runForecast } from '../../app/forecast.js';
import type { BelowZero } from '../../core/forecast/index.js';
import {
  AgreementCreate,
  AgreementView,
  DueItem,
  ForecastQuery,
  ForecastView,
  IdParams,
  PaymentCreate,
  ReplanLetterQuery,
  ReplanRequest,
  ReplanView,
} from '../../contracts/index.js';
import { addMonths } from '../../core/dates/index.js';
import { formatYuan, type Cents } from '../../core/money/index.js';
import { contentDisposition, sendLetter } from '../download.js';
import type { RouteOptions } from './index.js';

const y = (c: Cents) => formatYuan(c);

function belowZeroView(b: BelowZero | null) {
  if (b === null) return null;
  const risk = b.atRisk;
  return {
    date: b.on,
    balance: y(b.balance),
    cause: b.cause,
    atRisk:
      risk === null ? null : { lender: risk.lender, amount: y(risk.amount), dueDate: risk.dueOn },
    messageZh:
      `${b.on} 余额将降到 ${y(b.balance)} 元（${b.cause}）` +
      (risk === null
        ? '。'
        : `，${risk.debitOn} 要还的 ${risk.lender} ${y(risk.amount)} 元可能还不上。`),
    message:
      `On ${b.on} the balance falls to ${y(b.balance)} (${b.cause})` +
      (risk === null
        ? '.'
        : `; the ${y(risk.amount)} due to ${risk.lender} on ${risk.debitOn} is at risk.`),
  };
}

function letterUrl(i: ReplanInputs, agreementId: string): string {
  const q = new URLSearchParams({ agreementId, asOf: i.asOf, lang: i.lang, format: 'docx' });
  if (i.lenderIds.length > 0) q.set('lenderIds', i.lenderIds.join(','));
  if (i.capacity !== undefined) q.set('capacity', i.capacity);
  return `/api/agreements/replan/letter?${q.toString()}`;
}

function letterFileName(lang: 'zh' | 'en', lender: string, asOf: string, format: string): string {
  const safe = lender.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60);
  return `${lang === 'en' ? 'Renegotiation request' : '重新协商还款申请书'}-${safe}-${asOf}.${format}`;
}

/** The app's result on the wire: per affected agreement the level ask as dated installments. */
function replanView(i: ReplanInputs, r: ReplanResult): ReplanView {
  const decoder = new TextDecoder();
  return {
    asOf: r.asOf,
    lang: i.lang,
    capacity: { before: y(r.replan.previous.capacity), after: y(r.replan.plan.capacity) },
    // asks, summary lines and letters come in the same order (one per affected agreement with an ask)
    plans: r.asks.map((a, k) => {
      const affected = r.affected.find((x) => x.agreementId === a.agreementId)!;
      const letter = r.letters[k];
      if (letter === undefined || letter.lender !== a.lender)
        throw new Error(`assertion failed: no letter for the ask to ${a.lender}`);
      return {
        agreementId: a.agreementId,
        lenderId: affected.lenderId,
        lender: a.lender,
        reasons: affected.reasons,
        arrears: y(affected.arrears),
        agreementEndDate: a.agreementEndOn,
        monthly: y(a.monthly),
        count: a.installments,
        last: y(a.last),
        total: y(a.total),
        firstDueDate: a.firstDueOn,
        endDate: a.endOn,
        installments: Array.from({ length: a.installments }, (_, n) => ({
          seq: n + 1,
          dueDate: addMonths(a.firstDueOn, n),
          amount: y(n === a.installments - 1 ? a.last : a.monthly),
        })),
        ask: { zh: r.summary.zh[k] ?? '', en: r.summary.en[k] ?? '' },
        letter: {
          text: decoder.decode(letter.bytes),
          fileName: letterFileName(i.lang, a.lender, r.asOf, 'docx'),
          downloadUrl: letterUrl(i, a.agreementId),
        },
      };
    }),
  };
}

/** Agreements, payments, due list, forecast, calendar (F11) and re-planning. */
export const agreementRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const tags = ['agreements'];
  const reportFor = async (caseId: string, id: string) => {
    const r = (await agreementReports(deps, caseId as never, { asOf: todayIn(deps) })).reports.find(
      (x) => x.agreement.id === id,
    );
    if (r === undefined)
      throw new AppError('not-found', `agreement "${id}" is not in this case`, {
        field: 'id',
        messageZh: '没有这份协议',
      });
    return r;
  };

  app.get(
    '/agreements',
    { schema: { tags, response: { 200: z.object({ agreements: z.array(AgreementView) }) } } },
    async () => {
      const c = await resolveCase(deps);
      return {
        agreements: (await agreementReports(deps, c.id, { asOf: todayIn(deps) })).reports.map(
          agreementView,
        ),
      };
    },
  );

  app.post(
    '/agreements',
    { schema: { tags, body: AgreementCreate, response: { 201: AgreementView } } },
    async (req, reply) => {
      const b = req.body;
      const c = await resolveCase(deps);
      const { agreement } = await addAgreement(deps, c.id, {
        lender: b.lenderId,
        raw: {
          agreedOn: b.agreedDate,
          segments: [{ count: b.count, amount: b.monthlyAmount, firstDueOn: b.firstDueDate }],
          confirmedInWriting: b.isConfirmedInWriting,
          ...(b.paymentChannel ? { paymentChannel: b.paymentChannel } : {}),
          ...(b.agentName ? { agentName: b.agentName } : {}),
          ...(b.notes ? { notes: b.notes } : {}),
        },
      });
      return reply.status(201).send(agreementView(await reportFor(c.id, agreement.id)));
    },
  );

  app.post(
    '/agreements/:id/payments',
    { schema: { tags, params: IdParams, body: PaymentCreate, response: { 201: AgreementView } } },
    async (req, reply) => {
      const c = await resolveCase(deps);
      await reportFor(c.id, req.params.id);
      const b = req.body;
      await recordPayment(deps, c.id, {
        agreement: req.params.id,
        amount: b.amount,
        date: b.paidDate,
        ...(b.channel ? { channel: b.channel } : {}),
        ...(b.note ? { note: b.note } : {}),
        asOf: todayIn(deps),
      });
      return reply.status(201).send(agreementView(await reportFor(c.id, req.params.id)));
    },
  );

  app.post(
    '/agreements/replan',
    {
      schema: {
        tags,
        summary:
          'Re-plan agreements after a missed installment, a risk or an income change; drafts a letter per lender (writes nothing)',
        body: ReplanRequest,
        response: { 200: ReplanView },
      },
    },
    async (req) => {
      const c = await resolveCase(deps);
      const inputs = await checkReplanForm(deps, c.id, req.body);
      return replanView(inputs, await replanFromInputs(deps, inputs, 'md'));
    },
  );

  app.get(
    '/agreements/replan/letter',
    {
      schema: {
        tags,
        summary: "Download one re-plan letter (the POST's inputs, one agreement)",
        querystring: ReplanLetterQuery,
      },
    },
    async (req, reply) => {
      const q = req.query;
      const c = await resolveCase(deps);
      const inputs = await checkReplanLetterRequest(deps, c.id, {
        asOf: q.asOf,
        capacity: q.capacity,
        lenderIds: (q.lenderIds ?? '').split(',').filter(Boolean),
        lang: q.lang,
      });
      const r = await replanFromInputs(deps, inputs, q.format);
      const k = r.asks.findIndex((a) => a.agreementId === q.agreementId);
      const letter = r.letters[k];
      if (letter === undefined)
        throw new AppError(
          'not-found',
          `agreementId: agreement "${q.agreementId}" is not in this re-plan`,
          {
            field: 'agreementId',
            messageZh: '这份协议不在本次重新协商的方案中',
          },
        );
      const name = letterFileName(q.lang, letter.lender, r.asOf, q.format);
      return sendLetter(reply, letter.bytes, q.format, name);
    },
  );

  app.get(
    '/due',
    {
      schema: {
        tags,
        querystring: z.object({ days: z.coerce.number().int().min(0).max(366).default(30) }),
        response: { 200: z.object({ items: z.array(DueItem) }) },
      },
    },
    async (req) => {
      const c = await resolveCase(deps);
      const items = await dueItems(deps, c.id, { asOf: todayIn(deps), days: req.query.days });
      return {
        items: items
          .filter((i) => i.kind === 'installment')
          .map((i) => ({
            agreementId: i.agreementId ?? '',
            lender: i.lender ?? '',
            dueDate: i.date,
            amount: i.amount === null ? '0.00' : y(i.amount),
            status: i.status,
          })),
      };
    },
  );

  app.get(
    '/forecast',
    { schema: { tags, querystring: ForecastQuery, response: { 200: ForecastView } } },
    async (req) => {
      const c = await resolveCase(deps);
      const q = req.query;
      const { forecast: f, sources } = await runForecast(deps, c.id, {
        asOf: todayIn(deps),
        days: q.days,
        balance: q.balance,
        ...(q.payday ? { paydays: [q.payday] } : {}),
      });
      return {
        asOf: f.asOf,
        days: f.days.map((d) => ({ date: d.date, balance: y(d.balance) })),
        warnings: f.warnings.map((w) => ({
          dueDate: w.dueOn,
          actBy: w.actBy,
          lender: w.lender,
          amount: y(w.amount),
          shortBy: y(w.shortfall),
          messageZh: `${w.actBy} 前要处理：${w.lender} 第 ${w.seq} 期 ${y(w.amount)} 元到期时余额差 ${y(w.shortfall)} 元。${w.suggestions.map((s) => s.messageZh).join(' ')}`,
          message: `Act by ${w.actBy}: ${w.lender} installment ${w.seq} (${y(w.amount)}) is short by ${y(w.shortfall)}. ${w.suggestions.map((s) => s.message).join(' ')}`,
        })),
        firstBelowZero: belowZeroView(f.firstBelowZero),
        assumedDays: sources.assumedDays,
      };
    },
  );

  app.get(
    '/calendar.ics',
    {
      schema: {
        tags,
        summary: 'Every open installment and escalation deadline as calendar events (stable UIDs)',
      },
    },
    async (_req, reply) => {
      const c = await resolveCase(deps);
      // the ICS writer (and its validation library) loads on first export, not at rest
      const { exportCalendar } = await import('../../app/reminders.js');
      const { ics } = await exportCalendar(deps, c.id, { asOf: todayIn(deps) });
      return reply
        .header('Content-Type', 'text/calendar; charset=utf-8')
        .header('Content-Disposition', contentDisposition('协商还款提醒.ics'))
        .send(ics);
    },
  );
};
