// Field paths ("segments[0].dueOn", "body.occurredAt", "household.note") turned into the label the
// user sees ("第 1 段首期还款日", "联系时间", "家庭情况备注"): one function, used by the server's
// error handler and the CLI's error report, so no raw path reaches a Chinese message.
import { termLabel, type Vocab } from '../core/vocab/index.js';

type Lang = 'zh' | 'en';

/** Field name → [zh, en]. Names are the API's (contracts) and the use cases' field names. */
export const FIELD_LABELS: Readonly<Record<string, readonly [string, string]>> = {
  // debts and lenders
  lender: ['债主', 'lender'],
  lenderId: ['债主', 'lender'],
  lenderName: ['平台或机构名称', 'lender or app'],
  lenderType: ['机构类型', 'lender type'],
  'lender.type': ['机构类型', 'lender type'],
  name: ['名称', 'name'],
  brand: ['品牌名称', 'brand'],
  principal: ['借款金额', 'amount borrowed'],
  contractPrincipal: ['合同借款金额', 'contract principal'],
  received: ['实际到手金额', 'amount received'],
  contractDate: ['借款日期', 'contract date'],
  contractNumber: ['合同编号', 'contract number'],
  termMonths: ['期数（月）', 'term (months)'],
  term: ['期数', 'term'],
  installment: ['每期还款', 'installment'],
  method: ['还款方式', 'repayment method'],
  firstDueDate: ['第一期还款日', 'first due date'],
  firstDueOn: ['首期还款日', 'first due date'],
  rateText: ['宣传的利率', 'quoted rate'],
  rate: ['利率', 'rate'],
  annualRate: ['年利率', 'annual rate'],
  balance: ['现在还欠多少', 'balance now'],
  outstanding: ['剩余欠款', 'outstanding balance'],
  overdue: ['逾期金额', 'overdue amount'],
  fees: ['费用', 'fees'],
  // calculators
  cashflows: ['现金流', 'cash flows'],
  date: ['日期', 'date'],
  amount: ['金额', 'amount'],
  periods: ['期数', 'periods'],
  periodsPerYear: ['每年期数', 'periods per year'],
  startDate: ['开始日期', 'start date'],
  asOf: ['计算日期', 'as-of date'],
  // budget and plan
  lines: ['预算项目', 'budget lines'],
  kind: ['类型', 'kind'],
  label: ['名称', 'label'],
  monthly: ['每月金额', 'monthly amount'],
  dayOfMonth: ['每月几号', 'day of the month'],
  buffer: ['应急备用金', 'emergency buffer'],
  income: ['收入', 'income'],
  expenditure: ['支出', 'expenditure'],
  capacity: ['每月可用于还债', 'monthly capacity'],
  strategy: ['分配方式', 'strategy'],
  concession: ['减免要求', 'concession'],
  maxTerm: ['最长期数', 'longest term'],
  debts: ['债务', 'debts'],
  creditor: ['债主', 'creditor'],
  minPayment: ['最低还款额', 'minimum payment'],
  // contacts and conduct
  occurredAt: ['联系时间', 'time of contact'],
  at: ['联系时间', 'time of contact'],
  time: ['时间', 'time'],
  channel: ['联系方式', 'channel'],
  direction: ['谁联系谁', 'direction'],
  agentName: ['对方姓名或工号', 'agent name or number'],
  agentNumber: ['对方电话', 'agent phone number'],
  counterpart: ['对方单位', 'counterpart'],
  asked: ['对方要求什么', 'what they asked for'],
  offered: ['对方提出的方案', 'what they offered'],
  promises: ['对方的承诺', 'promises'],
  deadlineDate: ['对方给的期限', 'deadline given'],
  deadline: ['对方给的期限', 'deadline given'],
  nextStep: ['下一步', 'next step'],
  thirdParty: ['联系了哪些第三方', 'third parties contacted'],
  notes: ['备注', 'notes'],
  note: ['备注', 'note'],
  state: ['协商状态', 'negotiation state'],
  // evidence
  file: ['文件', 'file'],
  description: ['说明', 'description'],
  capturedAt: ['证据形成时间', 'captured at'],
  contactId: ['对应的沟通记录', 'contact record'],
  reason: ['原因', 'reason'],
  // agreements and payments
  agreement: ['协议', 'agreement'],
  agreementId: ['协议', 'agreement'],
  agreedDate: ['达成日期', 'date agreed'],
  agreedOn: ['达成日期', 'date agreed'],
  payment: ['还款记录', 'payment'],
  monthlyAmount: ['每期金额', 'amount per installment'],
  count: ['期数', 'number of installments'],
  isConfirmedInWriting: ['是否有书面确认', 'confirmed in writing'],
  installments: ['分期', 'installments'],
  segments: ['分段', 'segments'],
  dueOn: ['还款日', 'due date'],
  dueDate: ['还款日', 'due date'],
  paidDate: ['还款日期', 'date paid'],
  paidOn: ['还款日期', 'date paid'],
  payments: ['还款', 'payments'],
  payday: ['发薪日', 'payday'],
  days: ['天数', 'days'],
  // escalations
  sentDate: ['发出日期', 'date sent'],
  'sent-on': ['发出日期', 'date sent'],
  followUpDate: ['跟进日期', 'follow-up date'],
  reference: ['受理编号', 'reference number'],
  status: ['状态', 'status'],
  // profile
  fullName: ['姓名', 'full name'],
  phone: ['电话', 'phone'],
  city: ['城市', 'city'],
  hardshipCause: ['困难原因', 'hardship cause'],
  hardshipSince: ['困难开始时间', 'hardship since'],
  hardshipStory: ['困难经过', 'hardship story'],
  household: ['家庭情况', 'household'],
  'household.note': ['家庭情况备注', 'household note'],
  adults: ['成年人数', 'adults'],
  children: ['孩子人数', 'children'],
  // requests
  'Idempotency-Key': ['请求标识', 'Idempotency-Key'],
  id: ['记录编号', 'record id'],
  format: ['文件格式', 'format'],
  plan: ['还款方案', 'plan'],
  input: ['输入内容', 'input'],
  lang: ['语言', 'language'],
};

