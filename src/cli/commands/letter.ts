import { createHash } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';
import { extname, isAbsolute, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { parseCaseInput } from '../../app/documents/input.js';
import { AppError } from '../../app/errors.js';
import {
  CHANNEL_IDS,
  DOC_FORMATS,
  LETTER_KINDS,
  LETTER_TEMPLATES,
  renderLetter,
} from '../../app/documents/documents.js';
import { addStoreOptions, withDeps, type StoreOptions } from '../deps.js';
import { readJsonInput, say, type CliContext } from '../io.js';
import { action, printJson } from '../run-action.js';
import { formatTable } from '../table.js';

interface LetterFlags extends StoreOptions {
  input?: string;
  lender?: string;
  case?: string;
  format?: string;
  out?: string;
  channel?: string;
  asOf?: string;
}

/** Writes bytes to a temp file beside the target, then renames: no half-written letters. */
export async function writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, path);
}

function formatFromOut(out: string | undefined): string | undefined {
  if (out === undefined) return undefined;
  const ext = extname(out).toLowerCase();
  if (ext === '.docx') return 'docx';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.md' || ext === '.markdown') return 'md';
  return undefined;
}

function listLetters(ctx: CliContext): void {
  if (ctx.json) {
    printJson(ctx, {
      kinds: LETTER_KINDS.map((k) => ({
        kind: k,
        titleZh: LETTER_TEMPLATES[k].titleZh,
        titleEn: LETTER_TEMPLATES[k].titleEn,
        requires: LETTER_TEMPLATES[k].requires,
      })),
    });
    return;
  }
  ctx.io.stdout(
    formatTable(
      [say(ctx, '类型', 'kind'), say(ctx, '文书', 'document'), say(ctx, '需要', 'needs')],
      LETTER_KINDS.map((k) => [
        k,
        ctx.lang === 'zh' ? LETTER_TEMPLATES[k].titleZh : LETTER_TEMPLATES[k].titleEn,
        LETTER_TEMPLATES[k].requires.join(', '),
      ]),
    ),
  );
  ctx.io.stdout(
    say(
      ctx,
      '用法：xieshang letter <类型> --input 案件.json --out 文件.docx [--format docx|html|md] [--lang zh|en]\n',
      'usage: xieshang letter <kind> --input case.json --out file.docx [--format docx|html|md] [--lang zh|en]\n',
    ),
  );
}

/** The letter's options: where the case comes from, the format, the output and the channel. */
function addLetterOptions(cmd: Command): Command {
  return cmd
    .option(
      '--input <file>',
      'case JSON (see docs/letters/*.json); without it the case is read from the store',
    )
    .option('--lender <name>', 'lender name, brand or id in the store')
    .option('--case <id>', 'case id (default: the only case)')
    .addOption(
      new Option('--format <format>', 'output format (default from --out, else docx)').choices([
        ...DOC_FORMATS,
      ]),
    )
    .option('--out <file>', 'where to write the document (md/html go to stdout when absent)')
    .addOption(
      new Option('--channel <channel>', 'complaint channel (complaint only)').choices([
        ...CHANNEL_IDS,
      ]),
    )
    .option('--as-of <date>', 'date on the letter (store mode; default today)');
}

/** The case the letter is about: the --input JSON, or the store's case (and lender). */
async function loadLetterCase(
  ctx: CliContext,
  flags: LetterFlags,
): Promise<ReturnType<typeof parseCaseInput>> {
  if (flags.input !== undefined) return parseCaseInput(await readJsonInput(flags.input, ctx.io));
  const { loadFullLetterCase } = await import('../../app/documents/letter-extras.js');
  return withDeps(ctx, flags, (deps) =>
    loadFullLetterCase(deps, {
      ...(flags.case === undefined ? {} : { caseId: flags.case }),
      ...(flags.lender === undefined ? {} : { lender: flags.lender }),
      ...(flags.asOf === undefined ? {} : { asOf: flags.asOf }),
    }),
  );
}

type RenderedLetter = Awaited<ReturnType<typeof renderLetter>>;

/** After writing the letter to `out`: its facts as JSON, or a sentence to check it before sending. */
function printLetterWritten(ctx: CliContext, letter: RenderedLetter, out: string): void {
  if (ctx.json) {
    printJson(ctx, {
      kind: letter.kind,
      format: letter.format,
      lang: ctx.lang,
      title: letter.doc.title,
      out,
      bytes: letter.bytes.length,
      sha256: createHash('sha256').update(letter.bytes).digest('hex'),
      citations: letter.doc.citations,
      warnings: letter.warnings,
    });
    return;
  }
  ctx.io.stdout(
    say(
      ctx,
      `已生成《${letter.doc.title}》→ ${out}（${letter.format}，${letter.bytes.length} 字节）\n请核对内容后再发送；本文件不构成法律意见。\n`,
      `Wrote "${letter.doc.title}" → ${out} (${letter.format}, ${letter.bytes.length} bytes)\nCheck it before sending; it is not legal advice.\n`,
    ),
  );
}

/** `xieshang letter <kind>` (or `letter list`). */
export function registerLetter(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  const cmd = addLetterOptions(
    program
      .command('letter')
      .description(
        '生成协商文书：申请书、困难说明、话术、投诉书等 (letters; `letter list` shows the kinds)',
      )
      .argument('<kind>', `list | ${LETTER_KINDS.join(' | ')}`),
  );
  addStoreOptions(cmd);
  cmd.action(
    action(ctx, setExit, async (kind: string, flags: LetterFlags) => {
      if (kind === 'list') return listLetters(ctx);
      const format = flags.format ?? formatFromOut(flags.out) ?? 'docx';
      if (format === 'docx' && flags.out === undefined)
        throw new AppError('invalid-input', '--out FILE is required for docx', {
          field: 'out',
          messageZh: '生成 docx 需要用 --out 指定输出文件',
        });
      const caseInput = await loadLetterCase(ctx, flags);
      const letter = await renderLetter(caseInput, {
        kind,
        format,
        lang: ctx.lang,
        ...(flags.channel === undefined ? {} : { channel: flags.channel }),
      });
      // the pre-send and limitation checks: shown loudly, never written into the letter
      if (!ctx.json)
        for (const w of letter.warnings)
          ctx.io.stderr(say(ctx, `⚠ ${w.messageZh}\n`, `⚠ ${w.message}\n`));
      if (flags.out === undefined) {
        ctx.io.stdout(new TextDecoder().decode(letter.bytes));
        return;
      }
      const out = isAbsolute(flags.out) ? flags.out : resolve(ctx.io.cwd, flags.out);
      await writeAtomic(out, letter.bytes);
      printLetterWritten(ctx, letter, out);
    }),
  );
}
