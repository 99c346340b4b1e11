// Use case: render a letter of a given kind from a case, in a language and a format.
import {
  CHANNEL_IDS,
  CHANNELS,
  DOC_FORMATS,
  LETTER_KINDS,
  LETTER_TEMPLATES,
  checkSources,
  limitationWarnings,
  isChannelId,
  isLetterKind,
  missingFor,
  renderDoc,
  type CaseInput,
  type ChannelId,
  type Doc,
  type DocFormat,
  type Lang,
  type LetterKind,
  type Requirement,
} from '../../documents/index.js';
import { AppError } from '../errors.js';

export interface LetterRequest {
  kind: string;
  format: string;
  lang: Lang;
  channel?: string;
}

/** What the borrower must see before sending: shown by the CLI and the web, never in the letter. */
export interface LetterWarning {
  code: 'unsourced-fact' | 'limitation-may-have-run';
  messageZh: string;
  message: string;
}

export interface RenderedLetter {
  kind: LetterKind;
  format: DocFormat;
  doc: Doc;
  bytes: Uint8Array;
  warnings: LetterWarning[];
}

/** The kinds that admit the debt (and so can restart limitation: 民法典第195条). */
const ACKNOWLEDGES: ReadonlySet<LetterKind> = new Set<LetterKind>([
  'request',
  'hardship',
  'call-script',
  'card-installment',
  'penalty-waiver',
  'stop-third-party',
]);

/** The pre-send check (every fact sourced) and the limitation check for one built letter. */
export function letterWarnings(kind: LetterKind, c: CaseInput, doc: Doc): LetterWarning[] {
  const out: LetterWarning[] = checkSources(doc).map((i) => ({
    code: 'unsourced-fact' as const,
    messageZh: `发送前检查未通过：${i.messageZh}`,
    message: `pre-send check failed: ${i.message}`,
  }));
  if (ACKNOWLEDGES.has(kind))
    for (const w of limitationWarnings(c))
      out.push({ code: w.code, messageZh: w.messageZh, message: w.message });
  return out;
}

/** How the user provides a missing part (CLI command, or the web page), added to the refusal. */
const REQUIREMENT_HOW: Partial<Record<Requirement, { zh: string; en: string }>> = {
  dispute: {
    zh: '先记录有误的征信信息：xieshang escalate credit-dispute --lender … --dispute-institution … --dispute-account … --dispute-wrong … --dispute-correct …（或网页“投诉与升级”）',
    en: 'record the wrong credit-report entry first: xieshang escalate credit-dispute --lender … --dispute-wrong … (or the web page "投诉与升级" / Escalate)',
  },
  incident: {
    zh: '先记录发生了什么：xieshang contact log --lender …（或网页“沟通记录与证据”）',
    en: 'log what happened first: xieshang contact log --lender … (or the web page "沟通记录" / Contacts)',
  },
  'third-party': {
    zh: '先记录对方联系第三人的经过：xieshang contact log --lender … --third-party family:母亲（或网页“沟通记录与证据”）',
    en: 'log the contact with a third party first: xieshang contact log --lender … --third-party … (or the web contact log)',
  },
  agreement: {
    zh: '先记录达成的协议：xieshang agreement add --lender …（或网页“协议与还款”）',
    en: 'record the agreement first: xieshang agreement add --lender … (or the web page "协议与还款" / Agreements)',
  },
  'missed-deadline': {
    zh: '没有已过期的期限：投诉记录的跟进日期未到，或联系记录中没有对方承诺的期限',
    en: 'nothing is overdue: no escalation is past its follow-up date and no contact records a promised deadline that has passed',
  },
  plan: {
    zh: '先保存还款方案：xieshang plan --from-case --save（或网页“还款方案”）',
    en: 'save a repayment plan first: xieshang plan --from-case --save (or the web page "还款方案" / Plan)',
  },
  'third-party-incident': {
    zh: '先记录对方联系了谁：xieshang contact log --lender … --direction inbound --third-party family:母亲 …（或网页“沟通记录与证据”）',
    en: 'log whom they contacted first: xieshang contact log --lender … --direction inbound --third-party family:母亲 … (or the web page "沟通记录与证据" / Contacts)',
  },
  hardship: {
    zh: '先填写困难情况：xieshang profile set --hardship-cause … --hardship-since …（或网页“协商准备”）',
    en: 'fill in the hardship facts first: xieshang profile set --hardship-cause … --hardship-since … (or the web page "协商准备" / Prepare)',
  },
};

