// Plan builder scaling: plan 10, 60, 600 and 6,000 debts whose terms run to 60 months (pro-rata by
// balance, rates 12/18/24 %, capacity 3 % above the sum of each debt's 60-month level payment, so
// the plan is feasible, shares roll over as the cheaper debts finish, and the last ends near month 60).
// Reports time per plan and per debt (must stay flat), and, in the same run, planning 60 debts
// against building their 60 equal-installment schedules with core/schedule's buildSchedule.
// Run: npm run bench -- plan   (figures printed and written to bench/out/plan.json)
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { cents } from '../src/core/money/index.js';
import { isoDate } from '../src/core/dates/index.js';
import { ratePpm } from '../src/core/rates/index.js';
import { buildSchedule } from '../src/core/schedule/index.js';
import { equalInstallmentPayment } from '../src/core/schedule/build-schedule.js';
import {
  buildPlan,
  preparePlan,
  simulatePlan,
  type PlanDebt,
  type PlanInput,
} from '../src/core/plan/index.js';

const SIZES = [10, 60, 600, 6000];
const TERM = 60;
const SEED = 20_261_129;
const ASOF = isoDate('2026-12-01');

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeInput(n: number): PlanInput {
  const rnd = prng(SEED + n);
  let capacity = 0;
  const debts: PlanDebt[] = [];
  for (let i = 0; i < n; i++) {
    const balance = cents(1_000_00 + Math.floor(rnd() * 49_000_00));
    const rate = ratePpm([120_000, 180_000, 240_000][Math.floor(rnd() * 3)]!);
    capacity += equalInstallmentPayment(balance, rate, TERM);
    debts.push({
      id: `d${i}`,
      creditor: `平台${i}`,
      kind: 'online-loan',
      balance,
      annualRatePpm: rate,
      contractualPayment: cents(Math.floor(balance / 12)),
      penaltyAccrued: cents(Math.floor(rnd() * 500_00)),
      interestAccrued: cents(0),
      minPayment: cents(50_00),
      maxTerm: TERM,
      concession: i % 4 === 0 ? 'waive-penalty' : 'none',
      reducedRatePpm: null,
      customPayment: null,
      penaltyRatePpm: null,
      legalLinePpm: null,
    });
  }
  return {
    asOf: ASOF,
    capacity: cents(Math.ceil(capacity * 1.03)),
    strategy: 'pro-rata-balance',
    debts,
  };
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;

// Sizes are timed round-robin (each round plans ≥ 1,000 debts of every size) so that every size sees
// the same machine load; the figure per size is the median over rounds.
const ROUNDS = 4;
const inputs = SIZES.map(makeInput);
const plans = inputs.map((inp) => buildPlan(inp));
const perRound = SIZES.map((n) => Math.max(1, Math.ceil(1_000 / n)));
const samples: number[][] = SIZES.map(() => []);
for (let r = 0; r < ROUNDS; r++) {
  SIZES.forEach((n, k) => {
    globalThis.gc?.();
    const t0 = performance.now();
    for (let i = 0; i < perRound[k]!; i++) buildPlan(inputs[k]!);
    samples[k]!.push((performance.now() - t0) / perRound[k]!);
  });
}
const results = SIZES.map((n, k) => {
  const ms = median(samples[k]!);
  const plan = plans[k]!;
  const longest = Math.max(...plan.proposals.map((p) => p.term ?? 0));
  const usPerDebt = (ms * 1000) / n;
  console.log(
    `plan ${String(n).padStart(5)} debts: ${ms.toFixed(2).padStart(9)} ms per plan, ${usPerDebt.toFixed(1).padStart(7)} µs per debt (feasible ${plan.feasible}, longest term ${longest}, ${perRound[k]} plans × ${ROUNDS} rounds)`,
  );
  return { debts: n, feasible: plan.feasible, longestTerm: longest, msPerPlan: ms, usPerDebt };
});

// planning 60 debts vs building their 60 schedules alone
const sixty = makeInput(60);
const schedInputs = sixty.debts.map((d) => ({
  principal: d.balance,
  periods: TERM,
  method: 'equal-installment' as const,
  startDate: ASOF,
  annualRatePpm: d.annualRatePpm,
}));
// interleaved, so both see the same machine load; medians of each
const reps = 100;
const buildAll = () => {
  for (const s of schedInputs) {
    const r = buildSchedule(s);
    if (!r.ok) throw new Error(r.error.message);
  }
};
buildPlan(sixty);
buildAll();
const planXs: number[] = [];
const schedXs: number[] = [];
const engineXs: number[] = [];
const prepared = preparePlan(sixty);
for (let r = 0; r < reps; r++) {
  const t0 = performance.now();
  buildPlan(sixty);
  const t1 = performance.now();
  buildAll();
  const t2 = performance.now();
  simulatePlan(prepared.engine);
  planXs.push(t1 - t0);
  schedXs.push(t2 - t1);
  engineXs.push(performance.now() - t2);
}
const engineMs = median(engineXs);
const planMs = median(planXs);
const schedMs = median(schedXs);
const ratio = planMs / schedMs;
console.log(
  `60 debts: the month-by-month split alone (no savings) ${engineMs.toFixed(3)} ms = ${(engineMs / schedMs).toFixed(2)}× the schedules; the rest is the do-nothing projection and contract costing`,
);
console.log(
  `60 debts: plan ${planMs.toFixed(3)} ms vs 60 schedules ${schedMs.toFixed(3)} ms → ratio ${ratio.toFixed(2)}× (goal ≤ 3×)`,
);

const first = results[0]!;
const last = results[results.length - 1]!;
console.log(
  `per-debt time, 6,000 vs 10 debts: ${(last.usPerDebt / first.usPerDebt).toFixed(2)}× (flat = linear)`,
);

mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./out/plan.json', import.meta.url),
  `${JSON.stringify(
    {
      node: process.version,
      sizes: results,
      sixty: { planMs, schedulesMs: schedMs, engineOnlyMs: engineMs, ratio, goal: 3 },
      perDebtGrowth: last.usPerDebt / first.usPerDebt,
    },
    null,
    2,
  )}\n`,
);
