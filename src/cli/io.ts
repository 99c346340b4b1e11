import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError } from '../app/errors.js';

/** What a command may touch of the outside world; only main.ts builds the real one. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(maxBytes: number): Promise<Buffer>;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  isTTY: boolean;
}

export type Lang = 'zh' | 'en';

export interface CliContext {
  io: Io;
  /** set from the global --lang / --json options before an action runs */
  lang: Lang;
  json: boolean;
}

export const MAX_JSON_INPUT_BYTES = 16 * 1024 * 1024;

/** Reads FILE or '-' (stdin) as UTF-8 JSON, refusing anything over the limit without reading it all. */
export async function readJsonInput(
  source: string,
  io: Io,
  maxBytes = MAX_JSON_INPUT_BYTES,
): Promise<unknown> {
  const text = await readTextInput(source, io, maxBytes);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new AppError('invalid-json', `input is not valid JSON: ${(e as Error).message}`, {
      field: source === '-' ? 'stdin' : source,
      messageZh:
        text.trim() === ''
          ? '输入为空，应为 JSON'
          : `输入不是有效的 JSON（${(e as Error).message}）`,
    });
  }
}

export async function readTextInput(
  source: string,
  io: Io,
  maxBytes = MAX_JSON_INPUT_BYTES,
): Promise<string> {
  let buf: Buffer;
  if (source === '-') {
    buf = await io.readStdin(maxBytes);
  } else {
    source = resolve(io.cwd, source);
    let size: number;
    try {
      size = (await stat(source)).size;
    } catch {
      throw new AppError('file-not-found', `file not found or not readable: ${source}`, {
        field: 'file',
        messageZh: `找不到或无法读取文件：${source}`,
      });
    }
    if (size > maxBytes) throw tooLarge(source, maxBytes);
    buf = await readFile(source);
  }
  return buf.toString('utf8').replace(/^\uFEFF/, '');
}

export function tooLarge(source: string, maxBytes: number): AppError {
  return new AppError(
    'input-too-large',
    `input ${source === '-' ? 'on stdin' : source} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`,
    {
      field: source === '-' ? 'stdin' : 'file',
      messageZh: `输入超过 ${Math.round(maxBytes / 1024 / 1024)} MB 上限`,
    },
  );
}

/** Picks the message for the user's language. */
export function say(ctx: Pick<CliContext, 'lang'>, zh: string, en: string): string {
  return ctx.lang === 'en' ? en : zh;
}
