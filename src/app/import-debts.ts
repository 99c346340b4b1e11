import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Kysely } from 'kysely';
import type { FieldIssue, IssueCode } from '../core/result.js';
import type { Instant, IsoDate } from '../core/dates/index.js';
import { createDebtRepository } from '../db/repositories/debt-repository.js';
import { createEventRepository } from '../db/repositories/event-repository.js';
import { createLenderRepository } from '../db/repositories/lender-repository.js';
import type { Database } from '../db/schema.js';
import type { CaseId, Debt, DebtFee, DebtPayment, Lender } from '../db/types.js';
import type { Deps } from './deps.js';
import {
  parseDebtInput,
  parseFee,
  parsePayment,
  type DebtDraft,
  type RawInput,
} from './debt-input.js';
import { draftToDebt } from './debts.js';
import { todayIn } from './today.js';
import { extensionOf } from './file-names.js';
import type { FileStore } from './ports.js';
import { AppError, issueMessageZh } from './errors.js';
import { CsvSyntaxError, detectUtf16, parseCsvRecords, type CsvRecord } from './csv.js';
import { findLender } from './lenders.js';
import { writeWithinCaseTotal } from './case-limits.js';

/**
 * Spreadsheet import (docs/import.md): sheet 1 / the main CSV has one row per loan; sheet 2 / the
 * --payments CSV has one row per dated fee or payment, linked by 合同编号. Three steps, each its
 * own function: read the sheets (`readImportSheets`: CSV or XLSX into rows keyed by header),
 * validate the rows (`validateImport`: pure, every problem collected with its line and column),
 * write what passed (`writeImport`: one transaction, one batch writer). All-or-nothing unless
 * skipInvalid.
 */

export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

/** Chinese (and English) column headers → debt input keys. */
export const DEBT_COLUMNS: Record<string, string> = {
  出借方: 'lender',
  出借机构: 'lender',
  机构名称: 'lender',
  机构类型: 'lenderType',
  品牌: 'lenderBrand',
  App: 'lenderBrand',
  '品牌/App': 'lenderBrand',
  平台: 'lenderBrand',
  债务类型: 'kind',
  合同编号: 'contractNumber',
  借据号: 'contractNumber',
  合同日期: 'contractDate',
  借款日期: 'contractDate',
  放款日期: 'contractDate',
  合同金额: 'principal',
  借款金额: 'principal',
  实际到账: 'received',
  到账金额: 'received',
  币种: 'currency',
  利率: 'rate',
  合同利率: 'rate',
  还款方式: 'scheduleMethod',
  期数: 'termMonths',
  首期还款日: 'firstDueDate',
  每期应还: 'installment',
  罚息利率: 'penaltyRate',
  违约条款: 'penaltyTerms',
  罚息条款: 'penaltyTerms',
  违约金: 'liquidatedDamages',
  是否上征信: 'creditReported',
  上征信: 'creditReported',
  状态: 'status',
  当前欠款: 'balance',
  剩余欠款: 'balance',
  欠款日期: 'balanceDate',
  逾期金额: 'overdue',
  逾期开始日: 'overdueSince',
  催收方: 'collector',
  备注: 'notes',
};

export const DETAIL_COLUMNS: Record<string, string> = {
  合同编号: 'contractNumber',
  借据号: 'contractNumber',
  类型: 'type',
  日期: 'date',
  金额: 'amount',
  收取方式: 'timing',
  备注: 'note',
};

const PAYMENT_WORDS = new Set(['还款', '已还', '还款金额', 'payment']);

export interface RejectedRow {
  file: string;
  /** 1-based line (CSV) or row (XLSX) number */
  line: number;
  /** the column header as written in the file, or '' for the whole row */
  column: string;
  field: string;
  code: string;
  message: string;
  messageZh: string;
}

export interface ImportProgress {
  phase: 'read' | 'validate' | 'write' | 'done';
  done: number;
  total: number;
}

export interface ImportResult {
  debts: number;
  fees: number;
  payments: number;
  lendersCreated: number;
  rejected: RejectedRow[];
  ignoredColumns: string[];
}