function howTo(missing: readonly Requirement[], lang: 'zh' | 'en'): string {
  const hows = missing.flatMap((m) => {
    const h = REQUIREMENT_HOW[m];
    return h === undefined ? [] : [h[lang]];
  });
  if (hows.length === 0) return '';
  return lang === 'zh' ? `。${hows.join('；')}` : `. To fix: ${hows.join('; ')}`;
}

const REQUIREMENT_TEXT: Record<Requirement, { zh: string; en: string }> = {
  plan: { zh: '还款方案', en: 'a repayment plan (plan)' },
  hardship: { zh: '困难情况', en: 'the hardship facts (hardship)' },
  legality: { zh: '利率合法性测算结果', en: 'legality findings (legality)' },
  dispute: { zh: '征信异议内容', en: 'the disputed credit-report entry (dispute)' },
  incident: {
    zh: '至少一条联系记录或投诉经过',
    en: 'at least one logged contact or the complaint facts (incident)',
  },
  'third-party': {
    zh: '一条联系了第三人（亲友、同事等）的联系记录',
    en: 'a logged contact in which a third party was contacted (third-party)',
  },
  agreement: {
    zh: '与该机构的还款协议记录',
    en: 'a recorded agreement with the lender (agreement)',
  },
  'missed-deadline': {
    zh: '一个已过期的跟进日期或对方承诺的期限',
    en: 'a passed follow-up date or a deadline the lender promised (missed-deadline)',
  },
  'credit-card': {
    zh: '信用卡类债权人',
    en: 'a credit-card lender (lender.isCreditCard)',
  },
  'third-party-incident': {
    zh: '至少一条对方联系第三人（亲友、同事等）的记录',
    en: 'at least one logged contact by the lender with a third party (contacts, third party marked)',
  },
};

export function parseLetterKind(kind: string): LetterKind {
  if (isLetterKind(kind)) return kind;
  throw new AppError(
    'invalid-input',
    `unknown letter kind "${kind}"; one of: ${LETTER_KINDS.join(', ')}`,
    {
      field: 'kind',
      messageZh: `没有“${kind}”这种文书；可选：${LETTER_KINDS.join('、')}`,
    },
  );
}

export function parseDocFormat(format: string): DocFormat {
  if ((DOC_FORMATS as readonly string[]).includes(format)) return format as DocFormat;
  throw new AppError('invalid-input', `format must be one of ${DOC_FORMATS.join(', ')}`, {
    field: 'format',
    messageZh: `格式只能是 ${DOC_FORMATS.join('、')}`,
  });
}

export function parseChannel(channel: string): ChannelId {
  if (isChannelId(channel)) return channel;
  throw new AppError(
    'invalid-input',
    `unknown channel "${channel}"; one of: ${CHANNEL_IDS.join(', ')}`,
    {
      field: 'channel',
      messageZh: `没有“${channel}”这个渠道；可选：${CHANNEL_IDS.join('、')}`,
    },
  );
}

/** Builds and renders the letter; refuses with the missing parts named when the case lacks them. */
export async function renderLetter(c: CaseInput, req: LetterRequest): Promise<RenderedLetter> {
  const kind = parseLetterKind(req.kind);
  const format = parseDocFormat(req.format);
  const channel = req.channel === undefined ? undefined : parseChannel(req.channel);
  const missing = missingFor(kind, c);
  if (missing.length > 0) {
    // `need` says only what is missing: a page offers its own way there (a button to the page),
    // where the messages also say how to add it from the command line
    const needZh = `生成“${LETTER_TEMPLATES[kind].titleZh}”还需要：${missing.map((m) => REQUIREMENT_TEXT[m].zh).join('、')}`;
    const needEn = `the ${kind} letter needs ${missing.map((m) => REQUIREMENT_TEXT[m].en).join(', ')}`;
    throw new AppError('invalid-input', `${needEn}${howTo(missing, 'en')}`, {
      field: missing[0]!,
      messageZh: `${needZh}${howTo(missing, 'zh')}`,
      details: { missing, needZh, needEn },
    });
  }
  const doc = LETTER_TEMPLATES[kind].build(c, req.lang, channel === undefined ? {} : { channel });
  return {
    kind,
    format,
    doc,
    bytes: await renderDoc(doc, format),
    warnings: letterWarnings(kind, c, doc),
  };
}

// what the edges (cli, server) need to describe letters and channels, without importing documents
export { CHANNEL_IDS, CHANNELS, DOC_FORMATS, LETTER_KINDS, LETTER_TEMPLATES, isChannelId };
