import { describe, expect, it } from 'vitest';
import { citeProvision, findProvision, PROVISIONS } from './provisions.js';
import { applicableLines, recalculationLine } from './lines.js';
import { LENDER_TYPES } from './types.js';
import { isoDate } from '../dates/index.js';

describe('law registry', () => {
  it('has unique kebab-case ids', () => {
    const ids = PROVISIONS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('holds the ids the brief names, with docs/law.md certainties', () => {
    expect(findProvision('civil-code-670')?.certainty).toBe('P');
    expect(findProvision('private-lending-25')?.certainty).toBe('P');
    expect(findProvision('fafa-2017-22-item2')?.certainty).toBe('S');
    expect(findProvision('credit-card-measures-70')?.certainty).toBe('S');
    expect(findProvision('pboc-2021-3')?.certainty).toBe('S');
    expect(findProvision('credit-reporting-25')?.certainty).toBe('P');
    expect(findProvision('public-security-2025-50')?.certainty).toBe('S');
    expect(findProvision('cash-loan-2017-141')?.certainty).toBe('U');
    expect(findProvision('no-such-id')).toBeUndefined();
  });

  it('marks every U provision as unverified in its gist and citation', () => {
    for (const p of PROVISIONS.filter((x) => x.certainty === 'U')) {
      expect(p.gistZh).toMatch(/待核实/);
      expect(p.gistEn).toMatch(/Unverified/i);
      expect(citeProvision(p.id, 'zh')).toMatch(/（待核实）$/);
      expect(citeProvision(p.id, 'en')).toMatch(/\(unverified\)$/);
    }
    expect(citeProvision('civil-code-670')).toBe('《中华人民共和国民法典》第670条');
  });

  it('resolves every provision a rate line cites', () => {
    for (const t of LENDER_TYPES)
      for (const d of ['2018-03-01', '2020-01-01', '2025-06-01'])
        for (const l of [...applicableLines(t, isoDate(d)), recalculationLine(t, isoDate(d))])
          for (const id of l.provisionIds)
            expect(findProvision(id), `${l.id} → ${id}`).toBeDefined();
  });
});
