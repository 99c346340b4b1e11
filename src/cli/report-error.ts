import { toAppError } from '../app/db-errors.js';
import { fieldLabel, humanizeMessage } from '../app/field-labels.js';
import { labelsOfValues } from '../core/vocab/index.js';
import type { CliContext } from './io.js';

/** Exit codes: 0 ok, 1 user error, 2 internal error (docs/style.md, Errors). */
export const EXIT_OK = 0;
export const EXIT_USER = 1;
export const EXIT_INTERNAL = 2;

/** Translates any thrown error into the output and exit code a user should see. */
export function reportError(ctx: CliContext, thrown: unknown): number {
  const e = toAppError(thrown);
  if (e !== undefined) {
    if (ctx.json) {
      // the same shape as the server's reply: the Chinese and the label beside the English
      const error: Record<string, unknown> = {
        code: e.code,
        message: e.message,
        messageZh: e.messageZh,
      };
      if (e.field !== undefined) error['label'] = fieldLabel(e.field, 'zh');
      if (e.field !== undefined) error['field'] = e.field;
      if (e.details !== undefined) error['details'] = e.details;
      ctx.io.stdout(`${JSON.stringify({ error }, null, 2)}\n`);
    } else {
      const zh = ctx.lang === 'zh';
      const lang = zh ? 'zh' : 'en';
      // the field path becomes the label people see (the same function as the server's)
      const text = humanizeMessage(zh ? e.messageZh : e.message, e.field, lang);
      const label = e.field ? fieldLabel(e.field, lang) : '';
      // CLI input is often a JSON file: after the label, say where in it (the path the user wrote
      // there) as a locator; a bare name ("at", a flag's field) is only ever shown by its label
      const inFile = e.field !== undefined && /[.[]/.test(e.field);
      const where =
        (label && !text.startsWith(label) ? ` [${label}]` : '') +
        (e.field && e.field !== label && (inFile || !zh) ? ` (${e.field})` : '');
      ctx.io.stderr(`${zh ? `错误${where}：` : `error${where}: `}${text}\n`);
      const rows = (
        e.details as { rows?: { line: number; field: string; message: string }[] } | undefined
      )?.rows;
      if (Array.isArray(rows))
        for (const r of rows.slice(0, 50))
          ctx.io.stderr(`  line ${r.line} [${r.field}]: ${r.message}\n`);
    }
    return EXIT_USER;
  }
  const msg = thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown);
  if (ctx.json)
    ctx.io.stdout(
      `${JSON.stringify({ error: { code: 'internal', message: thrown instanceof Error ? thrown.message : String(thrown) } })}\n`,
    );
  ctx.io.stderr(`internal error (a bug — please report it): ${msg}\n`);
  return EXIT_INTERNAL;
}

/** The flag or command named in a commander message ("option '--out <file>'" → "--out"). */
function quoted(message: string, n = 0): string {
  const all = [...message.matchAll(/'([^']*)'/g)].map((m) => m[1]!.split(' ')[0]!);
  return all[n] ?? '';
}

/**
 * A command-line parse error (commander's code and English message) said in Chinese, naming the
 * flag or argument as typed and listing choices by their Chinese labels.
 */
export function commanderErrorZh(code: string, message: string): string {
  const text = message.replace(/^error: /, '');
  switch (code) {
    case 'commander.unknownOption': {
      const hint = /Did you mean (?:one of )?([^?]+)\?/.exec(text)?.[1];
      return `不认识的选项 ${quoted(text)}${hint ? `（是不是 ${hint.replaceAll(', ', '、')}？）` : ''}`;
    }
    case 'commander.unknownCommand':
      return `不认识的命令 ${quoted(text)}，请用 --help 查看可用的命令`;
    case 'commander.missingArgument':
      return `缺少必需的参数 ${quoted(text)}`;
    case 'commander.optionMissingArgument':
      return `选项 ${quoted(text)} 后面要跟一个值`;
    case 'commander.missingMandatoryOptionValue':
      return `必须提供选项 ${quoted(text)}`;
    case 'commander.excessArguments':
      return `参数太多：${quoted(text)} 不接受这么多参数`;
    case 'commander.conflictingOption':
      return `选项 ${quoted(text)} 和 ${quoted(text, 1)} 不能同时使用`;
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.+)\.$/.exec(text)?.[1]?.split(', ');
      const own = /is invalid\. (.+)$/.exec(text)?.[1];
      const why = choices
        ? `可选：${labelsOfValues(choices, 'zh') ?? choices.join('、')}`
        : own !== undefined && /\p{Script=Han}/u.test(own)
          ? own
          : '格式不对';
      return `${text.startsWith('option') ? '选项' : '参数'} ${quoted(text)} 的值“${quoted(text, 1)}”无效，${why}`;
    }
    default:
      return '命令行参数有误，请用 --help 查看用法';
  }
}

/** A commander parse error: JSON, Chinese or commander's English; always exit 1. */
export function reportCommanderError(
  ctx: CliContext,
  e: { code: string; message: string },
): number {
  const zh = commanderErrorZh(e.code, e.message);
  if (ctx.json)
    ctx.io.stdout(
      `${JSON.stringify({ error: { code: 'invalid-input', message: e.message, messageZh: zh } })}\n`,
    );
  else if (ctx.lang === 'zh') ctx.io.stderr(`错误：${zh}\n`);
  else ctx.io.stderr(`${e.message.replace(/\n+$/, '')}\n`);
  return EXIT_USER;
}
