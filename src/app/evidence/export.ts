// Export bundle: a zip anyone can check with standard tools. It holds the originals, manifest.json
// (items, hashes, metadata, the ledger slice and head hash), SHA256SUMS (`sha256sum -c` after
// unzip) and index.html, a printable chronological exhibit list (证据目录) with the contact log
// interleaved. Files are streamed; the zip is written to a temp name and renamed when complete.
import yazl from 'yazl';
import { RELATION_ZH, shanghaiLocal, type ConductFlag } from '../../core/conduct/index.js';
import { parseDateInput, type Instant, type IsoDate } from '../../core/dates/index.js';
import type { LedgerEntry } from '../../core/ledger/index.js';
import {
  createContactRepository,
  type Contact,
} from '../../db/repositories/contacts-repository.js';
import {
  createEvidenceRepository,
  type EvidenceItem,
} from '../../db/repositories/evidence-repository.js';
import { createLedgerRepository } from '../../db/repositories/ledger-repository.js';
import { createLenderRepository } from '../../db/repositories/lender-repository.js';
import type { CaseId, Lender } from '../../db/types.js';
import { CHANNEL_ZH, checkCaseConduct } from '../contacts.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { EVIDENCE_KIND_ZH, HEAD_PREFIX_CHARS } from './evidence.js';
import { resolveLender, vaultOf } from './common.js';

export interface ExportInput {
  caseId: CaseId;
  caseTitle?: string;
  out: string;
  lender?: string | null;
  from?: string | null;
  to?: string | null;
}

export interface ExportResult {
  path: string;
  items: number;
  contacts: number;
  bytes: number;
  headHash: string | null;
  ledgerEntries: number;
  complete: boolean;
}

const DIR = 'evidence';

function parseDay(v: string | null | undefined, field: string): IsoDate | null {
  if (v === undefined || v === null || v.trim() === '') return null;
  const r = parseDateInput(v.trim(), field);
  if (!r.ok) throw AppError.fromIssue(r.error);
  return r.value;
}

// oxlint-disable-next-line no-control-regex -- stripping control characters is the point
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f/\\:*?"<>|]/g;

/** A file name safe inside a zip and on a SHA256SUMS line (no separators, controls or backslashes). */
export function safeName(name: string): string {
  const s = name.replace(UNSAFE_IN_NAME, '_').replace(/^\.+/, '_').trim();
  return s === '' ? 'file' : s.slice(0, 120);
}

export function escapeHtml(s: string): string {
  return (
    s
      // NUL and other controls are not allowed in HTML text (nor as character references): shown
      // as U+FFFD so the page stays well-formed and the reader sees something was there
      // oxlint-disable-next-line no-control-regex -- matching control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;')
  );
}

function beijing(at: Instant): string {
  const l = shanghaiLocal(at);
  return `${l.day} ${String(Math.floor(l.minute / 60)).padStart(2, '0')}:${String(l.minute % 60).padStart(2, '0')}`;
}

const itemTime = (e: EvidenceItem): Instant => e.capturedAt ?? e.addedAt;