/** How an item of a list is counted: "第 1 段", "第 2 行", "第 3 期". */
const ITEM_UNIT: Readonly<Record<string, readonly [string, string]>> = {
  segments: ['段', 'segment'],
  lines: ['行', 'line'],
  income: ['项收入', 'income line'],
  expenditure: ['项支出', 'expense line'],
  installments: ['期', 'installment'],
  cashflows: ['笔现金流', 'cash flow'],
  payments: ['笔还款', 'payment'],
  debts: ['笔债务', 'debt'],
  fees: ['项费用', 'fee'],
};

/** A field name in a list item that reads differently there (a segment's dueOn is its first due date). */
const IN_ITEM: Readonly<Record<string, readonly [string, string]>> = {
  'segments.dueOn': ['首期还款日', 'first due date'],
  'segments.amount': ['每期金额', 'amount per installment'],
};

const PREFIX = /^(body|querystring|params|headers)(\.|$)/;

function partsOf(path: string): string[] {
  return path
    .replace(PREFIX, '')
    .split(/[.[\]/]+/)
    .filter((p) => p !== '');
}

/**
 * The label a user sees for a field path, e.g. "segments[0].dueOn" → "第 1 段首期还款日" (zh) or
 * "segment 1 first due date" (en). An unknown name never leaks: zh says "这一项", en keeps the name.
 */
