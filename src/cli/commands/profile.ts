import { isAbsolute, resolve } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../app/errors.js';
import {
  HARDSHIP_CAUSES,
  HARDSHIP_CAUSE_ZH,
  getProfile,
  saveProfile,
  type Profile,
  type ProfileInput,
} from '../../app/profile.js';
import { addStoreOptions, withDeps, type StoreOptions } from '../deps.js';
import { readJsonInput, say, type CliContext } from '../io.js';
import { action, printJson } from '../run-action.js';

type Opts = StoreOptions & { case?: string };

interface SetFlags extends Opts {
  input?: string;
  name?: string;
  phone?: string;
  address?: string;
  idTail?: string;
  adults?: string;
  children?: string;
  hardshipCause?: string;
  hardshipSince?: string;
  hardshipStory?: string;
  proof: string[];
}

const collect = (v: string, prev: string[]) => [...prev, v];

function fromFlags(o: SetFlags): ProfileInput {
  const input: ProfileInput = {};
  const pairs = [
    ['name', o.name],
    ['phone', o.phone],
    ['address', o.address],
    ['idTail', o.idTail],
    ['adults', o.adults],
    ['children', o.children],
    ['hardshipCause', o.hardshipCause],
    ['hardshipSince', o.hardshipSince],
    ['hardshipStory', o.hardshipStory],
  ] as const;
  for (const [k, v] of pairs) if (v !== undefined) input[k] = v;
  if (o.proof.length > 0) input['proofs'] = o.proof;
  return input;
}

/** Human-readable lines (zh or en) of a profile. */
export function formatProfile(ctx: Pick<CliContext, 'lang'>, p: Profile): string {
  const en = ctx.lang === 'en';
  const dash = '—';
  const cause =
    p.hardshipCause === null
      ? dash
      : en
        ? p.hardshipCause
        : (HARDSHIP_CAUSE_ZH[p.hardshipCause as keyof typeof HARDSHIP_CAUSE_ZH] ?? p.hardshipCause);
  const rows: [string, string, string | null][] = [
    ['姓名', 'Name', p.name],
    ['电话', 'Phone', p.phone],
    ['地址', 'Address', p.address],
    ['身份证后几位', 'ID tail', p.idTail],
    ['成年人', 'Adults', p.adults === null ? null : String(p.adults)],
    ['子女', 'Children', p.children === null ? null : String(p.children)],
    ['困难原因', 'Hardship cause', cause],
    ['困难开始日期', 'Hardship since', p.hardshipSince],
    ['困难经过', 'What changed', p.hardshipStory],
    ['证明材料', 'Proofs', p.proofs.length === 0 ? null : p.proofs.join(en ? '; ' : '；')],
  ];
  return rows.map(([zh, e, v]) => `${en ? e : zh}${en ? ': ' : '：'}${v ?? dash}\n`).join('');
}

export function registerProfile(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  const pr = program
    .command('profile')
    .description('我的情况：姓名、联系方式、家庭与困难情况 (borrower profile used by letters)');

  addStoreOptions(
    pr
      .command('show')
      .description('显示已保存的个人情况 (show the profile); --json for JSON')
      .option('--case <id>', 'case id (default: the only case)'),
  ).action(
    action(ctx, setExit, async (o: Opts) =>
      withDeps(ctx, o, async (deps) => {
        const p = await getProfile(deps, o.case);
        if (ctx.json) return printJson(ctx, { profile: p });
        if (p === null) {
          ctx.io.stdout(
            say(
              ctx,
              '尚未填写个人情况。用 xieshang profile set --name … --hardship-cause … --hardship-since … 填写。\n',
              'No profile yet. Fill it in with xieshang profile set --name … --hardship-cause … --hardship-since …\n',
            ),
          );
          return;
        }
        ctx.io.stdout(formatProfile(ctx, p));
      }),
    ),
  );

  addStoreOptions(
    pr
      .command('set [file]')
      .description('保存个人情况（只改给出的字段）; 或 FILE / --input FILE 传入 JSON (camelCase)')
      .option('--case <id>', 'case id (default: the only case)')
      .option('--input <file>', 'a JSON object with the fields below (camelCase), or - for stdin')
      .option('--name <name>', '姓名 (full name, ≤100 characters)')
      .option('--phone <phone>', '电话 (phone)')
      .option('--address <text>', '地址 (address)')
      .option('--id-tail <chars>', '身份证号后 4–6 位 (last 4–6 characters of the ID number)')
      .option('--adults <n>', '家中成年人数 (adults in the household)')
      .option('--children <n>', '子女人数 (children)')
      .option('--hardship-cause <cause>', HARDSHIP_CAUSES.join(' | '))
      .option('--hardship-since <date>', '困难开始日期 (since), e.g. 2026-03-01 or 2026年3月1日')
      .option('--hardship-story <text>', '发生了什么、收入如何变化 (what changed)')
      .option('--proof <text>', '证明材料，可重复 (repeatable), e.g. 失业证明', collect, []),
  ).action(
    action(ctx, setExit, async (file: string | undefined, o: SetFlags) =>
      withDeps(ctx, o, async (deps) => {
        const given = o.input ?? file;
        const source =
          given === undefined || given === '-' || isAbsolute(given)
            ? given
            : resolve(ctx.io.cwd, given);
        const input = source !== undefined ? await readJsonInput(source, ctx.io) : fromFlags(o);
        if (
          typeof input === 'object' &&
          input !== null &&
          !Array.isArray(input) &&
          Object.keys(input).length === 0
        )
          throw new AppError('missing-field', 'nothing to set: give --name, --hardship-cause, …', {
            field: 'profile',
            messageZh: '没有要保存的内容：请给出 --name、--hardship-cause 等',
          });
        const p = await saveProfile(deps, input as ProfileInput, o.case ? { caseId: o.case } : {});
        if (ctx.json) return printJson(ctx, { profile: p });
        ctx.io.stdout(say(ctx, '已保存个人情况。\n', 'Profile saved.\n') + formatProfile(ctx, p));
      }),
    ),
  );
}
