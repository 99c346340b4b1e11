import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  agreementReports,
  addAgreement,
  dueItems,
  recordPayment,
  todayIn,
  type AgreementReport,
} from '../../app/agreements.js';
import { resolveCase } from '../../app/cases.js';
import { AppError } from '../../app/errors.js';
import { runForecast } from '../../app/forecast.js';
import { exportCalendar } from '../../app/reminders.js';
import {
  AgreementCreate,
  AgreementView,
  DueItem,
  ForecastQuery,
  ForecastView,
  IdParams,
  PaymentCreate,
} from '../../contracts/index.js';
import { formatYuan, type Cents } from '../../core/money/index.js';
import { contentDisposition } from '../download.js';
import type { RouteOptions } from './index.js';

const y = (c: Cents) => formatYuan(c);

function agreementView(r: AgreementReport): AgreementView {
  const a = r.agreement;
  return {
    id: a.id,
    lenderId: a.lenderId,
    lender: a.lenderBrand ?? a.lenderName,
    agreedDate: a.agreedOn,
    total: y(r.progress.total),
    paid: y(r.progress.paid),
    isConfirmedInWriting: a.isConfirmedInWriting,
    status: a.status,
    installments: r.status.installments.map((i) => ({
      seq: i.seq,
      dueDate: i.dueOn,
      amount: y(i.amount),
      paid: y(i.paid),
      status: i.status,
    })),
  };
}

/** Agreements, payments, due list, forecast and calendar (F11). */
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
      const { forecast: f } = await runForecast(deps, c.id, {
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
      const { ics } = await exportCalendar(deps, c.id, { asOf: todayIn(deps) });
      return reply
        .header('Content-Type', 'text/calendar; charset=utf-8')
        .header('Content-Disposition', contentDisposition('协商还款提醒.ics'))
        .send(ics);
    },
  );
};
