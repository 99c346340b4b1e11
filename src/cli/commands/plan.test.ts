import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../../test/cli-harness.js';
import { fieldLabel } from '../../app/field-labels.js';

async function run(args: string[], stdin = '') {
  return runCli(args, { stdin, cwd: '/' });
}

const ex = (name: string) => fileURLToPath(new URL(`../../../examples/${name}`, import.meta.url));
const SCENARIOS = ['young-worker', 'family', 'forty-loans'] as const;

describe('xieshang budget and plan on the examples/', () => {
  for (const s of SCENARIOS) {
    it(`budget ${s}: JSON with capacity, warnings and a creditor summary; zh and en tables`, async () => {
      const j = await run(['--json', 'budget', ex(`${s}.budget.json`)]);
      expect(j.code).toBe(0);
      const b = JSON.parse(j.out);
      expect(b.capacity).toMatch(/^-?\d+\.\d\d$/);
      expect(b.creditorSummary.capacity).toBe(b.capacity);
      expect(Array.isArray(b.warnings)).toBe(true);
      const zh = await run(['budget', ex(`${s}.budget.json`)]);
      expect(zh.out).toContain('每月可还款');
      const en = await run(['--lang', 'en', 'budget', ex(`${s}.budget.json`)]);
      expect(en.out).toContain('Capacity for creditors');
    });

    it(`plan ${s}: the issue-3 JSON shape and a Chinese table`, async () => {
      const j = await run(['--json', 'plan', ex(`${s}.plan.json`)]);
      expect(j.code).toBe(0);
      const p = JSON.parse(j.out);
      expect(Object.keys(p)).toEqual(
        expect.arrayContaining(['feasible', 'monthlyTotal', 'proposals', 'shortfall']),
      );
      for (const pr of p.proposals)
        expect(Object.keys(pr)).toEqual(
          expect.arrayContaining([
            'id',
            'monthlyPayment',
            'term',
            'endDate',
            'totalPaid',
            'savingVsContract',
            'savingVsNothing',
            'schedule',
          ]),
        );
      expect(p.feasible).toBe(p.shortfall === null);
      const zh = await run(['plan', ex(`${s}.plan.json`)]);
      expect(zh.out).toContain('比不还节省');
      if (!p.feasible) expect(zh.out).toContain('每月还差');
    });
  }

  it('the negative-budget example is flagged, and its plan is infeasible with suggestions', async () => {
    const b = JSON.parse((await run(['--json', 'budget', ex('forty-loans.budget.json')])).out);
    expect(b.warnings.map((w: { code: string }) => w.code)).toContain('negative-capacity');
    const p = JSON.parse((await run(['--json', 'plan', ex('forty-loans.plan.json')])).out);
    expect(p.feasible).toBe(false);
    expect(p.shortfall.suggestions.length).toBeGreaterThan(1);
  });

  it('the young worker and family plans are feasible and spend exactly the capacity', async () => {
    for (const s of ['young-worker', 'family']) {
      const p = JSON.parse((await run(['--json', 'plan', ex(`${s}.plan.json`)])).out);
      expect(p.feasible).toBe(true);
      expect(p.monthlyTotal).toBe(p.capacity);
    }
  });
});

describe('xieshang plan: bad input', () => {
  const good = JSON.parse(readFileSync(ex('young-worker.plan.json'), 'utf8'));
  it.each([
    ['capacity ≤ 0', { ...good, capacity: '0' }, 'capacity'],
    ['unknown strategy', { ...good, strategy: 'avalanche' }, 'strategy'],
    ['duplicate ids', { ...good, debts: [good.debts[0], good.debts[0]] }, 'debts[1].id'],
    [
      'negative balance',
      { ...good, debts: [{ ...good.debts[0], balance: '-100.00' }] },
      'debts[0].balance',
    ],
    [
      'floor above capacity',
      { ...good, debts: [{ ...good.debts[0], minPayment: '99999.00' }] },
      'debts[0].minPayment',
    ],
  ])('%s: exit 1, one error naming the field, no partial output', async (_n, input, field) => {
    const r = await run(['--json', 'plan', '-'], JSON.stringify(input));
    expect(r.code).toBe(1);
    const body = JSON.parse(r.out);
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.field).toBe(field);
    const zh = await run(['plan', '-'], JSON.stringify(input));
    expect(zh.code).toBe(1);
    expect(zh.out).toBe('');
    // a path inside the file is shown as a locator; a bare name only by its label
    expect(zh.err).toContain(/[.[]/.test(field) ? field : fieldLabel(field, 'zh'));
    expect(zh.err).not.toContain('    at ');
  });
});

describe('xieshang plan --replan', () => {
  it('explains what changed after a missed payment and a lower capacity', async () => {
    const update = {
      asOf: '2027-02-01',
      newCapacity: '3800.00',
      paymentsMade: [
        { debtId: 'jiebei', date: '2027-01-01', amount: '940.40' },
        { debtId: 'huabei', date: '2027-01-01', amount: '331.64' },
      ],
    };
    const r = await run(
      ['--json', 'plan', ex('young-worker.plan.json'), '--replan', '-'],
      JSON.stringify(update),
    );
    expect(r.code).toBe(0);
    const body = JSON.parse(r.out);
    expect(body.monthsElapsed).toBe(2);
    expect(body.changes.find((c: { id: string }) => c.id === 'weilidai').status).toBe(
      'no-longer-repaid-in-term',
    );
    expect(body.summary.zh.join('')).toContain('¥4,300.00 变为 ¥3,800.00');
  });
});
