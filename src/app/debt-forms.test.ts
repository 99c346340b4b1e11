// The web's debt form → the debt input: the API's names mapped in the input's order, and the
// lender rules (required on create, never cleared) with the errors the API answers.
import { describe, expect, it } from 'vitest';
import { debtFormInput, debtPatchFormInput } from './debt-forms.js';
import { isAppError } from './errors.js';

const thrown = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    if (isAppError(e))
      return { code: e.code, field: e.field, message: e.message, messageZh: e.messageZh };
    throw e;
  }
  throw new Error('did not throw');
};

describe('debtFormInput', () => {
  it('maps the API names to the debt input, lender first, leaving out absent fields', () => {
    const raw = debtFormInput({
      lenderName: '借呗',
      lenderType: 'small-loan',
      principal: '10000.00',
      rateText: '日息万五',
      method: 'equal-installment',
      isCreditReported: true,
      notes: null,
    });
    expect(raw).toEqual({
      lender: '借呗',
      lenderType: 'small-loan',
      principal: '10000.00',
      rate: '日息万五',
      scheduleMethod: 'equal-installment',
      creditReported: true,
    });
    expect(Object.keys(raw)[0]).toBe('lender');
  });

  it('takes the lender id before the name', () => {
    const raw = debtFormInput({
      lenderId: 'l1',
      lenderName: '借呗',
      lenderType: 'unknown',
      principal: '1.00',
    });
    expect(raw['lender']).toBe('l1');
  });

  it('refuses a debt without a lender, naming lenderName', () => {
    expect(thrown(() => debtFormInput({ lenderType: 'unknown', principal: '1.00' }))).toEqual({
      code: 'invalid-input',
      field: 'lenderName',
      message: 'lenderName: required (or give lenderId)',
      messageZh: '请填写平台或机构名称',
    });
  });
});

describe('debtPatchFormInput', () => {
  it('keeps only the fields sent; null clears (the empty string)', () => {
    expect(debtPatchFormInput({ notes: null, balance: '5.00', lenderId: null })).toEqual({
      balance: '5.00',
      notes: '',
    });
  });

  it('refuses clearing the lender', () => {
    expect(thrown(() => debtPatchFormInput({ lenderName: null }))).toEqual({
      code: 'invalid-input',
      field: 'lenderName',
      message: 'lenderName: cannot be cleared',
      messageZh: '平台或机构名称不能为空',
    });
  });

  it('refuses a change that changes nothing', () => {
    expect(thrown(() => debtPatchFormInput({}))).toMatchObject({
      code: 'invalid-input',
      field: 'body',
      message: 'nothing to change: send at least one field',
    });
  });
});