export function fieldLabel(path: string, lang: Lang): string {
  const parts = partsOf(path);
  if (parts.length === 0) return lang === 'zh' ? '请求内容' : 'request';
  const i = lang === 'zh' ? 0 : 1;
  const whole = FIELD_LABELS[parts.join('.')];
  if (whole !== undefined) return whole[i];
  const out: string[] = [];
  let parent: string | undefined;
  let named: string | undefined;
  for (const p of parts) {
    if (/^\d+$/.test(p)) {
      const unit = parent === undefined ? undefined : ITEM_UNIT[parent];
      const n = Number(p) + 1;
      if (lang === 'zh') out.push(`第 ${n} ${unit?.[0] ?? '项'}`);
      else out.push(`${unit?.[1] ?? 'item'} ${n}`);
      continue;
    }
    named = p;
    parent = p;
  }
  const inItem = parts.length >= 3 ? IN_ITEM[`${parts[0]}.${named}`] : undefined;
  const last = parts[parts.length - 1]!;
  if (/^\d+$/.test(last)) {
    // "lines.2": the list's label then the item
    const listLabel = named === undefined ? undefined : FIELD_LABELS[named];
    return lang === 'zh'
      ? `${listLabel?.[0] ?? ''}${out.join('')}`
      : `${out.join(', ')}${listLabel ? ` of ${listLabel[1]}` : ''}`;
  }
  const own = inItem ?? (named === undefined ? undefined : FIELD_LABELS[named]);
  const name = own?.[i] ?? (lang === 'zh' ? '这一项' : (named ?? path));
  return lang === 'zh' ? `${out.join('')}${name}` : [...out, name].join(' ');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A message with its field path replaced by the label ("at：…" → "联系时间：…"), and with the path's
 * other spellings ("segments.0.dueOn", "body.x") too: what every edge shows the user.
 */
export function humanizeMessage(text: string, field: string | undefined, lang: Lang): string {
  if (field === undefined || field === '') return text;
  const label = fieldLabel(field, lang);
  const bare = field.replace(PREFIX, '');
  const dotted = bare.replace(/\[(\d+)\]/g, '.$1');
  const bracketed = dotted.replace(/\.(\d+)/g, '[$1]');
  // the whole body ('body' → '') has no spelling inside a message: an empty one would match everywhere
  const spellings = [...new Set([field, `body.${bare}`, bare, dotted, bracketed])]
    .filter((s) => s !== '')
    .sort((a, b) => b.length - a.length);
  let out = text;
  for (const s of spellings) {
    // only whole paths: "at" must not eat the "at" inside "format"
    const re = new RegExp(`(^|[^A-Za-z0-9_.\\[\\]-])${escapeRe(s)}(?![A-Za-z0-9_\\[-])`, 'g');
    out = out.replace(re, (_m, pre: string) => `${pre}${label}`);
  }
  return lang === 'zh' ? labelOtherPaths(out) : out;
}

/** A camelCase name or a dotted/indexed path ("firstDueOn", "segments[1].amount"). */
const PATH_SHAPED =
  /(?<![A-Za-z0-9_./\\-])[a-z][A-Za-z0-9]*(?:\[\d+\]|\.\d+|\.[a-z][A-Za-z0-9]*)*(?![A-Za-z0-9_./\\[-])/g;

/**
 * Other fields a Chinese message mentions ("应填写 firstDueOn", "segments[1].amount") by their
 * labels, when the name is a known field and looks like a path (camelCase, dotted or indexed):
 * plain words are left alone, since "plan" or "date" may be a command or an example.
 */
export function labelOtherPaths(text: string): string {
  return text.replace(PATH_SHAPED, (m) => {
    if (!/[A-Z]|\.|\[/.test(m)) return m;
    // every name in it must be a field we know, else it is some other dotted thing (a file's key)
    const names = partsOf(m).filter((p) => !/^\d+$/.test(p));
    if (!names.every((n) => FIELD_LABELS[n] !== undefined)) return m;
    return fieldLabel(m, 'zh');
  });
}

/** An English enum value inside a message, shown by its label ("phone" → "电话"). */
export function valueLabel<V extends string>(vocab: Vocab<V>, value: string, lang: Lang): string {
  return termLabel(vocab, value, lang);
}
