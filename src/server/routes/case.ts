import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resolveCase } from '../../app/cases.js';
import { addDebtForm, editDebtForm } from '../../app/debt-forms.js';
import { removeDebt } from '../../app/debts.js';
import { addLender, listLenders } from '../../app/lenders.js';
import { lenderView, thisMonthView } from '../../app/present-case.js';
import { thisMonth } from '../../app/this-month.js';
import { todayIn } from '../../app/today.js';
import { undoRemoval } from '../../app/undo.js';
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
import type { ServerDeps } from '../server-deps.js';
import { createCaseViewCache, sendEncoded, type CaseViewCache } from './case-views.js';
import type { RouteApp, RouteOptions } from './index.js';

const tags = ['inventory'];

const theCase = async (deps: ServerDeps) => (await resolveCase(deps)).id;

function registerCaseReads(app: RouteApp, deps: ServerDeps, cache: CaseViewCache): void {
  app.get(
    '/summary',
    {
      schema: {
        tags,
        summary: 'The case at a glance: totals and one line per lender',
        response: { 200: Summary },
      },
    },
    async (req, reply) => sendEncoded<Summary>(req, reply, (await cache.views()).summaryBody),
  );

  app.get(
    '/lenders',
    { schema: { tags, response: { 200: z.object({ lenders: z.array(LenderView) }) } } },
    async () => ({ lenders: (await listLenders(deps, await theCase(deps))).map(lenderView) }),
  );

  app.get('/this-month', { schema: { tags, response: { 200: ThisMonthView } } }, async () =>
    thisMonthView(await thisMonth(deps, await theCase(deps), todayIn(deps))),
  );

  app.post(
    '/lenders',
    { schema: { tags, body: LenderCreate, response: { 201: LenderView } } },
    async (req, reply) => {
      const { name, brand, lenderType } = req.body;
      const l = await addLender(deps, await theCase(deps), { name, brand, lenderType });
      return reply.status(201).send(lenderView(l));
    },
  );
}

function registerDebts(app: RouteApp, deps: ServerDeps, cache: CaseViewCache): void {
  app.post(
    '/debts',
    { schema: { tags, body: DebtCreate, response: { 201: DebtView } } },
    async (req, reply) => {
      const d = await addDebtForm(deps, req.body);
      return reply.status(201).send(await cache.oneDebt(d.debt.id, true));
    },
  );

  app.get(
    '/debts',
    { schema: { tags, response: { 200: z.object({ debts: z.array(DebtView) }) } } },
    async (req, reply) =>
      sendEncoded<{ debts: DebtView[] }>(req, reply, (await cache.views()).debtsBody),
  );

  app.get(
    '/debts/:id',
    { schema: { tags, params: IdParams, response: { 200: DebtView } } },
    async (req) => cache.oneDebt(req.params.id),
  );

  app.patch(
    '/debts/:id',
    {
      schema: {
        tags,
        summary: 'Change a debt: only the fields sent change; null clears an optional field',
        params: IdParams,
        body: DebtPatch,
        response: { 200: DebtView },
      },
    },
    async (req) => {
      const d = await editDebtForm(deps, req.params.id, req.body);
      return cache.oneDebt(d.debt.id, true);
    },
  );

  app.delete('/debts/:id', { schema: { tags, params: IdParams } }, async (req) => {
    const d = await removeDebt(deps, await theCase(deps), req.params.id);
    return { ok: true as const, id: d.debt.id, undoId: d.undoId };
  });
}

// one undo for every delete (debts, contacts, agreements, payments, escalations): app/undo.ts
function registerUndo(app: RouteApp, deps: ServerDeps): void {
  app.post(
    '/undo/:undoId',
    {
      schema: {
        tags,
        params: z.object({ undoId: z.string().min(1).max(100) }),
        response: { 200: UndoResult },
      },
    },
    async (req) => {
      const r = await undoRemoval(deps, await theCase(deps), req.params.undoId);
      return { ok: true as const, ...r };
    },
  );
}

/** Inventory: case summary, lenders, debts (single-user mode: the home's one case). */
export const caseRoutes: FastifyPluginAsyncZod<RouteOptions> = async (
  app,
  { deps, writes = { version: 0 } },
) => {
  const cache = createCaseViewCache(deps, writes);
  registerCaseReads(app, deps, cache);
  registerDebts(app, deps, cache);
  registerUndo(app, deps);
};
