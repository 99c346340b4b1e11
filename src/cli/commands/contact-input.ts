// The contact fields as the `contact log` and `contact edit` flags, or as a --input JSON object,
// turned into the app's input.
import type { LogContactInput } from '../../app/contacts.js';
import type { ContactEdit } from '../../app/contacts-edit.js';
import { AppError } from '../../app/errors.js';
import type { StoreOptions } from '../deps.js';

type CaseOpts = StoreOptions & { case?: string };

export interface LogFlags extends CaseOpts {
  json?: boolean;
  input?: string;
  at?: string;
  lender?: string;
  channel?: string;
  direction?: string;
  agent?: string;
  agentNumber?: string;
  number?: string;
  asked?: string;
  offered?: string;
  promises?: string;
  deadline?: string;
  next?: string;
  thirdParty?: string;
  tag: string[];
  notes?: string;
  includeNoteInLetters?: boolean;
  evidence: string[];
  state?: string;
}

const STRING_FIELDS = [
  'at',
  'lender',
  'channel',
  'direction',
  'agentName',
  'agentNumber',
  'counterpart',
  'asked',
  'offered',
  'promises',
  'deadline',
  'nextStep',
  'thirdParty',
  'notes',
  'state',
] as const;

/** The --input JSON object: the same fields as the flags, camelCase. */
export function parseContactJson(raw: unknown): Omit<LogContactInput, 'caseId'> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new AppError('invalid-input', 'input: expected a JSON object', {
      field: 'input',
      messageZh: '输入应为 JSON 对象',
    });
  const o = raw as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of STRING_FIELDS) {
    const v = o[k];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string')
      throw new AppError('invalid-input', `${k}: expected a string`, {
        field: k,
        messageZh: `${k}：应为字符串`,
      });
    out[k] = v;
  }
  for (const k of ['tags', 'evidenceIds'] as const) {
    const v = o[k];
    if (v === undefined || v === null) continue;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
      throw new AppError('invalid-input', `${k}: expected a list of strings`, {
        field: k,
        messageZh: `${k}：应为字符串列表`,
      });
    out[k] = v;
  }
  for (const k of ['at', 'channel', 'direction'] as const)
    if (out[k] === undefined)
      throw new AppError('invalid-input', `${k}: required`, { field: k, messageZh: `${k}：必填` });
  return out as unknown as Omit<LogContactInput, 'caseId'>;
}

export function logFromFlags(o: LogFlags): Omit<LogContactInput, 'caseId'> {
  for (const [k, v] of [
    ['at', o.at],
    ['channel', o.channel],
    ['direction', o.direction],
  ] as const)
    if (v === undefined)
      throw new AppError('invalid-input', `--${k} is required (or use --input FILE)`, {
        field: k,
        messageZh: `缺少 --${k}（或用 --input 文件）`,
      });
  return {
    at: o.at!,
    lender: o.lender ?? null,
    channel: o.channel!,
    direction: o.direction!,
    agentName: o.agent ?? null,
    agentNumber: o.agentNumber ?? null,
    counterpart: o.number ?? null,
    asked: o.asked ?? null,
    offered: o.offered ?? null,
    promises: o.promises ?? null,
    deadline: o.deadline ?? null,
    nextStep: o.next ?? null,
    thirdParty: o.thirdParty ?? null,
    tags: o.tag,
    notes: o.notes ?? null,
    ...(o.includeNoteInLetters === true ? { includeNoteInLetters: true } : {}),
    evidenceIds: o.evidence,
    state: o.state ?? null,
  };
}

export type EditFlags = CaseOpts &
  Partial<
    Pick<
      LogFlags,
      | 'at'
      | 'lender'
      | 'channel'
      | 'direction'
      | 'agent'
      | 'agentNumber'
      | 'number'
      | 'asked'
      | 'offered'
      | 'promises'
      | 'deadline'
      | 'next'
      | 'thirdParty'
      | 'notes'
      | 'includeNoteInLetters'
    >
  >;

/** Only the flags given; an empty string clears an optional field. */
export function editFromFlags(o: EditFlags): ContactEdit {
  const clear = (v: string | undefined) => (v === undefined ? undefined : v === '' ? null : v);
  const pairs: [keyof ContactEdit, unknown][] = [
    ['at', o.at],
    ['lender', clear(o.lender)],
    ['channel', o.channel],
    ['direction', o.direction],
    ['agentName', clear(o.agent)],
    ['agentNumber', clear(o.agentNumber)],
    ['counterpart', clear(o.number)],
    ['asked', clear(o.asked)],
    ['offered', clear(o.offered)],
    ['promises', clear(o.promises)],
    ['deadline', clear(o.deadline)],
    ['nextStep', clear(o.next)],
    ['thirdParty', clear(o.thirdParty)],
    ['notes', clear(o.notes)],
    ['includeNoteInLetters', o.includeNoteInLetters],
  ];
  return Object.fromEntries(pairs.filter(([, v]) => v !== undefined)) as ContactEdit;
}
