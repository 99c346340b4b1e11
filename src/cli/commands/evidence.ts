import { isAbsolute, resolve } from 'node:path';
import type { Command } from 'commander';
import { resolveCase } from '../../app/cases.js';
import {
  EVIDENCE_KINDS,
  EVIDENCE_KIND_ZH,
  HEAD_PREFIX_CHARS,
  addEvidence,
  listEvidence,
} from '../../app/evidence/evidence.js';
import { parseAnchor, verifyEvidence } from '../../app/evidence/verify.js';
import { exportEvidence } from '../../app/evidence/export.js';
import { listLenders } from '../../app/lenders.js';
import { shanghaiLocal } from '../../core/conduct/index.js';
import type { Instant } from '../../core/dates/index.js';
import { addStoreOptions, withDeps, type StoreOptions } from '../deps.js';
import { say, type CliContext } from '../io.js';
import { evidenceJson } from '../../app/evidence/present.js';
import { action, printJson } from '../run-action.js';
import { formatTable, terminalSafe } from '../table.js';

type Opts = StoreOptions & { case?: string };

function path(ctx: CliContext, p: string): string {
  return isAbsolute(p) ? p : resolve(ctx.io.cwd, p);
}

export function beijingTime(at: Instant | null): string {
  if (at === null) return '—';
  const l = shanghaiLocal(at);
  return `${l.day} ${String(Math.floor(l.minute / 60)).padStart(2, '0')}:${String(l.minute % 60).padStart(2, '0')}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

function withCase(cmd: Command): Command {
  return addStoreOptions(cmd).option('--case <id>', 'case id (default: the only case)');
}

export function registerEvidence(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  const ev = program
    .command('evidence')
    .description('证据库：添加、列出、核验、导出 (evidence vault)');

  withCase(
    ev
      .command('add <file>')
      .description('把文件存入证据库并记入账本 (store a file in the vault)')
      .requiredOption('--kind <kind>', EVIDENCE_KINDS.join(' | '))
      .option('--lender <lender>', 'lender id, name or brand')
      .option(
        '--captured-at <time>',
        'when it was captured: 2026-11-20 23:05 (Beijing), ISO time, or a date',
      )
      .option('--note <text>', 'description')
      .option('--contact <id>', 'linked contact log entry'),
  ).action(
    action(
      ctx,
      setExit,
      async (
        file: string,
        o: Opts & {
          kind: string;
          lender?: string;
          capturedAt?: string;
          note?: string;
          contact?: string;
        },
      ) =>
        withDeps(ctx, o, async (deps) => {
          const c = await resolveCase(deps, o.case);
          const r = await addEvidence(deps, {
            caseId: c.id,
            file: path(ctx, file),
            kind: o.kind,
            lender: o.lender ?? null,
            capturedAt: o.capturedAt ?? null,
            note: o.note ?? null,
            contactId: o.contact ?? null,
          });
          if (ctx.json)
            return printJson(ctx, {
              item: evidenceJson(r.item),
              isNewObject: r.isNewObject,
              ledger: { seq: r.entry.seq, hash: r.entry.hash },
            });
          ctx.io.stdout(
            say(
              ctx,
              `已存入证据 ${r.item.id}（${EVIDENCE_KIND_ZH[r.item.kind]}，${formatBytes(r.item.sizeBytes)}）${r.isNewObject ? '' : '；相同内容已在证据库中，只保存一份'}\nSHA-256：${r.item.sha256}\n账本第 ${r.entry.seq} 条，头哈希：${r.entry.hash}\n`,
              `Stored evidence ${r.item.id} (${r.item.kind}, ${formatBytes(r.item.sizeBytes)})${r.isNewObject ? '' : '; identical content was already in the vault and is stored once'}\nSHA-256: ${r.item.sha256}\nLedger entry ${r.entry.seq}, head hash: ${r.entry.hash}\n`,
            ),
          );
        }),
    ),
  );

  withCase(
    ev
      .command('list')
      .description('列出证据 (list evidence)')
      .option('--lender <lender>', 'only this lender'),
  ).action(
    action(ctx, setExit, async (o: Opts & { lender?: string }) =>
      withDeps(ctx, o, async (deps) => {
        const c = await resolveCase(deps, o.case);
        const items = await listEvidence(deps, c.id, o.lender ? { lender: o.lender } : {});
        if (ctx.json) return printJson(ctx, { items: items.map(evidenceJson) });
        if (items.length === 0)
          return void ctx.io.stdout(say(ctx, '证据库中还没有证据。\n', 'No evidence yet.\n'));
        // whose evidence and what it shows: the brand the borrower knows, the note shortened
        const lenders = new Map(
          (await listLenders(deps, c.id)).map((l) => [l.id as string, l.brand ?? l.name]),
        );
        const short = (t: string | null) =>
          t === null ? '' : [...t].length > 24 ? `${[...t].slice(0, 23).join('')}…` : t;
        ctx.io.stdout(
          formatTable(
            ctx.lang === 'en'
              ? ['id', 'captured (Beijing)', 'kind', 'lender', 'note', 'file', 'size', 'sha256']
              : [
                  '编号',
                  '取证时间（北京）',
                  '类型',
                  '出借机构',
                  '说明',
                  '文件名',
                  '大小',
                  'SHA-256',
                ],
            items.map((e) => [
              e.id,
              beijingTime(e.capturedAt),
              ctx.lang === 'en' ? e.kind : EVIDENCE_KIND_ZH[e.kind],
              e.lenderId === null ? '—' : (lenders.get(e.lenderId) ?? e.lenderId),
              e.withdrawnAt
                ? say(
                    ctx,
                    `（已撤回：${short(e.withdrawReason ?? '')}）`,
                    `(withdrawn: ${short(e.withdrawReason ?? '')})`,
                  ) + short(e.description)
                : short(e.description),
              e.originalName,
              formatBytes(e.sizeBytes),
              `${e.sha256.slice(0, 16)}…`,
            ]),
            ['left', 'left', 'left', 'left', 'left', 'left', 'right', 'left'],
          ),
        );
      }),
    ),
  );

  withCase(
    ev
      .command('withdraw <id>')
      .description(
        '撤回一份证据：文件与账本记录保留，不再用于文书 (withdraw evidence; it is never erased)',
      )
      .requiredOption('--reason <text>', '撤回原因 (why it is withdrawn)'),
  ).action(
    action(ctx, setExit, async (id: string, o: Opts & { reason: string }) =>
      withDeps(ctx, o, async (deps) => {
        const c = await resolveCase(deps, o.case);
        const { withdrawEvidence } = await import('../../app/evidence/withdraw.js');
        const r = await withdrawEvidence(deps, c.id, id, o.reason);
        if (ctx.json)
          return printJson(ctx, { item: r.item, ledger: { seq: r.entry.seq, hash: r.entry.hash } });
        ctx.io.stdout(
          say(
            ctx,
            `已撤回证据 ${r.item.id}（${r.item.originalName}），原因：${r.item.withdrawReason}\n文件与记录仍保留在证据库中，不再用于文书。账本第 ${r.entry.seq} 条，头哈希：${r.entry.hash}\n`,
            `Withdrew evidence ${r.item.id} (${r.item.originalName}), reason: ${r.item.withdrawReason}\nThe file and its record stay in the vault; letters no longer use it. Ledger entry ${r.entry.seq}, head hash: ${r.entry.hash}\n`,
          ),
        );
      }),
    ),
  );

  withCase(
    ev
      .command('verify')
      .description('重新计算每个文件的哈希并核对账本 (re-hash every object and walk the ledger)')
      .option('--head <hash>', 'a head hash you wrote down earlier: it must still be in the ledger')
      .option(
        '--against <seq:hash>',
        'a ledger head that left this device earlier (letter footer, bundle index): SEQ:HASH, hash prefix of 8+ hex; a rewrite of any entry up to SEQ is detected',
      ),
  ).action(
    action(ctx, setExit, async (o: Opts & { head?: string; against?: string }) =>
      withDeps(ctx, o, async (deps) => {
        const c = await resolveCase(deps, o.case);
        const r = await verifyEvidence(deps, c.id, {
          ...(o.head ? { expectHead: o.head } : {}),
          ...(o.against === undefined ? {} : { against: o.against }),
        });
        if (ctx.json) {
          printJson(ctx, r);
          return r.intact ? 0 : 1;
        }
        if (r.intact) {
          ctx.io.stdout(
            say(
              ctx,
              `完好：账本 ${r.entries} 条全部连贯，${r.objectsChecked} 个文件（${formatBytes(r.bytesChecked)}）哈希一致。\n头哈希：${r.headHash ?? '—'}\n可把头哈希抄下或发给时间戳服务，以证明此刻的状态。\n`,
              `Intact: all ${r.entries} ledger entries link up and ${r.objectsChecked} files (${formatBytes(r.bytesChecked)}) match their hashes.\nHead hash: ${r.headHash ?? '—'}\nWrite the head hash down or send it to a timestamp service to fix this state in time.\n`,
            ),
          );
          if (o.against !== undefined) {
            const a = parseAnchor(o.against);
            ctx.io.stdout(
              say(
                ctx,
                `与您此前保存的账本头 ${a.seq}:${a.prefix} 一致：第 1–${a.seq} 条自那以后没有被改写。\n`,
                `Matches the ledger head you kept (${a.seq}:${a.prefix}): entries 1–${a.seq} have not been rewritten since.\n`,
              ),
            );
          }
          if (r.entries > 0 && r.headHash !== null)
            ctx.io.stdout(
              say(
                ctx,
                `账本头（可抄下或随信寄出，日后用 --against 核对）：${r.entries}:${r.headHash.slice(0, HEAD_PREFIX_CHARS)}\n`,
                `Ledger head (keep it or send it with a letter; check later with --against): ${r.entries}:${r.headHash.slice(0, HEAD_PREFIX_CHARS)}\n`,
              ),
            );
          if (r.anchor === null && r.entries > 0)
            ctx.io.stdout(
              say(
                ctx,
                '注意：没有找到头记录文件，无法发现最新几条被删除；请抄下头哈希。\n',
                'Note: no head file was found, so removal of the newest entries cannot be detected; write the head hash down.\n',
              ),
            );
          return 0;
        }
        ctx.io.stdout(
          say(
            ctx,
            `发现 ${r.problems.length} 处问题：\n`,
            `Found ${r.problems.length} problem(s):\n`,
          ),
        );
        for (const p of r.problems)
          ctx.io.stdout(`  - [${p.code}] ${terminalSafe(say(ctx, p.messageZh, p.messageEn))}\n`);
        ctx.io.stdout(
          say(
            ctx,
            `账本 ${r.entries} 条，检查了 ${r.objectsChecked} 个文件。\n`,
            `${r.entries} ledger entries, ${r.objectsChecked} files checked.\n`,
          ),
        );
        return 1;
      }),
    ),
  );

  withCase(
    ev
      .command('export <out>')
      .description('导出证据包 zip：原件、manifest.json、SHA256SUMS、证据目录 index.html')
      .option('--lender <lender>', 'only this lender')
      .option('--from <date>', 'from this day (Beijing), inclusive')
      .option('--to <date>', 'to this day (Beijing), inclusive'),
  ).action(
    action(
      ctx,
      setExit,
      async (out: string, o: Opts & { lender?: string; from?: string; to?: string }) =>
        withDeps(ctx, o, async (deps) => {
          const c = await resolveCase(deps, o.case);
          const r = await exportEvidence(deps, {
            caseId: c.id,
            caseTitle: c.title,
            out: path(ctx, out),
            lender: o.lender ?? null,
            from: o.from ?? null,
            to: o.to ?? null,
          });
          if (ctx.json) return printJson(ctx, r);
          ctx.io.stdout(
            say(
              ctx,
              `已导出 ${r.path}：${r.items} 份证据（${formatBytes(r.bytes)}），${r.contacts} 条联系记录，账本 ${r.ledgerEntries} 条${r.complete ? '' : '（按条件筛选的部分）'}。\n头哈希：${r.headHash ?? '—'}\n核验：解压后运行 sha256sum -c SHA256SUMS\n`,
              `Exported ${r.path}: ${r.items} evidence files (${formatBytes(r.bytes)}), ${r.contacts} contacts, ${r.ledgerEntries} ledger entries${r.complete ? '' : ' (the filtered part)'}.\nHead hash: ${r.headHash ?? '—'}\nTo check: unzip, then run sha256sum -c SHA256SUMS\n`,
            ),
          );
        }),
    ),
  );
}
