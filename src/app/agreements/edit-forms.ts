// The web's correction forms for agreements and payments (`PATCH /api/agreements/:id`,
// `PATCH /api/agreements/:id/payments/:paymentId`): the API's field names become the edits of
// edit.ts, and an edit that names no field is refused before anything is read or written.
import type { AgreementPatch, PaymentPatch } from '../../contracts/index.js';
import { AppError } from '../errors.js';
import type { AgreementEdit, PaymentEdit } from './edit.js';

function nothingToChange(): AppError {
  return new AppError('invalid-input', 'nothing to change: send at least one field', {
    field: 'body',
    messageZh: '没有要修改的内容',
  });
}

/** The API's names → the use case's (the agreement JSON of input.ts). */
export function agreementEdit(b: AgreementPatch): AgreementEdit {
  const e: AgreementEdit = {};
  if (b.agreedDate !== undefined) e['agreedOn'] = b.agreedDate;
  if (b.firstDueDate !== undefined) e.firstDueOn = b.firstDueDate;
  if (b.monthlyAmount !== undefined) e.monthlyAmount = b.monthlyAmount;
  if (b.count !== undefined) e.count = b.count;
  if (b.agentName !== undefined) e['agentName'] = b.agentName;
  if (b.paymentChannel !== undefined) e['paymentChannel'] = b.paymentChannel;
  if (b.isConfirmedInWriting !== undefined) e['confirmedInWriting'] = b.isConfirmedInWriting;
  if (b.notes !== undefined) e['notes'] = b.notes;
  if (Object.keys(e).length === 0) throw nothingToChange();
  return e;
}

export function paymentEdit(b: PaymentPatch): PaymentEdit {
  const e: PaymentEdit = {};
  if (b.paidDate !== undefined) e.date = b.paidDate;
  if (b.amount !== undefined) e.amount = b.amount;
  if (b.channel !== undefined) e.channel = b.channel;
  if (b.note !== undefined) e.note = b.note;
  if (Object.keys(e).length === 0) throw nothingToChange();
  return e;
}
