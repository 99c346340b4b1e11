import { Command, CommanderError, Option } from 'commander';
import type { CliContext, Io, Lang } from './io.js';
import { tooLarge } from './io.js';
import { registerCommands } from './commands/index.js';
import { EXIT_OK, reportCommanderError, reportError } from './report-error.js';
import { packageVersion } from './package-info.js';

export function nodeIo(): Io {
  // `xieshang … | head` closes the pipe early; that is not an error worth a stack trace
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: async (maxBytes) => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        const b = chunk as Buffer;
        size += b.length;
        if (size > maxBytes) {
          process.stdin.destroy();
          throw tooLarge('-', maxBytes);
        }
        chunks.push(b);
      }
      return Buffer.concat(chunks);
    },
    env: process.env,
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
  };
}

/**
 * Builds the program; actions report their exit code through `ctx`. With `argv`, only the command
 * it names is loaded (every command when it names none), so a run imports one command's code.
 */
export async function buildProgram(
  ctx: CliContext,
  setExit: (code: number) => void,
  argv?: readonly string[],
): Promise<Command> {
  const program = new Command('xieshang')
    .description(
      '协商 Xieshang — 网贷/信用卡协商分期还款助手 (installment negotiation for borrowers)',
    )
    .addOption(
      new Option('--lang <lang>', 'zh | en')
        .choices(['zh', 'en'])
        .default(ctx.io.env['XIESHANG_LANG'] === 'en' ? 'en' : 'zh'),
    )
    .option('--json', 'machine-readable JSON output', false)
    .version(packageVersion(), '-V, --version', '版本号 (print the version)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.stdout(s),
      writeErr: (s) => ctx.io.stderr(s),
      // parse errors are reported once, in the user's language, by reportCommanderError
      outputError: () => {},
    })
    .hook('preAction', (_this, action) => {
      const o = action.optsWithGlobals<{ lang?: Lang; json?: boolean }>();
      ctx.lang = o.lang ?? ctx.lang;
      ctx.json = Boolean(o.json);
    });
  await registerCommands(program, ctx, setExit, argv);
  return program;
}

export async function main(argv: string[], io: Io = nodeIo()): Promise<number> {
  // Answered before any command is loaded: `--version` must be instant and work with no home.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    io.stdout(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  const ctx: CliContext = { io, lang: 'zh', json: argv.includes('--json') };
  if (io.env['XIESHANG_LANG'] === 'en') ctx.lang = 'en';
  if (argv.includes('--lang')) ctx.lang = argv[argv.indexOf('--lang') + 1] === 'en' ? 'en' : 'zh';
  let exit = EXIT_OK;
  let program: Command;
  try {
    program = await buildProgram(
      ctx,
      (code) => {
        exit = code;
      },
      argv,
    );
  } catch (e) {
    return reportError(ctx, e);
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return EXIT_OK;
      return reportCommanderError(ctx, e);
    }
    return reportError(ctx, e);
  }
  return exit;
}
