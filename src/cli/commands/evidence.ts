import { isAbsolute, resolve } from 'node:path';
import type { Command } from 'commander';
import { resolveCase } from '../../app/cases.js';
import {
  EVIDENCE_KINDS,
  EVIDENCE_KIND_ZH,
  addEvidence,
  listEvidence,
} from '../../app/evidence/evidence.js';
import { verifyEvidence } from '../../app/evidence/verify.js';
import { exportEvidence } from '../../app/evidence/export.js';
import { listLenders } from '../../app/lenders.js';
import { addStoreOptions, withDeps, type StoreOptions } from '../deps.js';
import { say, type CliContext } from '../io.js';
import { evidenceJson } from '../../app/evidence/present.js';
import { action, printJson } from '../run-action.js';
import { formatBytes, formatEvidenceTable, formatVerifyText } from './evidence-format.js';

type Opts = StoreOptions & { case?: string };
type SetExit = (code: number) => void;

function path(ctx: CliContext, p: string): string {
  return isAbsolute(p) ? p : resolve(ctx.io.cwd, p);
}

function withCase(cmd: Command): Command {
  return addStoreOptions(cmd).option('--case <id>', 'case id (default: the only case)');
}

/** `xieshang evidence add|list|withdraw|verify|export`. */
export function registerEvidence(program: Command, ctx: CliContext, setExit: SetExit): void {
  const ev = program
    .command('evidence')
    .description('证据库：添加、列出、核验、导出 (evidence vault)');
  registerEvidenceAdd(ev, ctx, setExit);
  registerEvidenceList(ev, ctx, setExit);
  registerEvidenceWithdraw(ev, ctx, setExit);
  registerEvidenceVerify(ev, ctx, setExit);
  registerEvidenceExport(ev, ctx, setExit);
}

type AddOpts = Opts & {
  kind: string;
  lender?: string;
  capturedAt?: string;
  note?: string;
  contact?: string;
};

function registerEvidenceAdd(ev: Command, ctx: CliContext, setExit: SetExit): void {
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
    action(ctx, setExit, async (file: string, o: AddOpts) =>
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
}

function registerEvidenceList(ev: Command, ctx: CliContext, setExit: SetExit): void {
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
        const lenders = new Map(
          (await listLenders(deps, c.id)).map((l) => [l.id as string, l.brand ?? l.name]),
        );
        ctx.io.stdout(formatEvidenceTable(ctx, items, lenders));
      }),
    ),
  );
}

function registerEvidenceWithdraw(ev: Command, ctx: CliContext, setExit: SetExit): void {
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
}

function registerEvidenceVerify(ev: Command, ctx: CliContext, setExit: SetExit): void {
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
        if (ctx.json) printJson(ctx, r);
        else ctx.io.stdout(formatVerifyText(ctx, r, o.against));
        return r.intact ? 0 : 1;
      }),
    ),
  );
}

type ExportOpts = Opts & { lender?: string; from?: string; to?: string };

function registerEvidenceExport(ev: Command, ctx: CliContext, setExit: SetExit): void {
  withCase(
    ev
      .command('export <out>')
      .description('导出证据包 zip：原件、manifest.json、SHA256SUMS、证据目录 index.html')
      .option('--lender <lender>', 'only this lender')
      .option('--from <date>', 'from this day (Beijing), inclusive')
      .option('--to <date>', 'to this day (Beijing), inclusive'),
  ).action(
    action(ctx, setExit, async (out: string, o: ExportOpts) =>
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
