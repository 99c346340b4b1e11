import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_CASES } from '../../documents/fixtures.js';
import { caseInputToJson, parseCaseInput } from './input.js';
import { renderLetter } from './documents.js';
import { isAppError } from '../errors.js';

const DOCS = new URL('../../../docs/letters/', import.meta.url);

function thrown(f: () => unknown): {
  code: string;
  field: string | undefined;
  messageZh: string | undefined;
} {
  try {
    f();
  } catch (e) {
    if (isAppError(e)) return { code: String(e.code), field: e.field, messageZh: e.messageZh };
    throw e;
  }
  throw new Error('did not throw');
}

describe('letter case JSON', () => {
  it.each(Object.entries(EXAMPLE_CASES))(
    'the committed docs/letters/%s.json parses to the fixture',
    (name, c) => {
      const json = JSON.parse(readFileSync(new URL(`${name}.json`, DOCS), 'utf8')) as unknown;
      expect(parseCaseInput(json)).toEqual(c);
      expect(caseInputToJson(c)).toEqual(json);
    },
  );

  it('names the bad field: negative amount, impossible date, unknown lender type, wrong money form', () => {
    const base = caseInputToJson(EXAMPLE_CASES['young-worker']) as Record<string, unknown> & {
      debts: Record<string, unknown>[];
    };
    const neg = { ...base, debts: [{ ...base.debts[0], outstanding: '-1.00' }] };
    expect(thrown(() => parseCaseInput(neg))).toMatchObject({
      code: 'invalid-input',
      field: 'debts.0.outstanding',
    });
    expect(thrown(() => parseCaseInput({ ...base, asOf: '2026-02-30' }))).toMatchObject({
      field: 'asOf',
    });
    expect(
      thrown(() => parseCaseInput({ ...base, lender: { name: 'x', type: 'loan-shark' } })),
    ).toMatchObject({
      field: 'lender.type',
    });
    const floaty = { ...base, debts: [{ ...base.debts[0], principal: 8000.5 }] };
    expect(thrown(() => parseCaseInput(floaty)).field).toBe('debts.0.principal');
    expect(thrown(() => parseCaseInput([])).field).toBe('input');
    expect(thrown(() => parseCaseInput({ ...base, asOf: '2026-02-30' })).messageZh).toContain(
      '日历上没有',
    );
  });
});

describe('renderLetter', () => {
  it('renders a request letter as docx bytes (a zip)', async () => {
    const r = await renderLetter(EXAMPLE_CASES['card-family'], {
      kind: 'request',
      format: 'docx',
      lang: 'zh',
    });
    expect(r.doc.title).toBe('协商还款申请书');
    expect(Buffer.from(r.bytes.subarray(0, 2)).toString()).toBe('PK');
  });

  it('refuses a letter whose inputs are missing, naming them', async () => {
    await expect(
      renderLetter(EXAMPLE_CASES['many-loans'], {
        kind: 'excess-interest',
        format: 'md',
        lang: 'zh',
      }),
    ).rejects.toMatchObject({ code: 'invalid-input', field: 'legality' });
    await expect(
      renderLetter(EXAMPLE_CASES['many-loans'], { kind: 'nope', format: 'md', lang: 'zh' }),
    ).rejects.toMatchObject({ field: 'kind' });
    await expect(
      renderLetter(EXAMPLE_CASES['many-loans'], { kind: 'request', format: 'pdf', lang: 'zh' }),
    ).rejects.toMatchObject({ field: 'format' });
  });
});
