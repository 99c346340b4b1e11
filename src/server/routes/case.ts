import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resolveCase } from '../../app/cases.js';
import { addDebt, editDebt, listDebts, removeDebt } from '../../app/debts.js';
import { summarizeCase } from '../../app/summary.js';
import { todayIn } from '../../app/today.js';
import { thisMonth } from '../../app/this-month.js';
import { formatYuan, sumCents } from '../../core/money/index.js';
import { AppError } from '../../app/errors.js';
import { addLender, listLenders } from '../../app/lenders.js';
import {
  DebtCreate,
  DebtPatch,
  DebtView,
  IdParams,
  LenderCreate,
  LenderView,
  ThisMonthView,
  Summary,
  UndoResult,
} from '../../contracts/index.js';
import { undoRemoval } from '../../app/undo.js';
import { debtExtras, debtViews, lenderView, summaryView } from '../../app/present-case.js';
import type { IsoDate } from '../../core/dates/index.js';
import type { RouteOptions } from './index.js';

const VIEWS_TTL_MS = 1000;
const gzipAsync = promisify(gzip);

interface Encoded {
  raw: Buffer;
  gzip: Buffer;
}

interface CaseViews {
  debts: DebtView[];
  summaryBody: Encoded;
  debtsBody: Encoded;
}

async function encode(x: unknown): Promise<Encoded> {
  const raw = Buffer.from(JSON.stringify(x), 'utf8');
  return { raw, gzip: await gzipAsync(raw) };
}

const PLAIN_JSON = Object.freeze({
  'content-type': 'application/json; charset=utf-8',
  vary: 'Accept-Encoding',
});
const GZIP_JSON = Object.freeze({ ...PLAIN_JSON, 'content-encoding': 'gzip' });

// a browser sends the same Accept-Encoding on every request: parse it once
let lastAccept: string | undefined;
let lastAcceptsGzip = false;

/** True when the Accept-Encoding header allows gzip (explicitly or by `*`), q=0 meaning refused. */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  if (typeof header === 'string') {
    if (header !== lastAccept) {
      lastAcceptsGzip = parseAcceptsGzip(header);
      lastAccept = header;
    }
    return lastAcceptsGzip;
  }
  return parseAcceptsGzip(header);
}

function parseAcceptsGzip(header: string | string[] | undefined): boolean {
  if (header === undefined) return false;
  let star = false;
  for (const part of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const allowed = q === undefined || Number(q.slice(2)) > 0;
    if (name.trim() === 'gzip') return allowed;
    if (name.trim() === '*') star = allowed;
  }
  return star;
}

