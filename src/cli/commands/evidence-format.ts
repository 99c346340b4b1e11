// What the `evidence` subcommands print: Beijing times, sizes, the list and the verify report.
import {
  EVIDENCE_KIND_ZH,
  HEAD_PREFIX_CHARS,
  type EvidenceItem,
} from '../../app/evidence/evidence.js';
import { parseAnchor, type VerifyReport } from '../../app/evidence/verify.js';
import { shanghaiLocal } from '../../core/conduct/index.js';
import type { Instant } from '../../core/dates/index.js';
import { say, type CliContext } from '../io.js';
import { formatTable, terminalSafe } from '../table.js';

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

/**
 * `evidence list`: whose evidence and what it shows — the brand the borrower knows (`lenders`:
 * lender id → brand or name), the note shortened.
 */
export function formatEvidenceTable(
  ctx: CliContext,
  items: readonly EvidenceItem[],
  lenders: ReadonlyMap<string, string>,
): string {
  const short = (t: string | null) =>
    t === null ? '' : [...t].length > 24 ? `${[...t].slice(0, 23).join('')}…` : t;
  return formatTable(
    ctx.lang === 'en'
      ? ['id', 'captured (Beijing)', 'kind', 'lender', 'note', 'file', 'size', 'sha256']
      : ['编号', '取证时间（北京）', '类型', '出借机构', '说明', '文件名', '大小', 'SHA-256'],
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
  );
}

/** `evidence verify` on an intact vault: the counts, the head to keep, the checks it could not do. */
function formatIntact(ctx: CliContext, r: VerifyReport, against: string | undefined): string {
  let text = say(
    ctx,
    `完好：账本 ${r.entries} 条全部连贯，${r.objectsChecked} 个文件（${formatBytes(r.bytesChecked)}）哈希一致。\n头哈希：${r.headHash ?? '—'}\n可把头哈希抄下或发给时间戳服务，以证明此刻的状态。\n`,
    `Intact: all ${r.entries} ledger entries link up and ${r.objectsChecked} files (${formatBytes(r.bytesChecked)}) match their hashes.\nHead hash: ${r.headHash ?? '—'}\nWrite the head hash down or send it to a timestamp service to fix this state in time.\n`,
  );
  if (against !== undefined) {
    const a = parseAnchor(against);
    text += say(
      ctx,
      `与您此前保存的账本头 ${a.seq}:${a.prefix} 一致：第 1–${a.seq} 条自那以后没有被改写。\n`,
      `Matches the ledger head you kept (${a.seq}:${a.prefix}): entries 1–${a.seq} have not been rewritten since.\n`,
    );
  }
  if (r.entries > 0 && r.headHash !== null)
    text += say(
      ctx,
      `账本头（可抄下或随信寄出，日后用 --against 核对）：${r.entries}:${r.headHash.slice(0, HEAD_PREFIX_CHARS)}\n`,
      `Ledger head (keep it or send it with a letter; check later with --against): ${r.entries}:${r.headHash.slice(0, HEAD_PREFIX_CHARS)}\n`,
    );
  if (r.anchor === null && r.entries > 0)
    text += say(
      ctx,
      '注意：没有找到头记录文件，无法发现最新几条被删除；请抄下头哈希。\n',
      'Note: no head file was found, so removal of the newest entries cannot be detected; write the head hash down.\n',
    );
  return text;
}

/** `evidence verify`: the intact report, or each problem found and what was checked. */
export function formatVerifyText(
  ctx: CliContext,
  r: VerifyReport,
  against: string | undefined,
): string {
  if (r.intact) return formatIntact(ctx, r, against);
  let text = say(
    ctx,
    `发现 ${r.problems.length} 处问题：\n`,
    `Found ${r.problems.length} problem(s):\n`,
  );
  for (const p of r.problems)
    text += `  - [${p.code}] ${terminalSafe(say(ctx, p.messageZh, p.messageEn))}\n`;
  text += say(
    ctx,
    `账本 ${r.entries} 条，检查了 ${r.objectsChecked} 个文件。\n`,
    `${r.entries} ledger entries, ${r.objectsChecked} files checked.\n`,
  );
  return text;
}
