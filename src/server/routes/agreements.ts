import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  agreementReport,
  agreementReports,
  addAgreement,
  dueItems,
  todayIn,
} from '../../app/agreements/agreements.js';
import { recordPayment, type PaymentInput } from '../../app/agreements/payments.js';
import { agreementView, letterFileName, replanView } from '../../app/agreements/present.js';
import {
  checkReplanForm,
  checkReplanLetterRequest,
  replanFromInputs,
  replanLetterFor,
} from '../../app/agreements/replan-input.js';
import { registerAgreementEdits } from './agreement-edits.js';
import { resolveCase } from '../../app/cases.js';
import { runForecast } from '../../app/forecast.js';
import { dueView, forecastView } from '../../app/present-forecast.js';
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
import { contentDisposition, sendLetter } from '../download.js';
import type { ServerDeps } from '../server-deps.js';
import type { RouteApp, RouteOptions } from './index.js';

const tags = ['agreements'];

/** The API's agreement → the use case's (the agreement JSON of input.ts: one segment). */
function toAgreementInput(b: z.output<typeof AgreementCreate>) {
  return {
    lender: b.lenderId,
    raw: {
      agreedOn: b.agreedDate,
      segments: [{ count: b.count, amount: b.monthlyAmount, firstDueOn: b.firstDueDate }],
      confirmedInWriting: b.isConfirmedInWriting,
      ...(b.paymentChannel ? { paymentChannel: b.paymentChannel } : {}),
      ...(b.agentName ? { agentName: b.agentName } : {}),
      ...(b.notes ? { notes: b.notes } : {}),
    },
  };
}

function toPaymentInput(
  agreement: string,
  b: z.output<typeof PaymentCreate>,
  asOf: PaymentInput['asOf'],
): PaymentInput {
  return {
    agreement,
    amount: b.amount,
    date: b.paidDate,
    ...(b.channel ? { channel: b.channel } : {}),
    ...(b.note ? { note: b.note } : {}),
    asOf,
  };
}

function registerAgreementsAndPayments(app: RouteApp, deps: ServerDeps): void {
  app.get(
    '/agreements',
    { schema: { tags, response: { 200: z.object({ agreements: z.array(AgreementView) }) } } },
    async () => {
      const c = await resolveCase(deps);
      const { reports } = await agreementReports(deps, c.id, { asOf: todayIn(deps) });
      return { agreements: reports.map(agreementView) };
    },
  );

  app.post(
    '/agreements',
    { schema: { tags, body: AgreementCreate, response: { 201: AgreementView } } },
    async (req, reply) => {
      const c = await resolveCase(deps);
      const { agreement } = await addAgreement(deps, c.id, toAgreementInput(req.body));
      return reply.status(201).send(agreementView(await agreementReport(deps, c.id, agreement.id)));
    },
  );

  app.post(
    '/agreements/:id/payments',
    { schema: { tags, params: IdParams, body: PaymentCreate, response: { 201: AgreementView } } },
    async (req, reply) => {
      const c = await resolveCase(deps);
      await agreementReport(deps, c.id, req.params.id);
      await recordPayment(deps, c.id, toPaymentInput(req.params.id, req.body, todayIn(deps)));
      return reply
        .status(201)
        .send(agreementView(await agreementReport(deps, c.id, req.params.id)));
    },
  );
}

function registerReplan(app: RouteApp, deps: ServerDeps): void {
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
      const letter = replanLetterFor(r, q.agreementId);
      const name = letterFileName(q.lang, letter.lender, r.asOf, q.format);
      return sendLetter(reply, letter.bytes, q.format, name);
    },
  );
}

/** What falls due: the due list, the cash-flow forecast and the calendar of reminders. */
function registerDueDates(app: RouteApp, deps: ServerDeps): void {
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
      return { items: dueView(items) };
    },
  );

  app.get(
    '/forecast',
    { schema: { tags, querystring: ForecastQuery, response: { 200: ForecastView } } },
    async (req) => {
      const c = await resolveCase(deps);
      const q = req.query;
      return forecastView(
        await runForecast(deps, c.id, {
          asOf: todayIn(deps),
          days: q.days,
          balance: q.balance,
          ...(q.payday ? { paydays: [q.payday] } : {}),
        }),
      );
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
}

/** Agreements, payments, due list, forecast, calendar (F11) and re-planning. */
export const agreementRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  registerAgreementsAndPayments(app, deps);
  registerAgreementEdits(
    app,
    deps,
    (caseId, id) => agreementReport(deps, caseId, id),
    agreementView,
  );
  registerReplan(app, deps);
  registerDueDates(app, deps);
};