export interface ImportOptions {
  file: string;
  paymentsFile?: string;
  /** the directory relative file names are read from (default: the host's working directory) */
  cwd?: string;
  skipInvalid?: boolean;
  encoding?: string;
  onProgress?: (p: ImportProgress) => void;
  /** test seam: the expansion limit for .xlsx (default MAX_XLSX_EXPANDED_BYTES) */
  maxXlsxExpandedBytes?: number;
}

interface SheetRow {
  line: number;
  values: Record<string, string>;
}

interface Sheet {
  file: string;
  headers: string[];
  rows: SheetRow[];
}

/** What the read step hands the validation: the debts sheet and the optional fees/payments one. */
export interface ImportSheets {
  debts: Sheet;
  details: Sheet | null;
}

function inputError(field: string, en: string, zh: string, details?: unknown): AppError {
  return new AppError('invalid-input', en, {
    field,
    messageZh: zh,
    ...(details === undefined ? {} : { details }),
  });
}

/** UTF-16 by its BOM (or NUL pattern); UTF-8 when the bytes are valid UTF-8 (BOM or not); otherwise GB18030, the superset of GBK that Chinese Excel writes. */
export function decodeText(buf: Buffer, encoding?: string): string {
  if (encoding !== undefined) {
    const enc = encoding.toLowerCase();
    if (!iconv.encodingExists(enc))
      throw inputError('encoding', `unknown encoding "${encoding}"`, `未知的编码“${encoding}”`);
    return iconv.decode(buf, enc).replace(/^\uFEFF/, '');
  }
  const utf16 = detectUtf16(buf);
  if (utf16 !== null) return iconv.decode(buf, utf16).replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    return iconv.decode(buf, 'gb18030');
  }
}

function cleanHeader(h: string): string {
  return (
    h
      .replace(/^\uFEFF/, '')
      .replace(/[\s*（(].*$/, '')
      .trim() || h.trim()
  );
}

/** Parses CSV text into rows keyed by header, with the file line of each record. */
export function parseCsvSheet(text: string, file: string): Sheet {
  let records: CsvRecord[];
  try {
    records = parseCsvRecords(text);
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    throw inputError(
      'file',
      `${file} line ${e.line}: not valid CSV (${e.message})`,
      `${file} 第 ${e.line} 行：不是有效的 CSV（${e.message === 'a quoted field is not closed' ? '引号未闭合' : '引号后有多余内容'}）`,
      { rows: [{ line: e.line, field: 'file', message: e.message }] },
    );
  }
  if (records.length === 0) throw inputError('file', `${file} is empty`, `${file} 是空文件`);
  const headers = records[0]!.fields.map(cleanHeader);
  const rows: SheetRow[] = [];
  for (const { fields, line } of records.slice(1)) {
    if (fields.every((c) => c.trim() === '')) continue;
    const values: Record<string, string> = {};
    headers.forEach((h, i) => {
      values[h] = (fields[i] ?? '').trim();
    });
    rows.push({ line, values });
  }
  return { file, headers, rows };
}

function cellText(v: ExcelJS.CellValue, where = ''): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'object') {
    if ('result' in v && v.result !== undefined)
      return cellText(v.result as ExcelJS.CellValue, where);
    if ('formula' in v || 'sharedFormula' in v)
      // a workbook written by a program (not saved by Excel/WPS) may keep formulas without their
      // computed values; guessing would import "[object Object]" or the formula text
      throw inputError(
        'file',
        `${where}: a formula cell without a saved value; open and save the file in Excel or WPS, or paste the formulas as values`,
        `${where}：公式单元格没有保存计算结果；请用 Excel 或 WPS 打开后保存，或把公式“粘贴为数值”`,
      );
    if ('richText' in v)
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('text' in v) return String(v.text).trim();
    if ('error' in v) return '';
    if ('hyperlink' in v) return String((v as { text?: unknown }).text ?? '').trim();
    return '';
  }
  return String(v);
}

function worksheetToSheet(ws: ExcelJS.Worksheet, file: string): Sheet {
  const headerRow = ws.getRow(1);
  const headers: string[] = [];
  headerRow.eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col - 1] = cleanHeader(cellText(cell.value, `${file} ${cell.address}`));
  });
  const rows: SheetRow[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values: Record<string, string> = {};
    headers.forEach((h, i) => {
      const cell = row.getCell(i + 1);
      values[h] = cellText(cell.value, `${file} ${cell.address}`);
    });
    if (Object.values(values).every((x) => x === '')) return;
    rows.push({ line: n, values });
  });
  return { file: `${file}#${ws.name}`, headers, rows };
}

