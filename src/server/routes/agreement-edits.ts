// Correcting agreements and payments (issue 13 item 4): PATCH and DELETE for an agreement and for
// one of its payments. Each delete answers the undoId for POST /api/undo/:undoId (routes/case.ts).
import { z } from 'zod';
import { todayIn, type AgreementReport } from '../../app/agreements/agreements.js';
import {
  editAgreement,
  editPayment,
  removeAgreement,
  removePayment,
} from '../../app/agreements/edit.js';
import { agreementEdit, paymentEdit } from '../../app/agreements/edit-forms.js';
import { resolveCase, type CaseId } from '../../app/cases.js';
import {
  AgreementPatch,
  AgreementView,
  IdParams,
  PaymentPatch,
  Removed,
} from '../../contracts/index.js';
import type { ServerDeps } from '../server-deps.js';
import type { RouteApp } from './index.js';

type ReportFor = (caseId: CaseId, id: string) => Promise<AgreementReport>;

const PaymentParams = IdParams.extend({ paymentId: z.string().min(1).max(100) });

export function registerAgreementEdits(
  app: RouteApp,
  deps: ServerDeps,
  reportFor: ReportFor,
  view: (r: AgreementReport) => AgreementView,
): void {
  const tags = ['agreements'];
  app.patch(
    '/agreements/:id',
    {
      schema: {
        tags,
        summary: 'Change an agreement; its installments are rebuilt and payments matched again',
        params: IdParams,
        body: AgreementPatch,
        response: { 200: AgreementView },
      },
    },
    async (req) => {
      const c = await resolveCase(deps);
      const edit = agreementEdit(req.body);
      await editAgreement(deps, c.id, req.params.id, edit, todayIn(deps));
      return view(await reportFor(c.id, req.params.id));
    },
  );

  app.delete(
    '/agreements/:id',
    { schema: { tags, params: IdParams, response: { 200: Removed } } },
    async (req) => {
      const c = await resolveCase(deps);
      const { undoId } = await removeAgreement(deps, c.id, req.params.id);
      return { ok: true as const, undoId };
    },
  );

  app.patch(
    '/agreements/:id/payments/:paymentId',
    {
      schema: {
        tags,
        summary: 'Change a recorded payment; the installments are matched again',
        params: PaymentParams,
        body: PaymentPatch,
        response: { 200: AgreementView },
      },
    },
    async (req) => {
      const c = await resolveCase(deps);
      const ids = { agreement: req.params.id, payment: req.params.paymentId };
      await editPayment(deps, c.id, ids, paymentEdit(req.body), todayIn(deps));
      return view(await reportFor(c.id, req.params.id));
    },
  );

  app.delete(
    '/agreements/:id/payments/:paymentId',
    { schema: { tags, params: PaymentParams, response: { 200: Removed } } },
    async (req) => {
      const c = await resolveCase(deps);
      const ids = { agreement: req.params.id, payment: req.params.paymentId };
      const { undoId } = await removePayment(deps, c.id, ids, todayIn(deps));
      return { ok: true as const, undoId };
    },
  );
}
