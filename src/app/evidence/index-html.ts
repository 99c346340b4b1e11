// The export bundle's index.html: a printable chronological exhibit list (证据目录) with the
// contact log interleaved, the conduct flags and how to check the files. Every user-supplied
// string is escaped.
import { RELATION_ZH, shanghaiLocal, type ConductFlag } from '../../core/conduct/index.js';
import type { Instant, IsoDate } from '../../core/dates/index.js';
import type { LedgerEntry } from '../../core/ledger/index.js';
import type { Contact } from '../../db/repositories/contacts-repository.js';
import type { EvidenceItem } from '../../db/repositories/evidence-repository.js';
import type { Lender } from '../../db/types.js';
import { CHANNEL_ZH } from '../contacts.js';
import { EVIDENCE_KIND_ZH, HEAD_PREFIX_CHARS } from './evidence.js';

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

/** When an item was made (captured), else when it was added: its place in the exhibit list. */
export const itemTime = (e: EvidenceItem): Instant => e.capturedAt ?? e.addedAt;

const DIRECTION_ZH = { inbound: '对方联系我', outbound: '我联系对方' } as const;
const SEVERITY_ZH = { breach: '违规', warning: '需核实', note: '提示' } as const;

type Row = { at: Instant; html: string };

const e = escapeHtml;

function lenderNameOf(lenders: Map<string, Lender>): (id: string | null) => string {
  return (id) => {
    if (id === null) return '—';
    const l = lenders.get(id);
    return l === undefined ? id : l.brand ? `${l.name}（${l.brand}）` : l.name;
  };
}

/**
 * One row per exhibit, each with the contact it records; `exhibitsOf` gains each contact's
 * exhibit numbers, so the contact rows can point back (a reader finds the recording of a call and
 * the call of a recording).
 */
function exhibitRows(
  x: IndexInput,
  lenderName: (id: string | null) => string,
  exhibitsOf: Map<string, number[]>,
): Row[] {
  const contactAt = new Map(x.contacts.map((c) => [c.id, beijing(c.occurredAt)]));
  return x.files.map(({ item, path }, i) => {
    if (item.contactId !== null)
      exhibitsOf.set(item.contactId, [...(exhibitsOf.get(item.contactId) ?? []), i + 1]);
    const linked = item.contactId === null ? undefined : contactAt.get(item.contactId);
    const withdrawn = item.withdrawnAt
      ? `<br><b>已撤回</b>（${e(beijing(item.withdrawnAt))}）：${e(item.withdrawReason ?? '')}`
      : '';
    return {
      at: itemTime(item),
      html: `<tr class="ev${withdrawn ? ' withdrawn' : ''}"><td>证据 ${i + 1}${withdrawn}</td><td>${e(beijing(itemTime(item)))}${item.capturedAt === null ? '<br><small>（添加时间）</small>' : ''}</td><td>${e(EVIDENCE_KIND_ZH[item.kind])}</td><td>${e(lenderName(item.lenderId))}</td><td>${e(item.description ?? '')}<br><small>原文件名：${e(item.originalName)}（${e(item.mediaType)}，${item.sizeBytes} 字节）${linked === undefined ? '' : `<br>关联联系记录：${e(linked)}`}</small></td><td><a href="${e(encodeURI(path))}">${e(path)}</a><br><code>${item.sha256}</code></td></tr>`,
    };
  });
}

/** One row per logged contact: who, what was asked and offered, and the exhibits recording it. */
function contactRow(
  c: Contact,
  lenderName: (id: string | null) => string,
  exhibits: readonly number[],
): Row {
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
  return {
    at: c.occurredAt,
    html: `<tr class="ct"><td>联系记录</td><td>${e(beijing(c.occurredAt))}</td><td>${e(CHANNEL_ZH[c.channel] ?? c.channel)}，${e(DIRECTION_ZH[c.direction] ?? c.direction)}</td><td>${e(lenderName(c.lenderId))}</td><td colspan="2">${parts.join('<br>')}</td></tr>`,
  };
}

/** Exhibits and contacts in one list, oldest first. */
function chronologicalRows(x: IndexInput): Row[] {
  const lenderName = lenderNameOf(x.lenders);
  const exhibitsOf = new Map<string, number[]>();
  const rows = exhibitRows(x, lenderName, exhibitsOf);
  for (const c of x.contacts) rows.push(contactRow(c, lenderName, exhibitsOf.get(c.id) ?? []));
  return rows.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

function filterText(filter: IndexInput['filter']): string {
  return [
    filter.lender ? `出借机构：${e(filter.lender.name)}` : '',
    filter.from ? `自 ${filter.from}` : '',
    filter.to ? `至 ${filter.to}` : '',
  ]
    .filter(Boolean)
    .join('，');
}

function flagsHtml(flags: readonly ConductFlag[]): string {
  return flags.length === 0
    ? ''
    : `<h2>催收行为提示</h2><ul>${flags
        .map(
          (f) =>
            `<li><b>[${SEVERITY_ZH[f.severity]}] ${e(f.titleZh)}</b>：${e(f.messageZh)}<br><small>依据：${e(f.sources.map((s) => `${s.citeZh}（可信度 ${s.certainty}）`).join('；'))}${f.channels.length ? `；投诉渠道：${e(f.channels.map((c) => c.nameZh).join('、'))}` : ''}</small></li>`,
        )
        .join('')}</ul>`;
}

/** The printable exhibit list; every user-supplied string is escaped. */
export function renderIndexHtml(x: IndexInput): string {
  const rows = chronologicalRows(x);
  const range = filterText(x.filter);
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
<p>${x.caseTitle ? `案件：${e(x.caseTitle)}<br>` : ''}生成时间：${e(beijing(x.generatedAt))}（北京时间）${range ? `<br>范围：${range}` : ''}</p>
<p>共 ${x.files.length} 份证据、${x.contacts.length} 条联系记录。账本共 ${x.count} 条，头哈希：<code>${x.head?.hash ?? '—'}</code></p>
<p class="head">账本头：<b>${x.head?.seq ?? 0}:${(x.head?.hash ?? '0'.repeat(64)).slice(0, HEAD_PREFIX_CHARS)}</b>（第 ${x.head?.seq ?? 0} 条，哈希前 ${HEAD_PREFIX_CHARS} 位）。请把这一行另存一份（拍照、发给自己或随信寄出）：日后运行 <code>xieshang evidence verify --against ${x.head?.seq ?? 0}:${(x.head?.hash ?? '0'.repeat(64)).slice(0, HEAD_PREFIX_CHARS)}</code>，即可证明此前的记录没有被改写。</p>
<table><thead><tr><th>编号</th><th>时间（北京时间）</th><th>类别</th><th>出借机构</th><th>内容</th><th>文件 / SHA-256</th></tr></thead><tbody>
${rows.map((r) => r.html).join('\n')}
</tbody></table>
${flagsHtml(x.flags)}
<h2>如何核验</h2>
<p>解压后在同一目录运行 <code>sha256sum -c SHA256SUMS</code>（Windows：<code>certutil -hashfile 文件 SHA256</code> 逐个比对）。每份原始文件的 SHA-256 与上表一致，即说明文件自存入以来未被改动。manifest.json 含每条账本记录及其哈希。</p>
<p><small>本目录由协商 Xieshang 根据用户记录生成，不构成法律意见。</small></p>
</body></html>
`;
}
