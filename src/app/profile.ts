// Use case: read and save the borrower's profile (name, contact, household, hardship) that the
// letters (documents-case.ts) and the web's 协商准备 page use.
import type { IssueCode } from '../core/result.js';
import { localDateOf, parseDateInput, type IsoDate } from '../core/dates/index.js';
import { createEventRepository } from '../db/repositories/event-repository.js';
import { createProfileRepository, type Profile } from '../db/repositories/profile-repository.js';
import { HARDSHIP_CAUSES, type HardshipCause } from '../documents/templates/types.js';
import { resolveCase } from './cases.js';
import type { Deps } from './deps.js';
import { AppError, catalogueMessage, issueMessageZh } from './errors.js';
import { writeTransaction } from '../db/transaction.js';

export type { Profile };
export { HARDSHIP_CAUSES };

export const HARDSHIP_CAUSE_ZH: Record<HardshipCause, string> = {
  unemployment: '失业',
  illness: '疾病',
  accident: '意外事故',
  'family-emergency': '家庭变故',
  'business-failure': '经营失败',
  other: '其他',
};

/** Length limits (characters) of the free-text fields. */
export const PROFILE_LIMITS = {
  name: 100,
  phone: 30,
  address: 200,
  hardshipStory: 2000,
  proof: 100,
  proofs: 20,
  people: 20,
} as const;

/**
 * A change: a field that is absent keeps its stored value; null (or '') clears it. JSON from
 * the CLI file and the API body arrive here unchecked.
 */
export type ProfileInput = Record<string, unknown>;

const TEXT_FIELDS = [
  ['name', PROFILE_LIMITS.name, '姓名'],
  ['phone', PROFILE_LIMITS.phone, '电话'],
  ['address', PROFILE_LIMITS.address, '地址'],
  ['hardshipStory', PROFILE_LIMITS.hardshipStory, '困难经过'],
] as const;

const KNOWN = new Set([
  'name',
  'phone',
  'address',
  'idTail',
  'adults',
  'children',
  'hardshipCause',
  'hardshipSince',
  'hardshipStory',
  'proofs',
]);

interface Issue {
  code: IssueCode;
  field: string;
  message: string;
  messageZh: string;
}

type Patch = Partial<Omit<Profile, 'caseId' | 'updatedAt'>>;

/** What a field group's reader fills: the patch, and the issues with `bad` to add one. */
interface ProfileReading {
  o: Record<string, unknown>;
  patch: Patch;
  issues: Issue[];
  bad: (code: IssueCode, field: string, message: string, messageZh: string) => void;
}

/** Validates a change against today's (Beijing) date; returns the patch or every issue. */
export function parseProfileInput(raw: unknown, today: IsoDate): { patch: Patch; issues: Issue[] } {
  const issues: Issue[] = [];
  const patch: Patch = {};
  const bad = (code: IssueCode, field: string, message: string, messageZh: string) =>
    issues.push({
      code,
      field,
      message: `${field}: ${message}`,
      messageZh: `${field}：${messageZh}`,
    });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    bad('invalid-input', 'profile', 'expected a JSON object', '应为 JSON 对象');
    return { patch, issues };
  }
  const o = raw as Record<string, unknown>;
  for (const k of Object.keys(o))
    if (!KNOWN.has(k)) bad('invalid-input', k, 'unknown field', '未知字段');
  const reading: ProfileReading = { o, patch, issues, bad };
  readTexts(reading);
  readIdTail(reading);
  readHousehold(reading);
  readHardship(reading, today);
  readProofs(reading);
  return { patch, issues };
}

/** Name, phone, address and the hardship story: trimmed text within its limit. */
function readTexts({ o, patch, bad }: ProfileReading): void {
  for (const [k, max, zh] of TEXT_FIELDS) {
    const v = o[k];
    if (v === undefined) continue;
    if (v !== null && typeof v !== 'string') {
      bad('invalid-input', k, 'expected text', `${zh}应为文字`);
      continue;
    }
    const s = v === null ? '' : v.trim();
    if (s === '' && k === 'name') {
      bad('missing-field', k, 'the name must not be empty', '姓名不能为空');
      continue;
    }
    if ([...s].length > max) {
      bad('invalid-input', k, `at most ${max} characters`, `${zh}最多 ${max} 个字`);
      continue;
    }
    if (k === 'phone' && s !== '' && !/^\+?[0-9][0-9 -]{4,}$/.test(s)) {
      bad('invalid-input', k, 'digits only, e.g. 13800138000', '只能是数字，如 13800138000');
      continue;
    }
    patch[k] = s === '' ? null : s;
  }
}

/** The last characters of the ID number. */
function readIdTail({ o, patch, bad }: ProfileReading): void {
  if (o['idTail'] === undefined) return;
  const v = o['idTail'];
  const s = v === null ? '' : typeof v === 'string' ? v.trim().toUpperCase() : undefined;
  if (s === undefined || (s !== '' && !/^[0-9]{3,5}[0-9X]$/.test(s)))
    bad(
      'invalid-input',
      'idTail',
      'the last 4–6 characters of the ID number (digits, last may be X)',
      '身份证号后 4–6 位（数字，最后一位可为 X）',
    );
  else patch.idTail = s === '' ? null : s;
}

