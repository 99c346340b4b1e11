// The one catalogue of errors a user can cause: each stable kebab-case code (an API contract, never
// renamed) with its meaning, its HTTP status and its Chinese and English message built from
// parameters. `AppErrorCode` is exactly the catalogue's keys, so a code not listed here does not
// compile. Edges translate: server/error-handler.ts to HTTP status, cli/report-error.ts to exit 1.
import type { IssueCode } from '../core/result.js';
import { ALL_VOCABS, termLabel } from '../core/vocab/index.js';
import { fieldLabel, humanizeMessage } from './field-labels.js';

/** What a message may say besides the field; every value is already plain text for the user. */
export interface ErrorParams {
  /** the field's label in the message's language ("联系时间"); AppError fills it from `field` */
  label?: string;
  /** a limit the input broke: "3000", "¥1,000,000,000.00" */
  limit?: string | number;
  /** the offending value, as the user typed it (never an English enum value in zh) */
  value?: string;
  /** the allowed choices, already labelled ("电话、短信…") */
  allowed?: string;
}

interface Entry {
  /** HTTP status the server answers with */
  readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 500 | 503;
  /** what the code means, for the API documentation */
  readonly meaning: string;
  readonly zh: (p: ErrorParams) => string;
  readonly en: (p: ErrorParams) => string;
}

/** "联系时间：" before a reason when the error names a field, nothing otherwise. */
const zhAt = (p: ErrorParams): string => (p.label ? `${p.label}：` : '');
const enAt = (p: ErrorParams): string => (p.label ? `${p.label}: ` : '');
const zhLimit = (p: ErrorParams): string => (p.limit === undefined ? '' : `（上限 ${p.limit}）`);
const enLimit = (p: ErrorParams): string => (p.limit === undefined ? '' : ` (limit ${p.limit})`);