/** Writes the bundle; refuses (and leaves nothing) when an object is missing or changed. */
export async function exportEvidence(deps: Deps, input: ExportInput): Promise<ExportResult> {
  const from = parseDay(input.from, 'from');
  const to = parseDay(input.to, 'to');
  if (from !== null && to !== null && from > to)
    throw new AppError('invalid-input', `from ${from} is after to ${to}`, {
      field: 'from',
      messageZh: `开始日期 ${from} 晚于结束日期 ${to}`,
    });
  const lender = input.lender ? await resolveLender(deps, input.caseId, input.lender) : null;
  const inRange = (at: Instant) => {
    const d = shanghaiLocal(at).day;
    return (from === null || d >= from) && (to === null || d <= to);
  };
  const filter = lender === null ? {} : { lenderId: lender.id as string };
  const items = (await createEvidenceRepository(deps.db).list(input.caseId, filter))
    .filter((e) => inRange(itemTime(e)))
    .sort((a, b) =>
      itemTime(a) < itemTime(b) ? -1 : itemTime(a) > itemTime(b) ? 1 : a.id < b.id ? -1 : 1,
    );
  const contacts = (await createContactRepository(deps.db).list(input.caseId, filter)).filter((c) =>
    inRange(c.occurredAt),
  );
  const lenders = new Map(
    (await createLenderRepository(deps.db).list(input.caseId)).map((l) => [l.id as string, l]),
  );
  const allEntries = await createLedgerRepository(deps.db).list(input.caseId);
  const complete = lender === null && from === null && to === null;
  const itemIds = new Set(items.map((e) => e.id));
  const contactIds = new Set(contacts.map((c) => c.id));
  const slice = complete
    ? allEntries
    : allEntries.filter((e) => {
        if (e.kind === 'evidence-added' || e.kind === 'evidence-withdrawn')
          return itemIds.has(String(e.meta['evidenceId']));
        if (e.kind === 'contact-removed') return false;
        const c = e.meta['contact'];
        return (
          (e.kind === 'contact-logged' || e.kind === 'contact-edited') &&
          c !== null &&
          typeof c === 'object' &&
          !Array.isArray(c) &&
          contactIds.has(String(c['id']))
        );
      });
  const head = allEntries.at(-1) ?? null;
  const flags = (
    await checkCaseConduct(deps, input.caseId, lender === null ? {} : { lender: lender.id })
  ).filter((f) => f.contactIds.some((id) => contactIds.has(id)));

  const files = items.map((e, i) => ({
    item: e,
    path: `${DIR}/${String(i + 1).padStart(3, '0')}-${safeName(e.originalName)}`,
  }));
  const manifest = {
    format: 'xieshang-evidence-bundle/1',
    generatedAt: deps.clock.now(),
    case: { id: input.caseId, title: input.caseTitle ?? null },
    filter: { lenderId: lender?.id ?? null, from, to },
    hashAlgorithm: 'sha256',
    items: files.map(({ item, path }, i) => ({
      exhibit: i + 1,
      path,
      sha256: item.sha256,
      sizeBytes: item.sizeBytes,
      id: item.id,
      kind: item.kind,
      lenderId: item.lenderId,
      lenderName: item.lenderId === null ? null : (lenders.get(item.lenderId)?.name ?? null),
      contactId: item.contactId,
      capturedAt: item.capturedAt,
      addedAt: item.addedAt,
      originalName: item.originalName,
      mediaType: item.mediaType,
      description: item.description,
      // withdrawn evidence is kept (append-only) and marked, with the reason given
      withdrawnAt: item.withdrawnAt ?? null,
      withdrawReason: item.withdrawReason ?? null,
    })),
    contacts,
    conductFlags: flags,
    ledger: {
      // with a filter only the matching entries are included: each still hashes on its own, but
      // the chain links can only be walked in an unfiltered export
      complete,
      count: allEntries.length,
      headHash: head?.hash ?? null,
      headSeq: head?.seq ?? null,
      entryHash:
        'sha256 of RFC 8785 canonical JSON of {seq, prevHash, objectHash, kind, meta, recordedAt}',
      entries: slice,
    },
  };
  const manifestBuf = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  const html = Buffer.from(
    renderIndexHtml({
      caseTitle: input.caseTitle ?? null,
      files,
      contacts,
      lenders,
      flags,
      head,
      count: allEntries.length,
      generatedAt: deps.clock.now(),
      filter: { lender, from, to },
    }),
    'utf8',
  );
  const sha = (b: Buffer) => deps.crypto.sha256().update(b).digest();
  const sums =
    files.map((f) => `${f.item.sha256}  ${f.path}`).join('\n') +
    (files.length > 0 ? '\n' : '') +
    `${sha(manifestBuf)}  manifest.json\n${sha(html)}  index.html\n`;

  const vault = vaultOf(deps);
  for (const f of files)
    if (!(await vault.has(f.item.sha256)))
      throw new AppError(
        'integrity-failure',
        `evidence file missing from the vault: ${f.item.originalName} (${f.item.sha256}); run: xieshang evidence verify`,
        {
          field: 'vault',
          messageZh: `证据库中缺少文件：${f.item.originalName}（${f.item.sha256}），请运行 xieshang evidence verify`,
        },
      );

  const tmp = deps.temp.beside(input.out);
  const zip = new yazl.ZipFile();
  let failure: Error | null = null;
  let failed!: (e: Error) => void;
  const failedP = new Promise<never>((_, reject) => {
    failed = reject;
  });
  const mtime = new Date(Date.parse(deps.clock.now()));
  for (const f of files) {
    // Streamed entries get a data descriptor (the CRC is known only at the end). A STORED entry
    // with one is rejected by Java's ZipInputStream ("only DEFLATED entries can have EXT
    // descriptor") and so by many Android apps; DEFLATED entries with one are read everywhere.
    // Level 1: originals are mostly already-compressed media, so a higher level buys nothing.
    const opts = { mtime, compressionLevel: 1, size: f.item.sizeBytes };
    zip.addReadStreamLazy(f.path, opts, (cb) => {
      const s = vault.openVerified(f.item.sha256);
      s.on('error', (e: Error) => {
        failure = e;
        failed(e);
      });
      cb(null, s);
    });
  }
  zip.addBuffer(manifestBuf, 'manifest.json', { mtime });
  zip.addBuffer(html, 'index.html', { mtime });
  zip.addBuffer(Buffer.from(sums, 'utf8'), 'SHA256SUMS', { mtime });
  zip.end();
  try {
    await Promise.race([deps.files.writeFrom(tmp, zip.outputStream), failedP]);
    if (failure !== null) throw failure;
    await deps.files.rename(tmp, input.out);
  } catch (e) {
    await deps.files.remove(tmp).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EVAULTCHANGED')
      throw new AppError(
        'integrity-failure',
        `${(e as Error).message}; nothing was exported (run: xieshang evidence verify)`,
        {
          field: 'vault',
          messageZh: '证据文件在证据库中被改动，未导出；请运行 xieshang evidence verify',
        },
      );
    if (code === 'ENOENT' || code === 'EACCES' || code === 'ENOSPC')
      throw new AppError('file-not-found', `cannot write ${input.out} (${code})`, {
        field: 'out',
        cause: e,
        messageZh: `无法写入 ${input.out}（${code}）`,
      });
    throw e;
  }
  return {
    path: input.out,
    items: files.length,
    contacts: contacts.length,
    bytes: files.reduce((s, f) => s + f.item.sizeBytes, 0),
    headHash: head?.hash ?? null,
    ledgerEntries: slice.length,
    complete,
  };
}

