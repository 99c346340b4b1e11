// The pre-send check: every sentence of a document that states a fact must say which stored
// records it rests on (Block `sources`, `rowSources`, `itemSources`). Runs on every generated
// letter; the CLI and the web show what it finds, tests fail on it (assertEveryFactSourced).
import type { Block, Doc, SourceRef } from './model.js';

export interface SourceIssue {
  /** index of the block in doc.blocks */
  block: number;
  /** row or item index inside a table or list */
  row?: number;
  text: string;
  problem: 'unsourced' | 'empty-sources' | 'repeated-without-two' | 'evidence-not-attached';
  messageZh: string;
  message: string;
}

/**
 * Text that states something about this borrower's case: an amount, a calendar date, a count
 * of debts, contacts, creditors, installments or household members, or the word "多次".
 * Instructions, legal rules and blanks to fill in carry none of these.
 */
const FACT_PATTERNS: RegExp[] = [
  /¥\s?-?\d/,
  /\d{4}年\d{1,2}月\d{1,2}日/,
  /\d+\s?(?:笔|家|期|人|名|次)(?![日月])/,
  /多次/,
  /\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/,
  /\b\d+ (?:debts?|creditors?|installments?|members?|times|contacts?)\b/,
  /\brepeatedly\b/,
];

export function looksFactual(text: string): boolean {
  return FACT_PATTERNS.some((r) => r.test(text));
}

const CONTACT_PREFIX = 'contact:';

function check(
  out: SourceIssue[],
  block: number,
  row: number | undefined,
  text: string,
  sources: SourceRef[] | undefined,
  opts: { hasEvidence: boolean },
): void {
  const { hasEvidence } = opts;
  const at = row === undefined ? {} : { row };
  if (sources !== undefined && sources.length === 0) {
    out.push({
      block,
      ...at,
      text,
      problem: 'empty-sources',
      messageZh: `事实语句没有任何记录依据：“${text.slice(0, 60)}”`,
      message: `fact sentence rests on no record: "${text.slice(0, 60)}"`,
    });
    return;
  }
  if (sources === undefined && looksFactual(text)) {
    out.push({
      block,
      ...at,
      text,
      problem: 'unsourced',
      messageZh: `这句话陈述了事实但没有标明依据哪条记录：“${text.slice(0, 60)}”`,
      message: `this sentence states a fact without naming its record: "${text.slice(0, 60)}"`,
    });
    return;
  }
  if (/多次|repeatedly/.test(text)) {
    const contacts = (sources ?? []).filter((s) => s.startsWith(CONTACT_PREFIX)).length;
    if (contacts < 2)
      out.push({
        block,
        ...at,
        text,
        problem: 'repeated-without-two',
        messageZh: `“多次”需要至少两条联系记录为依据：“${text.slice(0, 60)}”`,
        message: `"repeatedly" needs at least two logged contacts: "${text.slice(0, 60)}"`,
      });
  }
  if (/详见附件|see the attached/.test(text) && !hasEvidence)
    out.push({
      block,
      ...at,
      text,
      problem: 'evidence-not-attached',
      messageZh: `提到“详见附件”但没有附上任何证据：“${text.slice(0, 60)}”`,
      message: `refers to attached evidence but none is attached: "${text.slice(0, 60)}"`,
    });
}

/** In tables and lists an empty entry marks a row that states no fact (it is then pattern-checked). */
function nonEmpty(s: SourceRef[] | undefined): SourceRef[] | undefined {
  return s === undefined || s.length === 0 ? undefined : s;
}

function hasAttachedEvidence(doc: Doc): boolean {
  return doc.blocks.some((b) => b.kind === 'attachments' && b.items.length > 0);
}

/** Every problem the pre-send check finds; empty when each fact-bearing sentence is sourced. */
export function checkSources(doc: Doc): SourceIssue[] {
  const out: SourceIssue[] = [];
  const ev = hasAttachedEvidence(doc);
  doc.blocks.forEach((b: Block, i) => {
    switch (b.kind) {
      case 'paragraph':
        check(out, i, undefined, b.runs.map((r) => r.text).join(''), b.sources, {
          hasEvidence: ev,
        });
        break;
      case 'table':
        b.rows.forEach((r, j) =>
          check(out, i, j, r.join(' | '), nonEmpty(b.rowSources?.[j]), { hasEvidence: ev }),
        );
        break;
      case 'list':
        b.items.forEach((it, j) =>
          check(out, i, j, it.map((r) => r.text).join(''), nonEmpty(b.itemSources?.[j]), {
            hasEvidence: ev,
          }),
        );
        break;
      case 'heading':
      case 'signature':
      case 'attachments':
      case 'notice':
        break;
      default: {
        const never: never = b;
        throw new Error(`unknown block ${String(never)}`);
      }
    }
  });
  return out;
}

/** For tests: throws listing every unsourced fact sentence of the document. */
export function assertEveryFactSourced(doc: Doc): void {
  const issues = checkSources(doc);
  if (issues.length > 0)
    throw new Error(
      `${doc.title}: ${issues.length} fact sentence(s) without a source:\n` +
        issues
          .map((x) => `  [${x.block}${x.row === undefined ? '' : `.${x.row}`}] ${x.message}`)
          .join('\n'),
    );
}

/** Every record a document rests on, for display ("本文依据的记录"). */
export function sourcesOf(doc: Doc): SourceRef[] {
  const all = new Set<SourceRef>();
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') for (const s of b.sources ?? []) all.add(s);
    if (b.kind === 'table') for (const r of b.rowSources ?? []) for (const s of r) all.add(s);
    if (b.kind === 'list') for (const r of b.itemSources ?? []) for (const s of r) all.add(s);
  }
  return [...all];
}