export const ERROR_CATALOGUE = {
  'invalid-input': {
    status: 400,
    meaning: 'The request or file is malformed; details name the field.',
    zh: (p) => `${zhAt(p)}输入无效，请检查后重试`,
    en: (p) => `${enAt(p)}invalid input`,
  },
  'invalid-json': {
    status: 400,
    meaning: 'The input is not valid JSON.',
    zh: (p) => `${zhAt(p)}内容不是有效的 JSON 格式`,
    en: (p) => `${enAt(p)}not valid JSON`,
  },
  'invalid-amount': {
    status: 400,
    meaning: 'An amount is not yuan with at most two decimals, or is out of range.',
    zh: (p) => `${zhAt(p)}请填写金额（元，最多两位小数），例如 1234.56`,
    en: (p) => `${enAt(p)}expected yuan with at most two decimals, e.g. 1234.56`,
  },
  'invalid-date': {
    status: 400,
    meaning: 'A date is not YYYY-MM-DD or does not exist on the calendar.',
    zh: (p) => `${zhAt(p)}请填写日历上存在的日期，格式为 年-月-日，例如 2026-01-31`,
    en: (p) => `${enAt(p)}expected a calendar date YYYY-MM-DD`,
  },
  'invalid-time': {
    status: 400,
    meaning: 'A time is not ISO-8601 with a zone.',
    zh: (p) => `${zhAt(p)}请填写日期和时间，例如 2026-11-20 10:30（北京时间）`,
    en: (p) => `${enAt(p)}expected an ISO-8601 time with a zone`,
  },
  'invalid-rate': {
    status: 400,
    meaning: 'A rate is malformed or too precise.',
    zh: (p) => `${zhAt(p)}请填写小数形式的利率，例如 0.049 表示 4.9%`,
    en: (p) => `${enAt(p)}expected a decimal fraction, e.g. 0.049`,
  },
  'no-lpr': {
    status: 400,
    meaning:
      'A date before 2019-08-20, when the LPR was first published; the pre-reform rules apply.',
    zh: (p) =>
      `${zhAt(p)}早于 2019 年 8 月 20 日首次公布贷款市场报价利率（LPR）的日期，适用改革前的规则`,
    en: (p) => `${enAt(p)}before 2019-08-20, when the LPR was first published`,
  },
  'rate-out-of-range': {
    status: 400,
    meaning: 'A rate is above 1000 % a year.',
    zh: (p) => `${zhAt(p)}利率超过每年 1000%，请检查`,
    en: (p) => `${enAt(p)}rate above 1000 % a year`,
  },
  'input-too-large': {
    status: 413,
    meaning: 'The input exceeds the size limit.',
    zh: (p) => `${zhAt(p)}内容超过大小上限${zhLimit(p)}`,
    en: (p) => `${enAt(p)}input exceeds the size limit${enLimit(p)}`,
  },
  'file-not-found': {
    status: 404,
    meaning: 'A named file does not exist or cannot be read.',
    zh: (p) => `${zhAt(p)}找不到文件或无法读取${p.value ? `：${p.value}` : ''}`,
    en: (p) => `${enAt(p)}file not found or unreadable${p.value ? `: ${p.value}` : ''}`,
  },
  'no-solution': {
    status: 422,
    meaning: 'No rate makes the cash flows balance.',
    zh: (p) => `${zhAt(p)}这些金额和日期算不出年化利率，请检查是否填反或漏填`,
    en: (p) => `${enAt(p)}no rate makes these cash flows balance`,
  },
  'ambiguous-rate': {
    status: 422,
    meaning: 'More than one rate makes the cash flows balance.',
    zh: (p) => `${zhAt(p)}这些金额和日期对应不止一个利率，无法确定真实年化`,
    en: (p) => `${enAt(p)}more than one rate makes these cash flows balance`,
  },
  'not-found': {
    status: 404,
    meaning: 'The named record does not exist.',
    zh: (p) => (p.label ? `找不到这个${p.label}，可能已被删除` : '找不到这条记录，可能已被删除'),
    en: (p) => (p.label ? `${p.label} not found` : 'record not found'),
  },
  conflict: {
    status: 409,
    meaning: 'The record already exists or was changed meanwhile.',
    zh: (p) => `${zhAt(p)}记录已存在或刚被修改，请刷新后再试`,
    en: (p) => `${enAt(p)}the record already exists or was changed meanwhile`,
  },
  'database-too-new': {
    status: 500,
    meaning: 'The database was written by a newer version of Xieshang.',
    zh: () => '数据由更新版本的协商写入，请先升级本软件',
    en: () => 'the database was written by a newer version of Xieshang; upgrade first',
  },
  'database-unavailable': {
    status: 400,
    meaning: 'The database cannot be reached, opened or logged into.',
    zh: () => '无法连接或打开数据库，请检查数据库地址和登录信息',
    en: () => 'the database cannot be reached, opened or logged into',
  },
  infeasible: {
    status: 422,
    meaning: 'The request cannot be met with the given constraints.',
    zh: (p) => `${zhAt(p)}按现在的条件无法做到，请调整后再试`,
    en: (p) => `${enAt(p)}cannot be met with the given constraints`,
  },
  forbidden: {
    status: 403,
    meaning: 'The caller may not do this.',
    zh: () => '没有权限进行这个操作',
    en: () => 'not allowed',
  },
  unauthorized: {
    status: 401,
    meaning: 'The caller must sign in.',
    zh: () => '请先用启动时显示的链接登录',
    en: () => 'sign in first with the link printed at start',
  },
  'integrity-failure': {
    status: 500,
    meaning: 'A stored object or the ledger does not verify.',
    zh: () => '存储的文件或证据账本校验失败，可能已被改动',
    en: () => 'a stored object or the ledger does not verify',
  },
  'storage-full': {
    status: 400,
    meaning: 'The disk is full while storing a file; nothing was stored.',
    zh: () => '磁盘已满，文件没有保存；请腾出空间后重试',
    en: () => 'the disk is full; nothing was stored',
  },
  'transition-not-allowed': {
    status: 400,
    meaning: 'A negotiation state cannot move that way (or needs written proof).',
    zh: (p) => `${zhAt(p)}协商状态不能这样变更（或需要先有书面确认）`,
    en: (p) => `${enAt(p)}the negotiation state cannot move that way`,
  },
  'payments-do-not-repay': {
    status: 400,
    meaning: 'A custom schedule whose payments add up to less than the principal.',
    zh: (p) => `${zhAt(p)}各期还款加起来少于借款金额`,
    en: (p) => `${enAt(p)}the payments add up to less than the principal`,
  },
  'payment-exceeds-balance': {
    status: 400,
    meaning: 'A payment before the last would repay more than is owed.',
    zh: (p) => `${zhAt(p)}最后一期之前的还款超过了剩余欠款`,
    en: (p) => `${enAt(p)}a payment before the last repays more than is owed`,
  },
  'installments-do-not-add-up': {
    status: 400,
    meaning: "An agreement's installments do not add up to its agreed total.",
    zh: (p) => `${zhAt(p)}各期金额合计与约定总额不一致`,
    en: (p) => `${enAt(p)}the installments do not add up to the agreed total`,
  },
  'missing-field': {
    status: 400,
    meaning: 'A required field is absent or empty.',
    zh: (p) => `${zhAt(p)}必须填写`,
    en: (p) => `${enAt(p)}required`,
  },
  'negative-amount': {
    status: 400,
    meaning: 'An amount that must not be negative is negative.',
    zh: (p) => `${zhAt(p)}不能是负数`,
    en: (p) => `${enAt(p)}must not be negative`,
  },
  'capacity-not-positive': {
    status: 400,
    meaning: 'A plan needs a monthly capacity above zero.',
    zh: (p) => `${zhAt(p)}每月可用于还债的金额必须大于 0`,
    en: (p) => `${enAt(p)}the monthly capacity must be above zero`,
  },
  'floor-above-capacity': {
    status: 400,
    meaning: "A debt's minimum payment is above the whole monthly capacity.",
    zh: (p) => `${zhAt(p)}有一笔债务的最低还款额已超过每月可用于还债的全部金额`,
    en: (p) => `${enAt(p)}a minimum payment is above the whole monthly capacity`,
  },
  'duplicate-id': {
    status: 400,
    meaning: 'Two debts in one plan share an id.',
    zh: (p) => `${zhAt(p)}同一笔债务出现了两次`,
    en: (p) => `${enAt(p)}two debts share an id`,
  },
  'unknown-strategy': {
    status: 400,
    meaning: 'The plan strategy is not one of the supported ones.',
    zh: (p) => `${zhAt(p)}不是可选的分配方式${p.allowed ? `，可选：${p.allowed}` : ''}`,
    en: (p) => `${enAt(p)}unknown strategy${p.allowed ? `; choose ${p.allowed}` : ''}`,
  },
  'unknown-concession': {
    status: 400,
    meaning: 'The requested concession is not one of the supported ones.',
    zh: (p) => `${zhAt(p)}不是可选的减免要求${p.allowed ? `，可选：${p.allowed}` : ''}`,
    en: (p) => `${enAt(p)}unknown concession${p.allowed ? `; choose ${p.allowed}` : ''}`,
  },
  'custom-above-capacity': {
    status: 400,
    meaning: 'Custom plan payments add up to more than the capacity.',
    zh: (p) => `${zhAt(p)}自定义的每月还款加起来超过了每月可用于还债的金额`,
    en: (p) => `${enAt(p)}custom payments add up to more than the capacity`,
  },
  'amount-over-limit': {
    status: 400,
    meaning:
      'An amount is above the per-field limit (core/money MAX_AMOUNT_CENTS, ¥1,000,000,000.00).',
    zh: (p) => `${zhAt(p)}金额超过上限${p.limit === undefined ? '' : ` ${p.limit}`}`,
    en: (p) => `${enAt(p)}amount above the limit${p.limit === undefined ? '' : ` ${p.limit}`}`,
  },
  'case-total-over-limit': {
    status: 400,
    meaning:
      "A write would bring the case's recorded amounts above MAX_CASE_TOTAL_CENTS (¥10,000,000,000.00); nothing was saved.",
    zh: (p) => `${zhAt(p)}保存后全部记录的金额合计会超过上限${zhLimit(p)}，没有保存`,
    en: (p) => `${enAt(p)}the case total would exceed its limit${enLimit(p)}; nothing was saved`,
  },
  'database-busy': {
    status: 503,
    meaning:
      'Other writers held the database past every retry (db/transaction.ts); nothing was saved, try again.',
    zh: () => '数据库正忙，没有保存；请稍后再试',
    en: () => 'the database is busy; nothing was saved, try again',
  },
  'invalid-idempotency-key': {
    status: 400,
    meaning:
      'The Idempotency-Key header is empty, too long or not printable ASCII (1-255 characters).',
    zh: () => '请求标识无效（应为 1 到 255 个可打印字符）',
    en: () => 'the Idempotency-Key header must be 1-255 printable ASCII characters',
  },
  'idempotency-key-reused': {
    status: 422,
    meaning: 'An Idempotency-Key already used for a different request (other path or body).',
    zh: () => '这个请求标识已用于另一次不同的操作，请刷新页面后重试',
    en: () => 'this Idempotency-Key was already used for a different request',
  },
  'idempotency-in-progress': {
    status: 409,
    meaning: 'The first request with this Idempotency-Key is still running; retry in a moment.',
    zh: () => '同一操作正在处理中，请稍候再试',
    en: () => 'the first request with this Idempotency-Key is still running; retry in a moment',
  },
  internal: {
    status: 500,
    meaning: 'A bug; details are in the log.',
    zh: () => '内部错误（程序缺陷），详见日志',
    en: () => 'internal error (a bug); see the log',
  },
} as const satisfies Record<string, Entry>;

