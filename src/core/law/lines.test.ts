import { describe, expect, it } from 'vitest';
import { isoDate } from '../dates/index.js';
import { applicableLines, recalculationLine } from './lines.js';

const ids = (t: Parameters<typeof applicableLines>[0], d: string, asOf?: string) =>
  applicableLines(t, isoDate(d), asOf === undefined ? undefined : isoDate(asOf)).map((l) => l.id);

describe('applicableLines (docs/law.md, Price lines)', () => {
  it('gives 4×LPR = 12.0% for a private loan formed in June 2025 (LPR 3.00%, FACTS §2 table)', () => {
    const [line] = applicableLines('private', isoDate('2025-06-15'));
    expect(line?.id).toBe('private-lpr4x');
    expect(line?.limitPpm).toBe(120_000);
    expect(line?.provisionIds).toContain('private-lending-25');
    expect(line?.certainty).toBe('S'); // rule P, LPR figure S: the weaker wins
  });

  it('uses the contract-date LPR: 15.4% for a private loan of 2020-09-01 (LPR 3.85%)', () => {
    expect(applicableLines('private', isoDate('2020-09-01'))[0]?.limitPpm).toBe(154_000);
  });

  it('applies the 第31条 transition to private loans formed before 2020-08-20, even before any LPR', () => {
    expect(ids('private', '2018-05-01', '2025-06-01')).toEqual([
      'private-2015-24',
      'private-2015-36',
      'private-lpr4x-filing',
    ]);
    const filing = applicableLines('private', isoDate('2019-12-01'), isoDate('2025-06-01'))[2];
    expect(filing?.limitPpm).toBe(120_000);
  });

  it('gives licensed lenders the 24% line and the legacy 36% line marked U', () => {
    for (const t of ['bank', 'consumer-finance', 'small-loan', 'guarantee-platform'] as const) {
      const lines = applicableLines(t, isoDate('2025-06-01'));
      expect(lines.map((l) => [l.id, l.limitPpm, l.certainty])).toEqual([
        ['licensed-24', 240_000, 'S'],
        ['legacy-36', 360_000, 'U'],
      ]);
    }
    expect(applicableLines('small-loan', isoDate('2025-06-01'))[0]?.provisionIds).toContain(
      'spc-reply-2020-27',
    );
  });

  it('shows both the private and the licensed line for an unknown lender, saying when each applies', () => {
    const lines = applicableLines('unknown', isoDate('2025-06-01'));
    expect(lines.map((l) => l.id)).toEqual(['private-lpr4x', 'licensed-24', 'legacy-36']);
    expect(lines[0]?.appliesBecauseZh).toMatch(/若出借人是个人/);
    expect(lines[1]?.appliesBecauseEn).toMatch(/if the lender is a licensed/);
  });

  it('recalculates old private loans at 24% then 4×LPR from 2020-08-20', () => {
    const l = recalculationLine('private', isoDate('2019-01-01'), isoDate('2020-09-01'));
    expect(l.segments).toEqual([
      { from: '2019-01-01', ppm: 240_000 },
      { from: '2020-08-20', ppm: 154_000 },
    ]);
    expect(recalculationLine('unknown', isoDate('2025-06-01')).id).toBe('licensed-24');
  });
});
