// Client-side checks with the same core parsers the server uses, so messages match.
import { formatYuan, parseMoneyInput } from '../core/money/index.js';
import { parseDateInput } from '../core/dates/index.js';
import type { Lang } from './i18n.js';

type Issue = { message: string; messageZh?: string | undefined };
const say = (lang: Lang, i: Issue) => (lang === 'zh' && i.messageZh ? i.messageZh : i.message);

/** '' when optional and empty; the normalized yuan string ("12000.00") when valid; else an error. */
export function checkMoney(
  text: string,
  lang: Lang,
  { required = false, label = '' } = {},
): { value?: string; error?: string } {
  if (text.trim() === '')
    return required ? { error: lang === 'zh' ? `请填写${label}` : `${label} is required` } : {};
  const r = parseMoneyInput(text, label);
  if (!r.ok) return { error: say(lang, r.error).replace(/^[^:：]*[:：]\s*/, '') };
  if (r.value < 0) return { error: lang === 'zh' ? '金额不能为负数' : 'must not be negative' };
  return { value: formatYuan(r.value) };
}

export function checkDate(
  text: string,
  lang: Lang,
  { required = false, label = '' } = {},
): { value?: string; error?: string } {
  if (text.trim() === '')
    return required ? { error: lang === 'zh' ? `请填写${label}` : `${label} is required` } : {};
  const r = parseDateInput(text, label);
  if (!r.ok) return { error: say(lang, r.error).replace(/^[^:：]*[:：]\s*/, '') };
  return { value: r.value };
}

export function checkInt(
  text: string,
  lang: Lang,
  min: number,
  max: number,
  required = false,
): { value?: number; error?: string } {
  if (text.trim() === '') return required ? { error: lang === 'zh' ? '请填写' : 'required' } : {};
  if (!/^\d+$/.test(text.trim()))
    return { error: lang === 'zh' ? '请填写整数' : 'enter a whole number' };
  const n = Number(text.trim());
  if (n < min || n > max)
    return {
      error: lang === 'zh' ? `应在 ${min} 到 ${max} 之间` : `must be between ${min} and ${max}`,
    };
  return { value: n };
}

export function checkText(
  text: string,
  lang: Lang,
  max: number,
  required = false,
): { value?: string; error?: string } {
  const t = text.trim();
  if (t === '') return required ? { error: lang === 'zh' ? '不能为空' : 'must not be empty' } : {};
  if (t.length > max)
    return { error: lang === 'zh' ? `最多 ${max} 个字` : `at most ${max} characters` };
  return { value: t };
}