export type AppErrorCode = keyof typeof ERROR_CATALOGUE;

/** Every code core can put in a FieldIssue is in the catalogue (a compile-time check). */
type Covers<T extends AppErrorCode> = T;
export type IssueCodesCovered = Covers<IssueCode>;

/** Code → meaning, as the API documentation lists them. */
export const APP_ERROR_CODES: Readonly<Record<AppErrorCode, string>> = Object.fromEntries(
  Object.entries(ERROR_CATALOGUE).map(([code, e]) => [code, e.meaning]),
) as Record<AppErrorCode, string>;

export function isAppErrorCode(code: unknown): code is AppErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CATALOGUE, code);
}

/** The HTTP status of a code (the server's one translation). */
export function statusOf(code: AppErrorCode): number {
  return ERROR_CATALOGUE[code].status;
}

/** The catalogue's message for a code, the field named by its label in that language. */
export function catalogueMessage(
  code: AppErrorCode,
  lang: 'zh' | 'en',
  field?: string,
  params: ErrorParams = {},
): string {
  const label = field === undefined || field === '' ? params.label : fieldLabel(field, lang);
  const p = label === undefined ? params : { ...params, label };
  return ERROR_CATALOGUE[code][lang](p);
}

/**
 * English enum values inside Chinese text ("渠道 phone") shown by their label ("渠道 电话"). Only a
 * whole lowercase word that is a value of a closed list is replaced; file names and paths are not.
 */
