// Typed fetch wrapper over src/contracts. Errors arrive as { error: { code, message, messageZh, field, details } }.
import type {
  AgreementCreate,
  AgreementPatch,
  ContactPatch,
  PaymentPatch,
  Removed,
  UndoResult,
  AgreementView,
  AprRequest,
  AprResponse,
  BudgetSave,
  BudgetView,
  CheckRequest,
  ConductFlag,
  ContactCreate,
  ContactView,
  DebtCreate,
  DebtPatch,
  DebtView,
  DueItem,
  EvidenceFields,
  EvidenceView,
  ForecastView,
  LenderView,
  PaymentCreate,
  PlanBuild,
  PlanView,
  ProfileUpdate,
  ProfileView,
  Summary,
  ThisMonthView,
} from '../contracts/index.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageZh: string | undefined,
    readonly field: string | undefined,
    readonly details: unknown,
  ) {
    super(message);
  }

  /** The message in the user's language. */
  say(lang: 'zh' | 'en'): string {
    return lang === 'zh' && this.messageZh ? this.messageZh : this.message;
  }
}

/** Dispatched on window when the server answers 401: the session is missing or gone. */
export const SIGNED_OUT_EVENT = 'xieshang:signed-out';

/**
 * A fresh Idempotency-Key (128 random bits, hex). getRandomValues works outside secure contexts
 * too (a phone opening the server by LAN address), unlike randomUUID.
 */
export function newIdempotencyKey(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/**
 * `idempotencyKey`: one per user action (use-form's `useWrite`), so a double tap or a retry of the
 * same action is written once by the server and answered with the first reply.
 */
export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  idempotencyKey?: string,
): Promise<T> {
  const headers: Record<string, string> = {};
  const init: RequestInit = { method, credentials: 'same-origin', headers };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ApiError(
      0,
      'network',
      'cannot reach the Xieshang server; is it still running?',
      '连接不到协商服务，请确认它仍在运行',
      undefined,
      undefined,
    );
  }
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: handled below */
  }
  // no (or an expired) session: the shell swaps the page for how to sign in (main.tsx)
  if (res.status === 401 && !(method === 'POST' && path === '/api/session'))
    window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
  if (!res.ok) {
    const e = (
      json as
        | {
            error?: {
              code?: string;
              message?: string;
              messageZh?: string;
              field?: string;
              details?: unknown;
            };
          }
        | undefined
    )?.error;
    throw new ApiError(
      res.status,
      e?.code ?? 'internal',
      e?.message ?? `HTTP ${res.status}`,
      e?.messageZh,
      e?.field,
      e?.details,
    );
  }
  return json as T;
}

const q = (params: Record<string, string | number | undefined | null>): string => {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
};

function nullWhenNotFound(e: unknown): null {
  if (e instanceof ApiError && e.status === 404) return null;
  throw e;
}