/** Inventory: case summary, lenders, debts (single-user mode: the home's one case). */
export const caseRoutes: FastifyPluginAsyncZod<RouteOptions> = async (
  app,
  { deps, writes = { version: 0 } },
) => {
  const theCase = async () => (await resolveCase(deps)).id;

  // The summary and the debt list come from one computation (60 debts = 60 IRR solves), cached:
  // dropped on any write through this server, and after VIEWS_TTL_MS so writes by the CLI on the
  // same home show up within a second. Single flight: concurrent requests share one computation.
  // Both bodies are kept as UTF-8 bytes and gzipped once per computation (browsers accept gzip).
  let cached: { at: number; version: number; views: Promise<CaseViews> } | undefined;
  const views = (): Promise<CaseViews> => {
    const now = Date.now();
    // within the TTL the clock is not read either: at midnight the day may turn up to 1 s late
    if (
      cached !== undefined &&
      cached.version === writes.version &&
      now - cached.at <= VIEWS_TTL_MS
    )
      return cached.views;
    const asOf = todayIn(deps);
    const entry = { at: now, version: writes.version, views: computeViews(asOf) };
    cached = entry;
    entry.views.catch(() => {
      if (cached === entry) cached = undefined;
    });
    return entry.views;
  };
  const compute = async (asOf: IsoDate) => {
    const caseId = await theCase();
    const [s, items] = await Promise.all([
      summarizeCase(deps, caseId, asOf),
      listDebts(deps, caseId),
    ]);
    const extras = new Map(items.map((i) => [i.debt.id as string, debtExtras(i.debt)]));
    return { summary: summaryView(s), debts: debtViews(s, extras) };
  };
  const computeViews = async (asOf: IsoDate): Promise<CaseViews> => {
    const { summary, debts } = await compute(asOf);
    const [summaryBody, debtsBody] = await Promise.all([encode(summary), encode({ debts })]);
    return { debts, summaryBody, debtsBody };
  };
  /** One debt's line; `fresh` right after a write (the cache drops only once the reply is sent). */
  const oneDebt = async (id: string, fresh = false) => {
    const list = fresh ? (await compute(todayIn(deps))).debts : (await views()).debts;
    const d = list.find((x) => x.id === id);
    if (d === undefined)
      throw new AppError('not-found', `debt "${id}" is not in this case`, {
        field: 'id',
        messageZh: `本案件中没有债务“${id}”`,
      });
    return d;
  };
  /** pre-serialized JSON, gzipped when the client allows (the schema still documents it) */
  const sendEncoded = <T>(req: FastifyRequest, reply: FastifyReply, body: Encoded): T => {
    if (acceptsGzip(req.headers['accept-encoding']))
      return reply.headers(GZIP_JSON).send(body.gzip) as unknown as T;
    return reply.headers(PLAIN_JSON).send(body.raw) as unknown as T;
  };

  app.get(
    '/summary',
    {
      schema: {
        tags: ['inventory'],
        summary: 'The case at a glance: totals and one line per lender',
        response: { 200: Summary },
      },
    },
    async (req, reply) => sendEncoded<Summary>(req, reply, (await views()).summaryBody),
  );

  app.get(
    '/lenders',
    {
      schema: {
        tags: ['inventory'],
        response: { 200: z.object({ lenders: z.array(LenderView) }) },
      },
    },
    async () => ({
      lenders: (await listLenders(deps, await theCase())).map(lenderView),
    }),
  );

  app.get(
    '/this-month',
    { schema: { tags: ['inventory'], response: { 200: ThisMonthView } } },
    async () => {
      const m = await thisMonth(deps, await theCase(), todayIn(deps));
      const y = formatYuan;
      return {
        asOf: m.asOf,
        endDate: m.endOn,
        items: m.items.map((i) => ({
          lenderId: i.lenderId,
          lender: i.lender,
          source: i.source,
          refId: i.refId,
          seq: i.seq,
          dueDate: i.dueOn,
          amount: y(i.amount),
          paid: y(i.paid),
          remaining: y(i.remaining),
          isOverdue: i.isOverdue,
        })),
        lenders: m.lenders.map((l) => ({ ...l, due: y(l.due), paid: y(l.paid) })),
        totals: {
          due: y(sumCents(m.items.map((i) => i.amount))),
          paid: y(sumCents(m.items.map((i) => i.paid))),
          remaining: y(sumCents(m.items.map((i) => i.remaining))),
        },
      };
    },
  );

  app.post(
    '/lenders',
    { schema: { tags: ['inventory'], body: LenderCreate, response: { 201: LenderView } } },
    async (req, reply) => {
      const l = await addLender(deps, await theCase(), {
        name: req.body.name,
        brand: req.body.brand,
        lenderType: req.body.lenderType,
      });
      return reply.status(201).send(lenderView(l));
    },
  );

  app.post(
    '/debts',
    { schema: { tags: ['inventory'], body: DebtCreate, response: { 201: DebtView } } },
    async (req, reply) => {
      const b = req.body;
      const lender = b.lenderId ?? b.lenderName;
      if (!lender)
        throw new AppError('invalid-input', 'lenderName: required (or give lenderId)', {
          field: 'lenderName',
          messageZh: '请填写平台或机构名称',
        });
      const raw: Record<string, unknown> = {
        lender,
        lenderType: b.lenderType,
        contractNumber: b.contractNumber,
        contractDate: b.contractDate,
        principal: b.principal,
        received: b.received,
        rate: b.rateText,
        scheduleMethod: b.method,
        termMonths: b.termMonths,
        firstDueDate: b.firstDueDate,
        installment: b.installment,
        balance: b.balance,
        overdue: b.overdue,
        creditReported: b.isCreditReported,
        notes: b.notes,
        kind: b.kind,
        statementDay: b.statementDay,
        minimumPayment: b.minimumPayment,
        cardInstallmentFee: b.cardInstallmentFee,
        lenderOfRecord: b.lenderOfRecord,
        guarantor: b.guarantor,
      };
      for (const k of Object.keys(raw)) if (raw[k] === null || raw[k] === undefined) delete raw[k];
      const d = await addDebt(deps, await theCase(), raw);
      return reply.status(201).send(await oneDebt(d.debt.id, true));
    },
  );

  app.get(
    '/debts',
    { schema: { tags: ['inventory'], response: { 200: z.object({ debts: z.array(DebtView) }) } } },
    async (req, reply) => sendEncoded<{ debts: DebtView[] }>(req, reply, (await views()).debtsBody),
  );

  app.get(
    '/debts/:id',
    { schema: { tags: ['inventory'], params: IdParams, response: { 200: DebtView } } },
    async (req) => {
      return oneDebt(req.params.id);
    },
  );

  app.patch(
    '/debts/:id',
    {
      schema: {
        tags: ['inventory'],
        summary: 'Change a debt: only the fields sent change; null clears an optional field',
        params: IdParams,
        body: DebtPatch,
        response: { 200: DebtView },
      },
    },
    async (req) => {
      const b = req.body;
      const raw: Record<string, unknown> = {};
      const put = (key: string, v: unknown) => {
        if (v !== undefined) raw[key] = v === null ? '' : v;
      };
      put('lender', b.lenderId ?? b.lenderName);
      put('lenderType', b.lenderType);
      put('contractNumber', b.contractNumber);
      put('contractDate', b.contractDate);
      put('principal', b.principal);
      put('received', b.received);
      put('rate', b.rateText);
      put('scheduleMethod', b.method);
      put('termMonths', b.termMonths);
      put('firstDueDate', b.firstDueDate);
      put('installment', b.installment);
      put('balance', b.balance);
      put('overdue', b.overdue);
      put('creditReported', b.isCreditReported);
      put('notes', b.notes);
      put('kind', b.kind);
      put('statementDay', b.statementDay);
      put('minimumPayment', b.minimumPayment);
      put('cardInstallmentFee', b.cardInstallmentFee);
      put('lenderOfRecord', b.lenderOfRecord);
      put('guarantor', b.guarantor);
      if (raw['lender'] === '')
        throw new AppError('invalid-input', 'lenderName: cannot be cleared', {
          field: 'lenderName',
          messageZh: '平台或机构名称不能为空',
        });
      if (Object.keys(raw).length === 0)
        throw new AppError('invalid-input', 'nothing to change: send at least one field', {
          field: 'body',
          messageZh: '没有要修改的内容',
        });
      const d = await editDebt(deps, await theCase(), req.params.id, raw);
      return oneDebt(d.debt.id, true);
    },
  );

  app.delete('/debts/:id', { schema: { tags: ['inventory'], params: IdParams } }, async (req) => {
    const d = await removeDebt(deps, await theCase(), req.params.id);
    return { ok: true as const, id: d.debt.id, undoId: d.undoId };
  });

  // one undo for every delete (debts, contacts, agreements, payments, escalations): app/undo.ts
  app.post(
    '/undo/:undoId',
    {
      schema: {
        tags: ['inventory'],
        params: z.object({ undoId: z.string().min(1).max(100) }),
        response: { 200: UndoResult },
      },
    },
    async (req) => {
      const r = await undoRemoval(deps, await theCase(), req.params.undoId);
      return { ok: true as const, ...r };
    },
  );
};