/**
 * What an .xlsx may expand to. A workbook of debts is a few hundred KB of XML; a hostile one can
 * pack hundreds of MB of shared strings into a few hundred KB, and exceljs holds it all (1.4 GB for
 * 300 MB). Checked from the zip directory, then by inflating (streamed, counted) before exceljs.
 */
export const MAX_XLSX_EXPANDED_BYTES = 64 * 1024 * 1024;

async function checkXlsxExpansion(buf: Buffer, file: string, limit: number): Promise<void> {
  const { default: yauzl } = await import('yauzl');
  const tooBig = (what: string, bytes: number) =>
    inputError(
      'file',
      `${file}: ${what} expands to ${Math.ceil(bytes / 1024 / 1024)} MB, above the ${limit / 1024 / 1024} MB a debts workbook may use; save a copy with only the debts sheet, or export it as CSV`,
      `${file}：${what} 解压后约 ${Math.ceil(bytes / 1024 / 1024)} MB，超过债务表允许的 ${limit / 1024 / 1024} MB；请另存为只含债务工作表的文件，或导出为 CSV`,
    );
  let zip: import('yauzl').ZipFile;
  try {
    zip = await new Promise((res, rej) =>
      yauzl.fromBuffer(buf, { lazyEntries: true }, (e, z) => (e ? rej(e) : res(z))),
    );
  } catch (e) {
    throw inputError(
      'file',
      `${file}: not a readable XLSX workbook (${(e as Error).message})`,
      `${file}：无法读取的 XLSX 文件（${(e as Error).message}）`,
    );
  }
  const entries: import('yauzl').Entry[] = [];
  await new Promise<void>((res, rej) => {
    zip.on('entry', (e: import('yauzl').Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.on('end', res);
    zip.on('error', rej);
    zip.readEntry();
  }).catch((e: Error) => {
    throw inputError(
      'file',
      `${file}: damaged XLSX (${e.message})`,
      `${file}：XLSX 文件已损坏（${e.message}）`,
    );
  });
  let declared = 0;
  for (const e of entries) {
    declared += e.uncompressedSize;
    if (e.uncompressedSize > limit) throw tooBig(e.fileName, e.uncompressedSize);
  }
  if (declared > limit) throw tooBig('the workbook', declared);
  // The directory can lie: inflate each part once, counting; yauzl stops a part at its stated size.
  let actual = 0;
  for (const e of entries) {
    if (e.fileName.endsWith('/')) continue;
    const stream = await new Promise<NodeJS.ReadableStream>((res, rej) =>
      zip.openReadStream(e, (err, s) => (err ? rej(err) : res(s))),
    ).catch((err: Error) => {
      throw inputError(
        'file',
        `${file}: damaged XLSX (${err.message})`,
        `${file}：XLSX 文件已损坏（${err.message}）`,
      );
    });
    try {
      for await (const c of stream) {
        actual += (c as Buffer).length;
        if (actual > limit) throw tooBig('the workbook', actual);
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw inputError(
        'file',
        `${file}: damaged XLSX, ${e.fileName} (${(err as Error).message})`,
        `${file}：XLSX 文件已损坏，${e.fileName}（${(err as Error).message}）`,
      );
    }
  }
}

/** Loads an .xlsx after checking what it expands to. */
async function loadWorkbook(buf: Buffer, file: string, limit: number): Promise<ExcelJS.Workbook> {
  await checkXlsxExpansion(buf, file, limit);
  const wb = await newWorkbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw inputError(
      'file',
      `${file}: not a readable XLSX workbook (${(e as Error).message})`,
      `${file}：无法读取的 XLSX 文件（${(e as Error).message}）`,
    );
  }
  return wb;
}

/** exceljs is large; load it only for .xlsx files. */
async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const mod = (await import('exceljs')).default;
  return new mod.Workbook();
}

async function readInputFile(files: FileStore, path: string): Promise<Buffer> {
  let size: number;
  try {
    const s = await files.stat(path);
    if (s === null) throw new Error('missing');
    size = s.size;
  } catch {
    throw new AppError('file-not-found', `file not found or not readable: ${path}`, {
      field: 'file',
      messageZh: `找不到或无法读取文件：${path}`,
    });
  }
  if (size > MAX_IMPORT_BYTES)
    throw new AppError(
      'input-too-large',
      `${path} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
      { field: 'file', messageZh: `${path} 超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB 上限` },
    );
  return files.readFile(path);
}

/** Reads the main sheet and the optional detail sheet from CSV or XLSX files. */
export async function readImportSheets(
  files: FileStore,
  opts: Pick<ImportOptions, 'file' | 'paymentsFile' | 'cwd' | 'encoding' | 'maxXlsxExpandedBytes'>,
): Promise<ImportSheets> {
  const abs = (p: string) => files.resolve(opts.cwd ?? '', p);
  const main = abs(opts.file);
  const buf = await readInputFile(files, main);
  let debts: Sheet;
  let details: Sheet | null = null;
  const xlsxLimit = opts.maxXlsxExpandedBytes ?? MAX_XLSX_EXPANDED_BYTES;
  if (extensionOf(main) === '.xlsx') {
    const wb = await loadWorkbook(buf, opts.file, xlsxLimit);
    const sheets = wb.worksheets;
    if (sheets.length === 0)
      throw inputError('file', `${opts.file} has no worksheet`, `${opts.file} 没有工作表`);
    debts = worksheetToSheet(sheets[0]!, opts.file);
    if (sheets.length > 1 && sheets[1]!.rowCount > 1)
      details = worksheetToSheet(sheets[1]!, opts.file);
  } else {
    debts = parseCsvSheet(decodeText(buf, opts.encoding), opts.file);
  }
  if (opts.paymentsFile !== undefined) {
    const p = abs(opts.paymentsFile);
    const pbuf = await readInputFile(files, p);
    if (extensionOf(p) === '.xlsx') {
      const wb = await loadWorkbook(pbuf, opts.paymentsFile, xlsxLimit);
      details = worksheetToSheet(wb.worksheets[0]!, opts.paymentsFile);
    } else details = parseCsvSheet(decodeText(pbuf, opts.encoding), opts.paymentsFile);
  }
  return { debts, details };
}

function mapColumns(
  sheet: Sheet,
  columns: Record<string, string>,
  required: string[],
): { keyOf: Map<string, string>; ignored: string[] } {
  const keyOf = new Map<string, string>();
  const ignored: string[] = [];
  const known = new Set(Object.values(columns));
  for (const h of sheet.headers) {
    if (h === '' || h === undefined) continue;
    const key = columns[h] ?? (known.has(h) ? h : undefined);
    if (key === undefined) ignored.push(h);
    else keyOf.set(h, key);
  }
  const have = new Set(keyOf.values());
  const missing = required.filter((k) => !have.has(k));
  if (missing.length > 0) {
    const names = missing.map((k) => Object.entries(columns).find(([, v]) => v === k)?.[0] ?? k);
    throw inputError(
      'file',
      `${sheet.file}: missing column(s) ${names.join(', ')} (see docs/import.md)`,
      `${sheet.file}：缺少列 ${names.join('、')}（见 docs/import.md）`,
      { missing: names },
    );
  }
  return { keyOf, ignored };
}

function toRejected(
  sheet: Sheet,
  line: number,
  keyOf: Map<string, string>,
  i: FieldIssue,
): RejectedRow {
  const base = i.field.replace(/^.*\./, '').replace(/\[\d+\]$/, '');
  let column = '';
  for (const [h, k] of keyOf) if (k === base) column = h;
  return {
    file: sheet.file,
    line,
    column,
    field: i.field,
    code: i.code,
    message: i.message,
    messageZh: issueMessageZh(i),
  };
}

type FeeDraft = NonNullable<DebtDraft['fees']>[number];
type PaymentDraft = NonNullable<DebtDraft['payments']>[number];

interface ValidDebtRow {
  line: number;
  draft: DebtDraft;
  fees: FeeDraft[];
  payments: PaymentDraft[];
}

/** What passed validation, ready to write; `rejected` lists every problem found. */
export interface ValidatedImport {
  debts: ValidDebtRow[];
  /** fees and payments for debts already in the case, by contract number */
  forStored: { contractNumber: string; fees: FeeDraft[]; payments: PaymentDraft[] }[];
  rejected: RejectedRow[];
  ignoredColumns: string[];
  /** rows read, both sheets */
  rows: number;
}

/** What validation needs to know about the case: the contract numbers already in it. */
export interface ImportContext {
  today: IsoDate;
  existing: ReadonlySet<string>;
}

/** Validates and writes an import; see the module comment. Never writes anything on rejection unless skipInvalid. */
export async function importDebtsFromFile(
  deps: Deps,
  caseId: CaseId,
  opts: ImportOptions,
): Promise<ImportResult> {
  const progress = opts.onProgress ?? (() => undefined);
  progress({ phase: 'read', done: 0, total: 1 });
  const sheets = await readImportSheets(deps.files, opts);
  return importDebtSheets(deps, caseId, sheets, opts);
}

/** Validates read sheets against the case, refuses (or with skipInvalid skips) bad rows, writes. */
export async function importDebtSheets(
  deps: Deps,
  caseId: CaseId,
  sheets: ImportSheets,
  opts: Pick<ImportOptions, 'skipInvalid' | 'onProgress'>,
): Promise<ImportResult> {
  const progress = opts.onProgress ?? (() => undefined);
  const context: ImportContext = {
    today: todayIn(deps),
    existing: await createDebtRepository(deps.db).contractNumbers(caseId),
  };
  const valid = validateImport(sheets, context, (done, total) =>
    progress({ phase: 'validate', done, total }),
  );
  if (valid.rejected.length > 0 && opts.skipInvalid !== true) throw refusal(valid.rejected);
  const written = await writeImport(deps, caseId, valid, (done, total) =>
    progress({ phase: 'write', done, total }),
  );
  progress({ phase: 'done', done: valid.rows, total: valid.rows });
  return { ...written, rejected: valid.rejected, ignoredColumns: valid.ignoredColumns };
}

function refusal(rejected: RejectedRow[]): AppError {
  const rows = rejected.map((r) => ({
    line: r.line,
    field: r.column || r.field,
    message: r.message,
    messageZh: r.messageZh,
    file: r.file,
    code: r.code,
  }));
  return new AppError(
    'invalid-input',
    `${rejected.length} problem(s) in the import; nothing was imported`,
    {
      field: 'file',
      messageZh: `导入文件有 ${rejected.length} 处问题，未导入任何数据（--skip-invalid 可跳过问题行）`,
      details: { rows },
    },
  );
}

function conflict(message: string, messageZh: string): FieldIssue {
  return { code: 'conflict', field: 'contractNumber', message, messageZh };
}

/**
 * Validates every row of both sheets (pure: no IO). A debt row must parse and carry a contract
 * number seen neither earlier in the file nor in the case; a detail row must parse and name a
 * debt of this file that passed, or one already stored. `tick(done, total)` every 500 rows.
 */
export function validateImport(
  sheets: ImportSheets,
  context: ImportContext,
  tick: (done: number, total: number) => void = () => undefined,
): ValidatedImport {
  const debtCols = mapColumns(sheets.debts, DEBT_COLUMNS, ['lender', 'principal']);
  const detailCols =
    sheets.details === null
      ? null
      : mapColumns(sheets.details, DETAIL_COLUMNS, ['contractNumber', 'date', 'amount']);
  const rows = sheets.debts.rows.length + (sheets.details?.rows.length ?? 0);
  let done = 0;
  const counted = () => {
    done += 1;
    if (done % 500 === 0) tick(done, rows);
  };
  const debts = validateDebtRows(sheets.debts, debtCols.keyOf, context, counted);
  const details =
    sheets.details === null || detailCols === null
      ? { forStored: [], rejected: [] }
      : validateDetailRows(sheets.details, detailCols.keyOf, debts, context, counted);
  return {
    debts: debts.valid,
    forStored: details.forStored,
    rejected: [...debts.rejected, ...details.rejected],
    ignoredColumns: [...debtCols.ignored, ...(detailCols?.ignored ?? [])],
    rows,
  };
}

interface DebtRowsChecked {
  valid: ValidDebtRow[];
  rejected: RejectedRow[];
  byContract: Map<string, ValidDebtRow>;
  /** contract number → the line of its rejected debt row */
  badContracts: Map<string, number>;
}

function validateDebtRows(
  sheet: Sheet,
  keyOf: Map<string, string>,
  context: ImportContext,
  counted: () => void,
): DebtRowsChecked {
  const out: DebtRowsChecked = {
    valid: [],
    rejected: [],
    byContract: new Map(),
    badContracts: new Map(),
  };
  const seenLine = new Map<string, number>();
  for (const row of sheet.rows) {
    counted();
    const raw: RawInput = {};
    for (const [h, k] of keyOf)
      if (row.values[h] !== undefined && row.values[h] !== '') raw[k] = row.values[h];
    const { draft, issues } = parseDebtInput(raw, { mode: 'create', today: context.today });
    const cn = draft.contractNumber ?? null;
    if (cn !== null) {
      const prev = seenLine.get(cn);
      if (prev !== undefined)
        issues.push(
          conflict(
            `contractNumber: "${cn}" repeats line ${prev}`,
            `合同编号“${cn}”与第 ${prev} 行重复`,
          ),
        );
      else if (context.existing.has(cn))
        issues.push(
          conflict(
            `contractNumber: "${cn}" is already in this case`,
            `合同编号“${cn}”已在本案件中`,
          ),
        );
      else seenLine.set(cn, row.line);
    }
    if (issues.length > 0) {
      for (const i of issues) out.rejected.push(toRejected(sheet, row.line, keyOf, i));
      if (cn !== null && !out.badContracts.has(cn)) out.badContracts.set(cn, row.line);
      continue;
    }
    const v: ValidDebtRow = { line: row.line, draft, fees: [], payments: [] };
    out.valid.push(v);
    if (cn !== null) out.byContract.set(cn, v);
  }
  return out;
}

/** Details link by contract number to a debt row of this import or a debt already stored. */
function validateDetailRows(
  sheet: Sheet,
  keyOf: Map<string, string>,
  debts: DebtRowsChecked,
  context: ImportContext,
  counted: () => void,
): Pick<ValidatedImport, 'forStored' | 'rejected'> {
  const rejected: RejectedRow[] = [];
  const stored = new Map<string, ValidatedImport['forStored'][number]>();
  const storedDebt = (contractNumber: string) => {
    let s = stored.get(contractNumber);
    if (s === undefined)
      stored.set(contractNumber, (s = { contractNumber, fees: [], payments: [] }));
    return s;
  };
  for (const row of sheet.rows) {
    counted();
    const get = (k: string) => {
      for (const [h, key] of keyOf) if (key === k) return row.values[h] ?? '';
      return '';
    };
    const issues: FieldIssue[] = [];
    const cn = get('contractNumber');
    const type = get('type');
    const isPayment = type === '' || PAYMENT_WORDS.has(type);
    const fields = { amount: get('amount'), date: get('date'), note: get('note') };
    const parsed = isPayment
      ? parsePayment(fields, 'payment', issues, context.today)
      : parseFee({ ...fields, kind: type, timing: get('timing') }, 'fee', issues, context.today);
    const target = linkDetail(cn, debts, context, issues);
    if (issues.length > 0 || parsed === undefined || target === undefined) {
      for (const i of issues)
        rejected.push(
          toRejected(sheet, row.line, keyOf, {
            ...i,
            field: i.field.replace(/^(payment|fee)\./, ''),
          }),
        );
      continue;
    }
    const owner = target === 'stored' ? storedDebt(cn) : target;
    if (isPayment) owner.payments.push(parsed as PaymentDraft);
    else owner.fees.push(parsed as FeeDraft);
  }
  return { forStored: [...stored.values()], rejected };
}

/** The debt a detail row belongs to: a row of this import, 'stored', or undefined (issue added). */
function linkDetail(
  cn: string,
  debts: DebtRowsChecked,
  context: ImportContext,
  issues: FieldIssue[],
): ValidDebtRow | 'stored' | undefined {
  const issue = (code: IssueCode, message: string, messageZh: string) => {
    issues.push({ code, field: 'contractNumber', message, messageZh });
    return undefined;
  };
  if (cn === '') return issue('invalid-input', 'contractNumber: is required', '合同编号：必填');
  const target = debts.byContract.get(cn);
  if (target !== undefined) return target;
  const bad = debts.badContracts.get(cn);
  if (bad !== undefined)
    return issue(
      'invalid-input',
      `contractNumber: its debt (line ${bad}) was rejected`,
      `合同编号对应的债务（第 ${bad} 行）未通过校验`,
    );
  if (context.existing.has(cn)) return 'stored';
  return issue(
    'not-found',
    `contractNumber: "${cn}" is not a debt in this file or case`,
    `合同编号“${cn}”不在本文件或本案件中`,
  );
}

/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const BATCH_ROWS = 2000;

/**
 * Writes a validated import in ONE transaction (within the case's money limit): lenders found or
 * created, then debts, fees and payments through one batch writer, then the event.
 * `onWritten(done, total)` after each batch.
 */
async function writeImport(
  deps: Deps,
  caseId: CaseId,
  valid: ValidatedImport,
  onWritten: (done: number, total: number) => void,
): Promise<Pick<ImportResult, 'debts' | 'fees' | 'payments' | 'lendersCreated'>> {
  const now = deps.clock.now();
  const counts = { debts: 0, fees: 0, payments: 0, lendersCreated: 0 };
  onWritten(0, valid.debts.length);
  await writeWithinCaseTotal(deps.db, caseId, 'case', async (trx) => {
    const lenders = await lenderCache(trx, caseId);
    const debts: Debt[] = [];
    const fees: DebtFee[] = [];
    const payments: DebtPayment[] = [];
    const attach = (debtId: Debt['id'], v: Pick<ValidDebtRow, 'fees' | 'payments'>) => {
      for (const f of v.fees) fees.push({ id: deps.ids.next(), caseId, debtId, ...f });
      for (const p of v.payments)
        payments.push({ id: deps.ids.next(), caseId, debtId, ...p, createdAt: now });
    };
    for (const v of valid.debts) {
      const lender = await lenders.resolve(deps, v.draft, now, () => (counts.lendersCreated += 1));
      const debt = draftToDebt(v.draft, { id: deps.ids.next(), caseId, lenderId: lender.id, now });
      debts.push(debt);
      attach(debt.id, v);
    }
    const repo = createDebtRepository(trx);
    for (const s of valid.forStored) {
      // looked up inside the transaction: the debt the validation saw is the one written to
      const debt = await repo.getByContractNumber(caseId, s.contractNumber);
      if (debt !== undefined) attach(debt.id, s);
    }
    const writer = batchWriter(debts.length + fees.length + payments.length, onWritten);
    await writer.write(debts, (b) => repo.insertMany(b));
    await writer.write(fees, (b) => repo.insertFees(b));
    await writer.write(payments, (b) => repo.insertPayments(b));
    await createEventRepository(trx).append({
      id: deps.ids.next(),
      caseId,
      at: now,
      actor: 'user',
      action: 'debt.import',
      subject: null,
      details: {
        debts: debts.length,
        fees: fees.length,
        payments: payments.length,
        rejected: valid.rejected.length,
      },
    });
    Object.assign(counts, { debts: debts.length, fees: fees.length, payments: payments.length });
  });
  return counts;
}

/** Inserts rows in BATCH_ROWS batches, reporting the running count over all tables. */
function batchWriter(total: number, onWritten: (done: number, total: number) => void) {
  let done = 0;
  return {
    async write<T>(rows: T[], insert: (batch: T[]) => Promise<void>): Promise<void> {
      for (let i = 0; i < rows.length; i += BATCH_ROWS) {
        const batch = rows.slice(i, i + BATCH_ROWS);
        await insert(batch);
        done += batch.length;
        onWritten(done, total);
      }
    },
  };
}

/** Finds lenders by name/brand once per import; creates missing ones (type from the row, else 'unknown'). */
async function lenderCache(trx: Kysely<Database>, caseId: CaseId) {
  const cache = new Map<string, Lender>();
  const repo = createLenderRepository(trx);
  return {
    async resolve(deps: Deps, d: DebtDraft, now: Instant, onCreate: () => void): Promise<Lender> {
      const name = d.lender!;
      const hit = cache.get(name);
      if (hit !== undefined) return hit;
      let lender = await findLender(trx, caseId, name);
      if (lender === undefined) {
        lender = await repo.insert({
          id: deps.ids.next(),
          caseId,
          name,
          brand: d.lenderBrand ?? null,
          lenderType: d.lenderType ?? 'unknown',
          channels: [],
          notes: null,
          createdAt: now,
        });
        onCreate();
      }
      cache.set(name, lender);
      return lender;
    },
  };
}