/** How many adults and children the household has. */
function readHousehold({ o, patch, bad }: ProfileReading): void {
  for (const k of ['adults', 'children'] as const) {
    const v = o[k];
    if (v === undefined) continue;
    if (v === null || v === '') {
      patch[k] = null;
      continue;
    }
    const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : NaN;
    if (!Number.isInteger(n) || n < 0 || n > PROFILE_LIMITS.people)
      bad(
        'invalid-input',
        k,
        `a whole number from 0 to ${PROFILE_LIMITS.people}`,
        `应为 0–${PROFILE_LIMITS.people} 的整数`,
      );
    else patch[k] = n;
  }
}

/** The hardship's cause and since when (not after today). */
function readHardship({ o, patch, issues, bad }: ProfileReading, today: IsoDate): void {
  if (o['hardshipCause'] !== undefined) {
    const v = o['hardshipCause'];
    if (v === null || v === '') patch.hardshipCause = null;
    else if (typeof v === 'string' && (HARDSHIP_CAUSES as readonly string[]).includes(v.trim()))
      patch.hardshipCause = v.trim();
    else
      bad(
        'invalid-input',
        'hardshipCause',
        `one of ${HARDSHIP_CAUSES.join(', ')}`,
        `应为以下之一：${HARDSHIP_CAUSES.map((c) => `${c}（${HARDSHIP_CAUSE_ZH[c]}）`).join('、')}`,
      );
  }
  if (o['hardshipSince'] === undefined) return;
  const v = o['hardshipSince'];
  if (v === null || v === '') {
    patch.hardshipSince = null;
    return;
  }
  const d = parseDateInput(v, 'hardshipSince');
  if (!d.ok)
    issues.push({
      code: d.error.code,
      field: 'hardshipSince',
      message: d.error.message,
      messageZh: d.error.messageZh ?? catalogueMessage(d.error.code, 'zh', 'hardshipSince'),
    });
  else if (d.value > today)
    bad(
      'invalid-date',
      'hardshipSince',
      `${d.value} is in the future (today is ${today})`,
      `${d.value} 晚于今天（${today}）`,
    );
  else patch.hardshipSince = d.value;
}

/** The proofs of hardship the borrower holds: a short list of short texts. */
function readProofs({ o, patch, bad }: ProfileReading): void {
  if (o['proofs'] === undefined) return;
  const v = o['proofs'];
  const list = v === null ? [] : v;
  if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) {
    bad('invalid-input', 'proofs', 'expected a list of texts', '应为文字列表');
    return;
  }
  const items = list.map((x: string) => x.trim()).filter((x) => x !== '');
  if (items.length > PROFILE_LIMITS.proofs)
    bad(
      'invalid-input',
      'proofs',
      `at most ${PROFILE_LIMITS.proofs} items`,
      `最多 ${PROFILE_LIMITS.proofs} 项`,
    );
  else if (items.some((x) => [...x].length > PROFILE_LIMITS.proof))
    bad(
      'invalid-input',
      'proofs',
      `each at most ${PROFILE_LIMITS.proof} characters`,
      `每项最多 ${PROFILE_LIMITS.proof} 个字`,
    );
  else patch.proofs = items;
}

function reject(issues: Issue[]): void {
  if (issues.length === 0) return;
  const first = issues[0]!;
  throw new AppError(first.code, issues.map((i) => i.message).join('; '), {
    field: first.field,
    messageZh: issues.map(issueMessageZh).join('；'),
    details: { issues },
  });
}

/** The case's profile, or null when none has been saved. */
export async function getProfile(deps: Deps, caseId?: string): Promise<Profile | null> {
  const kase = await resolveCase(deps, caseId);
  return (await createProfileRepository(deps.db).get(kase.id)) ?? null;
}

/**
 * Validates and merges a change into the stored profile (one transaction, with an event row
 * naming the changed fields, not their values). A bad field writes nothing.
 */
export async function saveProfile(
  deps: Deps,
  input: ProfileInput,
  opts: { caseId?: string; actor?: string } = {},
): Promise<Profile> {
  const now = deps.clock.now();
  const { patch, issues } = parseProfileInput(input, localDateOf(now));
  reject(issues);
  const kase = await resolveCase(deps, opts.caseId);
  return writeTransaction(deps.db, async (trx) => {
    const repo = createProfileRepository(trx);
    const before = await repo.get(kase.id);
    const next: Profile = {
      caseId: kase.id,
      name: null,
      phone: null,
      address: null,
      idTail: null,
      adults: null,
      children: null,
      hardshipCause: null,
      hardshipSince: null,
      hardshipStory: null,
      proofs: [],
      ...before,
      ...patch,
      updatedAt: now,
    };
    await repo.put(next);
    await createEventRepository(trx).append({
      id: deps.ids.next(),
      caseId: kase.id,
      at: now,
      actor: opts.actor ?? 'user',
      action: before === undefined ? 'profile.create' : 'profile.update',
      subject: kase.id,
      details: { fields: Object.keys(patch).sort() },
    });
    return next;
  });
}
