import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsvRecords } from './csv.js';

describe('parseCsvRecords', () => {
  it('reads quoted commas, doubled quotes, newlines in quotes, CRLF, and the start line of each record', () => {
    const text = 'a,b\r\n"1,2","say ""hi"""\n"multi\nline",x\nlast,';
    expect(parseCsvRecords(text)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1,2', 'say "hi"'] },
      { line: 3, fields: ['multi\nline', 'x'] },
      { line: 5, fields: ['last', ''] },
    ]);
  });

  it('names the line of an unclosed quote', () => {
    expect(() => parseCsvRecords('a,b\nok,1\n"broken,2\nmore\n')).toThrow(CsvSyntaxError);
    try {
      parseCsvRecords('a,b\nok,1\n"broken,2\nmore\n');
    } catch (e) {
      expect((e as CsvSyntaxError).line).toBe(3);
    }
  });

  it('agrees with csv-parse on any table of quoted and unquoted fields', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', ' ', '1') });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 }),
        (rows) => {
          const text = rows
            .map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(','))
            .join('\n');
          expect(parseCsvRecords(text).map((r) => r.fields)).toEqual(parse(text));
        },
      ),
    );
  });
});