export function labelEnumValues(text: string): string {
  return text.replace(
    /(?<![A-Za-z0-9_./\\-])[a-z][a-z]*(?:-[a-z]+)*(?![A-Za-z0-9_./\\-])/g,
    (w) => {
      const v = ALL_VOCABS.find((x) => Object.hasOwn(x.labels, w));
      return v === undefined ? w : termLabel(v, w, 'zh');
    },
  );
}

/** What the Chinese reader sees: the field's label for its path, labels for enum values. */
export function plainZh(text: string, field: string | undefined): string {
  return labelEnumValues(humanizeMessage(text, field, 'zh'));
}

/**
 * One input problem said to a Chinese reader: its own Chinese (or else the catalogue's) with its
 * field named by the label. For lists of issues joined into one message, where AppError only knows
 * the first one's field.
 */
export function issueMessageZh(i: { code: IssueCode; field: string; messageZh?: string }): string {
  return i.messageZh === undefined || i.messageZh === ''
    ? catalogueMessage(i.code, 'zh', i.field)
    : plainZh(i.messageZh, i.field);
}

export interface AppErrorOptions {
  field?: string;
  details?: unknown;
  cause?: unknown;
  /** the thrower's own Chinese message, when more specific than the catalogue's */
  messageZh?: string;
  /** what the catalogue's messages are built from (the label comes from `field`) */
  params?: ErrorParams;
}

/** The one exception type use cases throw for expected failures. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly field: string | undefined;
  readonly details: unknown;
  /**
   * Always Chinese and always plain: the thrower's text with the field path turned into its label,
   * or else the catalogue's message built from the params and that label.
   */
  readonly messageZh: string;
  readonly params: ErrorParams;

  /** `message` is English (API clients may match it); empty takes the catalogue's. */
  constructor(code: AppErrorCode, message: string, opts: AppErrorOptions = {}) {
    const params = opts.params ?? {};
    super(
      message === '' ? catalogueMessage(code, 'en', opts.field, params) : message,
      opts.cause === undefined ? undefined : { cause: opts.cause },
    );
    this.name = 'AppError';
    this.code = code;
    this.field = opts.field;
    this.details = opts.details;
    this.params = params;
    this.messageZh =
      opts.messageZh === undefined || opts.messageZh === ''
        ? catalogueMessage(code, 'zh', opts.field, params)
        : plainZh(opts.messageZh, opts.field);
  }

  /** An AppError with the catalogue's messages in both languages. */
  static of(code: AppErrorCode, opts: Omit<AppErrorOptions, 'messageZh'> = {}): AppError {
    return new AppError(code, '', opts);
  }

  /** Builds an AppError from a core FieldIssue. */
  static fromIssue(
    issue: { code: IssueCode; field: string; message: string; messageZh?: string },
    details?: unknown,
  ): AppError {
    return new AppError(issue.code, issue.message, {
      field: issue.field,
      ...(issue.messageZh === undefined ? {} : { messageZh: issue.messageZh }),
      ...(details === undefined ? {} : { details }),
    });
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
