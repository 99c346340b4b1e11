// Agreement tracker (F11) at the scale of a heavy case: 60 agreements × 36 installments with 30
// payments each (matching + statuses + progress), a 366-day forecast over all 2,160 installments
// with 3 paydays and 6 outgoings, and an .ics export of every installment.
// Run: npm run bench -- agreements   (figures printed and written to bench/out/agreements.json)
import { mkdirSync, writeFileSync } from 'node:fs';
import {
  agreementProgress,
  agreementStatus,
  type Installment,
  type Payment,
} from '../src/core/agreement/index.js';
import { forecastCashFlow, type DueInstallment } from '../src/core/forecast/index.js';
import { addDays, addMonths, type Instant, type IsoDate } from '../src/core/dates/index.js';
import { cents } from '../src/core/money/index.js';
import { renderIcs } from '../src/documents/render/ics.js';

const AGREEMENTS = 60;
const PER = 36;
const start = '2027-01-15' as IsoDate;
const agreements = Array.from({ length: AGREEMENTS }, (_, a) => {
  const installments: Installment[] = Array.from({ length: PER }, (_, i) => ({
    seq: i + 1,
    dueOn: addMonths(addDays(start, a % 28), i),
    amount: cents(20_000 + a * 1_000 + (i % 3) * 7),
  }));
  const payments: Payment[] = Array.from({ length: 30 }, (_, i) => ({
    id: `${a}-${i}`,
    paidOn: addDays(addMonths(start, i), (i % 5) - 2),
    amount: cents(20_000 + a * 900 + (i % 4) * 1_000),
  }));
  return { id: `agr-${a}`, installments, payments };
});

function time<T>(
  label: string,
  reps: number,
  f: () => T,
): { label: string; reps: number; msPerRun: number } {
  f();
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) f();
  const ms = (performance.now() - t0) / reps;
  console.log(`${label}: ${ms.toFixed(2)} ms per run (${reps} runs)`);
  return { label, reps, msPerRun: Number(ms.toFixed(3)) };
}

const asOf = addMonths(start, 30);
const results = [
  time(`status + progress, ${AGREEMENTS} agreements × ${PER} installments × 30 payments`, 50, () =>
    agreements.map((a) =>
      agreementProgress(
        agreementStatus(a.installments, a.payments, { asOf, dueSoonDays: 7, graceDays: 3 }),
        asOf,
      ),
    ),
  ),
];
const due: DueInstallment[] = agreements.flatMap((a) =>
  a.installments.map((i) => ({
    agreementId: a.id,
    lender: a.id,
    seq: i.seq,
    dueOn: i.dueOn,
    amount: i.amount,
  })),
);
let warnings = 0;
results.push(
  time(`forecast 366 days, ${due.length} installments`, 50, () => {
    const f = forecastCashFlow({
      asOf: start,
      days: 366,
      openingBalance: cents(500_000),
      incomes: [
        { label: 'salary', amount: cents(1_200_000), dayOfMonth: 10 },
        { label: 'allowance', amount: cents(100_000), dayOfMonth: 25 },
        { label: 'rent', amount: cents(300_000), dayOfMonth: 31 },
      ],
      outgoings: [1, 5, 12, 18, 28, 31].map((d) => ({
        label: `o${d}`,
        amount: cents(50_000),
        dayOfMonth: d,
      })),
      installments: due,
      weekendRule: 'previous-business-day',
      actLeadDays: 3,
      buffer: cents(1_000_000),
    });
    warnings = f.warnings.length;
    return f;
  }),
);
let bytes = 0;
results.push(
  time(`ics export, ${due.length} events with 2 alarms each`, 5, () => {
    const ics = renderIcs(
      due.map((d) => ({
        uid: `agreement-${d.agreementId}-${d.seq}@xieshang`,
        date: d.dueOn,
        title: `还款 ${d.lender} 第${d.seq}期`,
        description: '说明',
      })),
      {
        timeZone: 'Asia/Shanghai',
        time: { hour: 9, minute: 0 },
        alarmDaysBefore: [3, 1],
        calendarName: 'bench',
        stamp: '2026-11-29T00:00:00.000Z' as Instant,
      },
    );
    bytes = ics.length;
    return ics;
  }),
);
console.log(`forecast warnings: ${warnings}; ics size: ${(bytes / 1024).toFixed(0)} KiB`);
mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./out/agreements.json', import.meta.url),
  `${JSON.stringify({ node: process.version, results, forecastWarnings: warnings, icsBytes: bytes }, null, 2)}\n`,
);
