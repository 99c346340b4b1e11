import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { resolveCase } from '../../app/cases.js';
import {
  latestBudget,
  latestPlan,
  saveBudgetForm,
  savePlanForm,
} from '../../app/planning-forms.js';
import { planBudgetCheck } from '../../app/plans.js';
import { budgetView, planView } from '../../app/present-plans.js';
import { BudgetSave, BudgetView, PlanBuild, PlanView } from '../../contracts/index.js';
import type { RouteOptions } from './index.js';

/**
 * Budget and plan of the case (F3–F5), saved in the store: each POST saves a new budget version
 * or a new active plan (the previous one superseded); GET …/latest returns the saved one, or
 * null when nothing was saved yet. Plans are computed over the case's debts (app/plans.ts).
 */
export const planningRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const tags = ['planning'];

  app.post(
    '/budgets',
    {
      schema: {
        tags,
        summary: "Save a budget (monthly lines) as the case's next version",
        body: BudgetSave,
        response: { 200: BudgetView },
      },
    },
    async (req) => {
      const c = await resolveCase(deps);
      return budgetView(await saveBudgetForm(deps, c.id, req.body));
    },
  );

  app.get(
    '/budgets/latest',
    {
      schema: {
        tags,
        summary: 'The latest saved budget (404 when none was saved)',
        response: { 200: BudgetView },
      },
    },
    async () => {
      const c = await resolveCase(deps);
      return budgetView(await latestBudget(deps, c.id));
    },
  );

  app.post(
    '/plans',
    {
      schema: {
        tags,
        summary: 'Build and save a plan over the case debts (same engine as `xieshang plan`)',
        body: PlanBuild,
        response: { 200: PlanView },
      },
    },
    async (req) => {
      const c = await resolveCase(deps);
      const saved = await savePlanForm(deps, c.id, req.body);
      return planView(saved, await planBudgetCheck(deps, c.id, saved));
    },
  );

  app.get(
    '/plans/latest',
    {
      schema: {
        tags,
        summary: 'The latest saved plan (404 when none was saved)',
        response: { 200: PlanView },
      },
    },
    async () => {
      const c = await resolveCase(deps);
      const s = await latestPlan(deps, c.id);
      return planView(s, await planBudgetCheck(deps, c.id, s));
    },
  );
};
