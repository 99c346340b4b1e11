import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../app/errors.js';
import { AprRequest, AprResponse, JsonObject } from '../../contracts/index.js';
import { solveDatedApr, solvePeriodicApr } from '../../core/apr/index.js';
import { budgetToJson, buildBudget, parseBudgetInput } from '../../core/budget/index.js';
import { buildPlan, parsePlanInput, planToJson } from '../../core/plan/index.js';
import { calculateCheck, calculateSchedule } from '../../app/calculators/index.js';
import { date, money, unwrap } from '../parse.js';
import type { RouteApp, RouteOptions } from './index.js';

const tags = ['calculators'];

/** The request's cash flows (periodic, or each on its date) parsed and solved for their rate. */
function solveAprRequest(b: AprRequest) {
  return 'periodsPerYear' in b
    ? solvePeriodicApr({
        periodsPerYear: b.periodsPerYear,
        flows: b.cashflows.map((a, i) => money(a, `cashflows[${i}]`)),
      })
    : solveDatedApr(
        b.cashflows.map((f, i) => ({
          date: date(f.date, `cashflows[${i}].date`),
          amount: money(f.amount, `cashflows[${i}].amount`),
        })),
      );
}

function registerApr(app: RouteApp): void {
  app.post(
    '/apr',
    {
      schema: {
        tags,
        summary:
          'True cost (nominal APR, IRR) of dated or periodic cash flows — as `xieshang apr --json`',
        body: AprRequest,
        response: { 200: AprResponse },
      },
    },
    async (req) => {
      const r = solveAprRequest(req.body);
      if (!r.ok)
        throw AppError.fromIssue(
          r.error,
          'rates' in r.error ? { rates: r.error.rates } : undefined,
        );
      const { periodicRate, periodsPerYear, nominalApr, effectiveAnnualRate } = r.value;
      return { periodicRate, periodsPerYear, nominalApr, effectiveAnnualRate };
    },
  );
}

/** The calculators that take the CLI's JSON as it is (parsed by app or core, not by a schema). */
function registerJsonCalculators(app: RouteApp): void {
  app.post(
    '/schedule',
    {
      schema: {
        tags,
        summary: 'Repayment schedule — as `xieshang schedule --json`',
        body: JsonObject,
      },
    },
    async (req) => calculateSchedule(req.body),
  );

  app.post(
    '/check',
    {
      schema: {
        tags,
        summary: 'Legality check and court-style recalculation — as `xieshang check --json`',
        body: JsonObject,
      },
    },
    async (req) => calculateCheck(req.body),
  );

  app.post(
    '/budget',
    {
      schema: {
        tags,
        summary: 'Income & expenditure statement and capacity — as `xieshang budget --json`',
        body: JsonObject,
      },
    },
    async (req) => budgetToJson(buildBudget(unwrap(parseBudgetInput(req.body)))),
  );

  app.post(
    '/plan',
    {
      schema: {
        tags,
        summary: 'Multi-creditor repayment plan — as `xieshang plan --json`',
        body: JsonObject,
      },
    },
    async (req) => planToJson(buildPlan(unwrap(parsePlanInput(req.body)))),
  );
}

/** The pure calculators: same JSON in and out as the CLI's `--json`. */
export const calcRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  registerApr(app);
  registerJsonCalculators(app);
};
