// One in-process runner for CLI tests: a fake Io around main([...], io), capturing stdout/stderr.
// Tests that need a home pass it in env (XIESHANG_HOME) or as '--home' in args.
import type { Io } from '../src/cli/io.js';
import { tooLarge } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';

export interface CliRunOptions {
  /** what readStdin yields; '' when absent */
  stdin?: string | Buffer | AsyncIterable<Buffer> | (() => string | Buffer);
  /** working directory relative paths resolve against; process.cwd() when absent */
  cwd?: string;
  /** the whole environment the command sees (nothing from process.env) */
  env?: Record<string, string>;
}

export interface CliRun {
  code: number;
  out: string;
  err: string;
  /** stdout parsed as JSON */
  json<T = any>(): T;
}

export async function runCli(args: string[], opts: CliRunOptions = {}): Promise<CliRun> {
  const out: string[] = [];
  const errs: string[] = [];
  const io: Io = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void errs.push(t),
    readStdin: (maxBytes) => readStdin(opts.stdin, maxBytes),
    env: { ...opts.env },
    cwd: opts.cwd ?? process.cwd(),
    isTTY: false,
  };
  const code = await main(args, io);
  const text = out.join('');
  return { code, out: text, err: errs.join(''), json: <T>() => JSON.parse(text) as T };
}

async function readStdin(stdin: CliRunOptions['stdin'], maxBytes: number): Promise<Buffer> {
  if (stdin === undefined) return Buffer.alloc(0);
  if (typeof stdin === 'function') stdin = stdin();
  if (typeof stdin === 'string') return Buffer.from(stdin, 'utf8');
  if (Buffer.isBuffer(stdin)) return stdin;
  // A stream: refuse past the limit as the real stdin reader does.
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge('-', maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
