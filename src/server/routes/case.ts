import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resolveCase } from '../../app/cases.js';
import { addDebt, listDebts, removeDebt, todayOf } from '../../app/debts.js';
import { summarizeCase } from '../../app/summary.js';
import { AppError } from '../../app/errors.js';
import { addLender, listLenders } from '../../app/lenders.js';
import {
  DebtCreate,
  DebtView,
  IdParams,
  LenderCreate,
  LenderView,
  Summary,
} from '../../contracts/index.js';
import { lenderView, summaryView } from '../views.js';
import type { RouteOptions } from './index.js';

const SUMMARY_TTL_MS = 1000;
const gzipAsync = promisify(gzip);

interface Encoded {
  raw: Buffer;
  gzip: Buffer;
}

/** True when the Accept-Encoding header allows gzip (explicitly or by `*`), q=0 meaning refused. */
export function acceptsGzip(header: string | string[] | undefined): boolean {
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
  const summary = async () => {
    const caseId = await theCase();
    const [s, items] = await Promise.all([
      summarizeCase(deps, caseId, todayOf(deps.clock.now())),
      listDebts(deps, caseId),
    ]);
    const extras = new Map(
      items.map((i) => [
        i.debt.id as string,
        { rateText: i.debt.quotedRateText, termMonths: i.debt.termMonths },
      ]),
    );
    return summaryView(s, extras);
  };
  const oneDebt = async (id: string) => {
    const d = (await summary()).debts.find((x) => x.id === id);
    if (d === undefined)
      throw new AppError('not-found', `debt "${id}" is not in this case`, {
        field: 'id',
        messageZh: `本案件中没有债务“${id}”`,
      });
    return d;
  };

  // The summary (60 debts = 60 IRR solves) is cached: dropped on any write through this server,
  // and after SUMMARY_TTL_MS so writes by the CLI on the same home show up within a second.
  // Single flight: concurrent requests share one computation (no stampede when the TTL expires).
  // The body is kept as UTF-8 bytes and gzipped once per computation: ~40 KB of JSON per request
  // would otherwise be re-encoded each time, and browsers always accept gzip (~8× smaller).
  let cached: { asOf: string; at: number; version: number; json: Promise<Encoded> } | undefined;
  app.get(
    '/summary',
    {
      schema: {
        tags: ['inventory'],
        summary: 'Case summary: totals, each debt with its true APR and legal verdict',
        response: { 200: Summary },
      },
    },
    async (req, reply) => {
      const asOf = todayOf(deps.clock.now());
      const now = Date.now();
      if (
        cached === undefined ||
        cached.asOf !== asOf ||
        cached.version !== writes.version ||
        now - cached.at > SUMMARY_TTL_MS
      ) {
        const json = summary().then(async (x) => {
          const raw = Buffer.from(JSON.stringify(x), 'utf8');
          return { raw, gzip: await gzipAsync(raw) };
        });
        const entry = { asOf, at: now, version: writes.version, json };
        cached = entry;
        json.catch(() => {
          if (cached === entry) cached = undefined;
        });
      }
      const body = await cached.json;
      // pre-serialized JSON of a Summary: sent as is (the schema still documents it)
      reply.type('application/json; charset=utf-8').header('Vary', 'Accept-Encoding');
      if (acceptsGzip(req.headers['accept-encoding']))
        return reply.header('Content-Encoding', 'gzip').send(body.gzip as unknown as Summary);
      return reply.send(body.raw as unknown as Summary);
    },
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
      };
      for (const k of Object.keys(raw)) if (raw[k] === null || raw[k] === undefined) delete raw[k];
      const d = await addDebt(deps, await theCase(), raw);
      return reply.status(201).send(await oneDebt(d.debt.id));
    },
  );

  app.get(
    '/debts',
    { schema: { tags: ['inventory'], response: { 200: z.object({ debts: z.array(DebtView) }) } } },
    async () => ({
      debts: (await summary()).debts,
    }),
  );

  app.get(
    '/debts/:id',
    { schema: { tags: ['inventory'], params: IdParams, response: { 200: DebtView } } },
    async (req) => {
      return oneDebt(req.params.id);
    },
  );

  app.delete('/debts/:id', { schema: { tags: ['inventory'], params: IdParams } }, async (req) => {
    const d = await removeDebt(deps, await theCase(), req.params.id);
    return { ok: true, id: d.id };
  });
};