export interface IndexInput {
  caseTitle: string | null;
  files: { item: EvidenceItem; path: string }[];
  contacts: Contact[];
  lenders: Map<string, Lender>;
  flags: ConductFlag[];
  head: LedgerEntry | null;
  count: number;
  generatedAt: Instant;
  filter: { lender: Lender | null; from: IsoDate | null; to: IsoDate | null };
}

const DIRECTION_ZH = { inbound: '对方联系我', outbound: '我联系对方' } as const;
const SEVERITY_ZH = { breach: '违规', warning: '需核实', note: '提示' } as const;

/** The printable exhibit list; every user-supplied string is escaped. */
export function renderIndexHtml(x: IndexInput): string {
  const e = escapeHtml;
  const lenderName = (id: string | null) => {
    if (id === null) return '—';
    const l = x.lenders.get(id);
    return l === undefined ? id : l.brand ? `${l.name}（${l.brand}）` : l.name;
  };
  type Row = { at: Instant; html: string };
  const rows: Row[] = [];
  // cross-references both ways, so a reader finds the recording of a call and the call of a recording
  const contactAt = new Map(x.contacts.map((c) => [c.id, beijing(c.occurredAt)]));
  const exhibitsOf = new Map<string, number[]>();
  x.files.forEach(({ item, path }, i) => {
    if (item.contactId !== null)
      exhibitsOf.set(item.contactId, [...(exhibitsOf.get(item.contactId) ?? []), i + 1]);
    const linked = item.contactId === null ? undefined : contactAt.get(item.contactId);
    const withdrawn = item.withdrawnAt
      ? `<br><b>已撤回</b>（${e(beijing(item.withdrawnAt))}）：${e(item.withdrawReason ?? '')}`
      : '';
    rows.push({
      at: itemTime(item),
      html: `<tr class="ev${withdrawn ? ' withdrawn' : ''}"><td>证据 ${i + 1}${withdrawn}</td><td>${e(beijing(itemTime(item)))}${item.capturedAt === null ? '<br><small>（添加时间）</small>' : ''}</td><td>${e(EVIDENCE_KIND_ZH[item.kind])}</td><td>${e(lenderName(item.lenderId))}</td><td>${e(item.description ?? '')}<br><small>原文件名：${e(item.originalName)}（${e(item.mediaType)}，${item.sizeBytes} 字节）${linked === undefined ? '' : `<br>关联联系记录：${e(linked)}`}</small></td><td><a href="${e(encodeURI(path))}">${e(path)}</a><br><code>${item.sha256}</code></td></tr>`,
    });
  });
  for (const c of x.contacts) {
    const exhibits = exhibitsOf.get(c.id) ?? [];
    const parts = [
      c.agentName || c.agentNumber
        ? `对方人员：${e([c.agentName, c.agentNumber].filter(Boolean).join(' / 工号 '))}`
        : '',
      c.counterpart ? `对方号码/账号：${e(c.counterpart)}` : '',
      c.asked ? `对方要求：${e(c.asked)}` : '',
      c.offered ? `对方提出：${e(c.offered)}` : '',
      c.promises ? `承诺：${e(c.promises)}` : '',
      c.deadlineOn ? `期限：${e(c.deadlineOn)}` : '',
      c.nextStep ? `下一步：${e(c.nextStep)}` : '',
      c.thirdParty
        ? `涉及第三人：${e(RELATION_ZH[c.thirdParty.relation] ?? c.thirdParty.relation)}${c.thirdParty.detail ? `（${e(c.thirdParty.detail)}）` : ''}`
        : '',
      c.notes ? `备注：${e(c.notes)}` : '',
      exhibits.length > 0 ? `关联证据：${exhibits.map((n) => `证据 ${n}`).join('、')}` : '',
    ].filter((p) => p !== '');
    rows.push({
      at: c.occurredAt,
      html: `<tr class="ct"><td>联系记录</td><td>${e(beijing(c.occurredAt))}</td><td>${e(CHANNEL_ZH[c.channel] ?? c.channel)}，${e(DIRECTION_ZH[c.direction] ?? c.direction)}</td><td>${e(lenderName(c.lenderId))}</td><td colspan="2">${parts.join('<br>')}</td></tr>`,
    });
  }
  rows.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const filterText = [
    x.filter.lender ? `出借机构：${e(x.filter.lender.name)}` : '',
    x.filter.from ? `自 ${x.filter.from}` : '',
    x.filter.to ? `至 ${x.filter.to}` : '',
  ]
    .filter(Boolean)
    .join('，');
  const flagsHtml =
    x.flags.length === 0
      ? ''
      : `<h2>催收行为提示</h2><ul>${x.flags
          .map(
            (f) =>
              `<li><b>[${SEVERITY_ZH[f.severity]}] ${e(f.titleZh)}</b>：${e(f.messageZh)}<br><small>依据：${e(f.sources.map((s) => `${s.citeZh}（可信度 ${s.certainty}）`).join('；'))}${f.channels.length ? `；投诉渠道：${e(f.channels.map((c) => c.nameZh).join('、'))}` : ''}</small></li>`,
          )
          .join('')}</ul>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>证据目录</title>
<style>
@page{size:A4;margin:15mm}
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;font-size:12pt}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #444;padding:4px 6px;vertical-align:top}
th{background:#eee}td:first-child{white-space:nowrap}tr.ct td{background:#f8f8f8}tr.withdrawn td{color:#666;text-decoration:line-through}tr.withdrawn td:first-child{text-decoration:none;white-space:normal;min-width:8em}code{font-size:8pt;word-break:break-all}small{color:#444}
@media print{body{margin:0}a{color:inherit;text-decoration:none}tr{break-inside:avoid;page-break-inside:avoid}}
</style></head><body>
<h1>证据目录</h1>
<p>${x.caseTitle ? `案件：${e(x.caseTitle)}<br>` : ''}生成时间：${e(beijing(x.generatedAt))}（北京时间）${filterText ? `<br>范围：${filterText}` : ''}</p>
<p>共 ${x.files.length} 份证据、${x.contacts.length} 条联系记录。账本共 ${x.count} 条，头哈希：<code>${x.head?.hash ?? '—'}</code></p>
<p class="head">账本头：<b>${x.head?.seq ?? 0}:${(x.head?.hash ?? '0'.repeat(64)).slice(0, HEAD_PREFIX_CHARS)}</b>（第 ${x.head?.seq ?? 0} 条，哈希前 ${HEAD_PREFIX_CHARS} 位）。请把这一行另存一份（拍照、发给自己或随信寄出）：日后运行 <code>xieshang evidence verify --against ${x.head?.seq ?? 0}:${(x.head?.hash ?? '0'.repeat(64)).slice(0, HEAD_PREFIX_CHARS)}</code>，即可证明此前的记录没有被改写。</p>
<table><thead><tr><th>编号</th><th>时间（北京时间）</th><th>类别</th><th>出借机构</th><th>内容</th><th>文件 / SHA-256</th></tr></thead><tbody>
${rows.map((r) => r.html).join('\n')}
</tbody></table>
${flagsHtml}
<h2>如何核验</h2>
<p>解压后在同一目录运行 <code>sha256sum -c SHA256SUMS</code>（Windows：<code>certutil -hashfile 文件 SHA256</code> 逐个比对）。每份原始文件的 SHA-256 与上表一致，即说明文件自存入以来未被改动。manifest.json 含每条账本记录及其哈希。</p>
<p><small>本目录由协商 Xieshang 根据用户记录生成，不构成法律意见。</small></p>
</body></html>
`;
}
