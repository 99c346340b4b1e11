import type { Command } from 'commander';
import { resolveCase } from '../../app/cases.js';
import { AppError } from '../../app/errors.js';
import { casePlan } from '../../app/planning-forms.js';
import { loadLatestPlan, savePlan, savedPlanToJson } from '../../app/plans.js';
import {
  buildPlan,
  parsePlanInput,
  parseReplanUpdate,
  planToJson,
  replan,
  replanToJson,
  type Plan,
  type PlanInput,
} from '../../core/plan/index.js';
import { addStoreOptions, withDeps, type StoreOptions } from '../deps.js';
import { readJsonInput, say, type CliContext } from '../io.js';
import { action, printJson } from '../run-action.js';
import { formatPlanText } from './plan-format.js';

interface PlanOpts extends StoreOptions {
  replan?: string;
  save?: boolean;
  case?: string;
  fromCase?: boolean;
  capacity?: string;
  strategy?: string;
  concession?: string;
  maxTerm?: string;
}

function printPlan(ctx: CliContext, plan: Plan, json: unknown, footer: string): void {
  if (ctx.json) printJson(ctx, json);
  else ctx.io.stdout(`${formatPlanText(ctx, plan)}${footer}`);
}

/** `xieshang plan [FILE|show]`: build, re-plan, save or show a multi-creditor plan. */
export function registerPlan(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  addStoreOptions(
    program
      .command('plan')
      .description('协商还款计划：把每月可还金额分给各家债权人 (multi-creditor repayment plan)')
      .argument(
        '[file]',
        'plan JSON file, or - for stdin (see examples/); `show` prints the latest saved plan',
      )
      .option('--replan <update>', 're-plan from an update file {asOf,newCapacity,paymentsMade}')
      .option(
        '--save',
        '保存到案件（之前的方案作废） (save to the case; earlier plans are superseded)',
      )
      .option(
        '--from-case',
        '按案件中已录入的债务制定方案 (plan over the debts stored in the case)',
      )
      .option(
        '--capacity <yuan>',
        '每月可还金额（默认取最新保存的预算） (default: latest saved budget)',
      )
      .option('--strategy <s>', 'pro-rata-balance | pro-rata-contractual | highest-cost-first')
      .option(
        '--concession <c>',
        'none | waive-penalty | freeze-interest | reduce-rate | extend-term',
      )
      .option('--max-term <n>', '最长期数 (maximum installments, default 36)')
      .option('--case <id>'),
  ).action(
    action(ctx, setExit, async (file: string | undefined, opts: PlanOpts) => {
      if (file === 'show') return showSavedPlan(ctx, opts);
      if (opts.fromCase) return planFromCase(ctx, file, opts);
      return planFromFile(ctx, file, opts);
    }),
  );
}

/** `plan show`: the latest saved plan. */
async function showSavedPlan(ctx: CliContext, opts: PlanOpts): Promise<number> {
  return withDeps(ctx, opts, async (deps) => {
    const c = await resolveCase(deps, opts.case);
    const s = await loadLatestPlan(deps, c.id);
    if (s === undefined)
      throw new AppError('not-found', 'no plan saved yet: run `xieshang plan FILE --save`', {
        field: 'plan',
        messageZh: '还没有保存过还款方案：请运行 `xieshang plan 文件 --save`',
      });
    printPlan(
      ctx,
      s.plan,
      savedPlanToJson(s),
      say(ctx, `（保存于 ${s.stored.createdAt}）\n`, `(saved ${s.stored.createdAt})\n`),
    );
    return 0;
  });
}

function parseMaxTerm(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const maxTerm = Number(text);
  if (!Number.isInteger(maxTerm) || maxTerm < 1 || maxTerm > 120)
    throw new AppError('invalid-input', 'max-term: must be a whole number from 1 to 120', {
      field: 'max-term',
      messageZh: 'max-term：应为 1 到 120 的整数',
    });
  return maxTerm;
}

/**
 * `plan --from-case`: a plan over the case's stored debts, the capacity from --capacity or the
 * latest saved budget (a saved plan is tied to that budget when it uses it).
 */
async function planFromCase(
  ctx: CliContext,
  file: string | undefined,
  opts: PlanOpts,
): Promise<number> {
  if (file !== undefined)
    throw new AppError('invalid-input', 'give either FILE or --from-case, not both', {
      field: 'file',
      messageZh: '请只给出文件或 --from-case 其中之一',
    });
  const maxTerm = parseMaxTerm(opts.maxTerm);
  return withDeps(ctx, opts, async (deps) => {
    const c = await resolveCase(deps, opts.case);
    const { raw, budgetId, settings } = await casePlan(deps, c.id, {
      ...(opts.capacity === undefined ? {} : { capacity: opts.capacity }),
      ...(opts.strategy === undefined ? {} : { strategy: opts.strategy }),
      ...(opts.concession === undefined ? {} : { concession: opts.concession }),
      ...(maxTerm === undefined ? {} : { maxTerm }),
    });
    if (opts.save) {
      const s = await savePlan(deps, c.id, raw, { budgetId, settings });
      printPlan(ctx, s.plan, savedPlanToJson(s), say(ctx, '已保存。\n', 'Saved.\n'));
      return 0;
    }
    const parsed = parsePlanInput(raw);
    if (!parsed.ok) throw AppError.fromIssue(parsed.error);
    const plan = buildPlan(parsed.value);
    printPlan(ctx, plan, planToJson(plan), '');
    return 0;
  });
}

/** `plan FILE --replan UPDATE`: what changed, then the new plan. */
async function replanFromFile(
  ctx: CliContext,
  previous: PlanInput,
  update: string,
): Promise<number> {
  const upd = parseReplanUpdate(await readJsonInput(update, ctx.io));
  if (!upd.ok) throw AppError.fromIssue(upd.error);
  const r = replan({ previousPlanInput: previous, ...upd.value });
  if (!r.ok) throw AppError.fromIssue(r.error);
  if (ctx.json) printJson(ctx, replanToJson(r.value));
  else {
    const lines = ctx.lang === 'en' ? r.value.summary.en : r.value.summary.zh;
    ctx.io.stdout(`${lines.join('\n')}\n\n${formatPlanText(ctx, r.value.plan)}`);
  }
  return 0;
}

/** `plan FILE`: the plan in the file, re-planned with --replan or saved with --save. */
async function planFromFile(
  ctx: CliContext,
  file: string | undefined,
  opts: PlanOpts,
): Promise<number> {
  if (file === undefined)
    throw new AppError(
      'invalid-input',
      'file: give a plan JSON file, - for stdin, or --from-case',
      {
        field: 'file',
        messageZh: 'file：请给出方案 JSON 文件、- 表示标准输入，或使用 --from-case',
      },
    );
  const raw = await readJsonInput(file, ctx.io);
  const parsed = parsePlanInput(raw);
  if (!parsed.ok) throw AppError.fromIssue(parsed.error);
  if (opts.replan !== undefined) return replanFromFile(ctx, parsed.value, opts.replan);
  if (opts.save)
    return withDeps(ctx, opts, async (deps) => {
      const c = await resolveCase(deps, opts.case);
      const s = await savePlan(deps, c.id, raw);
      printPlan(ctx, s.plan, savedPlanToJson(s), say(ctx, '已保存。\n', 'Saved.\n'));
      return 0;
    });
  const plan = buildPlan(parsed.value);
  if (ctx.json) printJson(ctx, planToJson(plan));
  else ctx.io.stdout(formatPlanText(ctx, plan));
  return 0;
}
