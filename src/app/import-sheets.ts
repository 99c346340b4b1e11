import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { extensionOf } from './file-names.js';
import type { FileStore } from './ports.js';
import { AppError } from './errors.js';
import { CsvSyntaxError, detectUtf16, parseCsvRecords, type CsvRecord } from './csv.js';

/**
 * The read step of the spreadsheet import (docs/import.md): CSV (UTF-8, UTF-16 or GB18030) or
 * XLSX (after checking what it expands to) into rows keyed by their cleaned header.
 */

export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

/** Where the sheets are and how to read them (part of ImportOptions). */
export interface ReadSheetsOptions {
  file: string;
  paymentsFile?: string;
  /** the directory relative file names are read from (default: the host's working directory) */
  cwd?: string;
  encoding?: string;
  /** test seam: the expansion limit for .xlsx (default MAX_XLSX_EXPANDED_BYTES) */
  maxXlsxExpandedBytes?: number;
}

export interface SheetRow {
  line: number;
  values: Record<string, string>;
}

export interface Sheet {
  file: string;
  headers: string[];
  rows: SheetRow[];
}

/** What the read step hands the validation: the debts sheet and the optional fees/payments one. */
export interface ImportSheets {
  debts: Sheet;
  details: Sheet | null;
}

export function inputError(field: string, en: string, zh: string, details?: unknown): AppError {
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
  opts: ReadSheetsOptions,
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