export const api = {
  session: () => request<{ ok: boolean }>('GET', '/api/session'),
  /** trades the one-time token from the URL `xieshang serve` printed for the session cookie */
  tradeToken: (token: string) => request<{ ok: boolean }>('POST', '/api/session', { token }),
  apr: (b: AprRequest) => request<AprResponse>('POST', '/api/apr', b),
  check: (b: CheckRequest) => request<Record<string, unknown>>('POST', '/api/check', b),
  summary: () => request<Summary>('GET', '/api/summary'),
  lenders: () => request<{ lenders: LenderView[] }>('GET', '/api/lenders'),
  debts: () => request<{ debts: DebtView[] }>('GET', '/api/debts'),
  addDebt: (b: DebtCreate, key?: string) => request<DebtView>('POST', '/api/debts', b, key),
  editDebt: (id: string, b: DebtPatch) =>
    request<DebtView>('PATCH', `/api/debts/${encodeURIComponent(id)}`, b),
  removeDebt: (id: string) => request<Removed>('DELETE', `/api/debts/${encodeURIComponent(id)}`),
  /** brings back what a delete removed (the `undoId` its reply gave) */
  undo: (undoId: string, key?: string) =>
    request<UndoResult>('POST', `/api/undo/${encodeURIComponent(undoId)}`, {}, key),
  saveBudget: (b: BudgetSave, key?: string) => request<BudgetView>('POST', '/api/budgets', b, key),
  buildPlan: (b: PlanBuild, key?: string) => request<PlanView>('POST', '/api/plans', b, key),
  /** the saved budget, or null before the first save */
  latestBudget: () => request<BudgetView>('GET', '/api/budgets/latest').catch(nullWhenNotFound),
  /** the saved plan, or null before the first save */
  latestPlan: () => request<PlanView>('GET', '/api/plans/latest').catch(nullWhenNotFound),
  letterKinds: () =>
    request<{ kinds: { kind: string; titleZh: string; titleEn: string }[] }>('GET', '/api/letters'),
  letterUrl: (
    kind: string,
    p: {
      lenderId: string;
      format: 'docx' | 'html' | 'md';
      lang: 'zh' | 'en';
      plan?: string | undefined;
    },
  ) => `/api/letters/${encodeURIComponent(kind)}${q(p)}`,
  /** the pre-send check and the limitation warning for one letter, before it is downloaded */
  letterWarnings: (kind: string, p: { lenderId: string; lang: 'zh' | 'en' }) =>
    request<{ kind: string; warnings: { code: string; messageZh: string; message: string }[] }>(
      'GET',
      `/api/letters/${encodeURIComponent(kind)}/warnings${q({ ...p, format: 'md' })}`,
    ),
  letterText: async (
    kind: string,
    p: { lenderId: string; lang: 'zh' | 'en'; plan?: string | undefined },
  ) => {
    const res = await fetch(`/api/letters/${encodeURIComponent(kind)}${q({ ...p, format: 'md' })}`);
    const text = await res.text();
    if (!res.ok) {
      const e = (
        JSON.parse(text) as {
          error?: { code?: string; message?: string; messageZh?: string; field?: string };
        }
      ).error;
      throw new ApiError(
        res.status,
        e?.code ?? 'internal',
        e?.message ?? `HTTP ${res.status}`,
        e?.messageZh,
        e?.field,
        undefined,
      );
    }
    return text;
  },
  profile: () => request<{ profile: ProfileView }>('GET', '/api/profile'),
  saveProfile: (b: ProfileUpdate) => request<{ profile: ProfileView }>('PUT', '/api/profile', b),
  contacts: () => request<{ contacts: ContactView[] }>('GET', '/api/contacts'),
  addContact: (b: ContactCreate, key?: string) =>
    request<ContactView>('POST', '/api/contacts', b, key),
  editContact: (id: string, b: ContactPatch, key?: string) =>
    request<ContactView>('PATCH', `/api/contacts/${encodeURIComponent(id)}`, b, key),
  removeContact: (id: string, key?: string) =>
    request<Removed>('DELETE', `/api/contacts/${encodeURIComponent(id)}`, undefined, key),
  evidence: () => request<{ items: EvidenceView[] }>('GET', '/api/evidence'),
  /** Fields first, file last: the server streams the file straight into the vault. */
  uploadEvidence: (fields: EvidenceFields, file: File, key?: string) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields))
      if (v !== undefined && v !== null && v !== '') fd.append(k, String(v));
    fd.append('file', file, file.name);
    return request<EvidenceView>('POST', '/api/evidence', fd, key);
  },
  evidenceUrl: (id: string) => `/api/evidence/${encodeURIComponent(id)}/download`,
  exportUrl: '/api/evidence/export',
  /** evidence is append-only: withdrawing keeps the file and the ledger entry, with the reason */
  withdrawEvidence: (id: string, reason: string, key?: string) =>
    request<EvidenceView>(
      'POST',
      `/api/evidence/${encodeURIComponent(id)}/withdraw`,
      { reason },
      key,
    ),
  conduct: () => request<{ flags: ConductFlag[] }>('GET', '/api/conduct'),
  agreements: () => request<{ agreements: AgreementView[] }>('GET', '/api/agreements'),
  addAgreement: (b: AgreementCreate, key?: string) =>
    request<AgreementView>('POST', '/api/agreements', b, key),
  pay: (agreementId: string, b: PaymentCreate, key?: string) =>
    request<AgreementView>(
      'POST',
      `/api/agreements/${encodeURIComponent(agreementId)}/payments`,
      b,
      key,
    ),
  editAgreement: (id: string, b: AgreementPatch) =>
    request<AgreementView>('PATCH', `/api/agreements/${encodeURIComponent(id)}`, b),
  removeAgreement: (id: string) =>
    request<Removed>('DELETE', `/api/agreements/${encodeURIComponent(id)}`),
  editPayment: (agreementId: string, paymentId: string, b: PaymentPatch) =>
    request<AgreementView>(
      'PATCH',
      `/api/agreements/${encodeURIComponent(agreementId)}/payments/${encodeURIComponent(paymentId)}`,
      b,
    ),
  removePayment: (agreementId: string, paymentId: string) =>
    request<Removed>(
      'DELETE',
      `/api/agreements/${encodeURIComponent(agreementId)}/payments/${encodeURIComponent(paymentId)}`,
    ),
  due: (days = 30) => request<{ items: DueItem[] }>('GET', `/api/due${q({ days })}`),
  forecast: (balance: string, payday: string | undefined, days = 90) =>
    request<ForecastView>('GET', `/api/forecast${q({ balance, days, payday })}`),
  /** 本月要还: every amount due in the next 30 days, and one status per lender */
  thisMonth: () => request<ThisMonthView>('GET', '/api/this-month'),
  calendarUrl: '/api/calendar.ics',
  backupUrl: '/api/backup',
};

export type Api = typeof api;
