// Import files as found in the wild: formula cells without saved values, a workbook that packs
// hundreds of MB of shared strings into a few hundred KB, UTF-16 CSV from Windows tools.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { detectUtf16 } from './csv.js';
import { readImportSheets } from './import-debts.js';
import { nodeFiles } from '../node/files.js';

const files = nodeFiles();

const FIXTURES = new URL('../../test/fixtures/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'xieshang-import-hostile-'));
const HEADER = ['出借方', '机构类型', '合同日期', '合同金额', '期数'];

async function workbook(name: string, fill: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('债务');
  ws.addRow(HEADER);
  fill(ws);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Replaces one part of a zip (the rest byte for byte). */
async function replacePart(src: string, dest: string, part: string, bytes: Buffer): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((res, rej) =>
    yauzl.open(src, { lazyEntries: true }, (e, z) => (e ? rej(e) : res(z))),
  );
  const out = new yazl.ZipFile();
  await new Promise<void>((res, rej) => {
    zip.on('entry', (e: yauzl.Entry) =>
      zip.openReadStream(e, async (err, s) => {
        if (err) return rej(err);
        const chunks: Buffer[] = [];
        for await (const c of s) chunks.push(c as Buffer);
        if (!e.fileName.endsWith('/'))
          out.addBuffer(e.fileName === part ? bytes : Buffer.concat(chunks), e.fileName);
        zip.readEntry();
      }),
    );
    zip.on('end', () => res());
    zip.readEntry();
  });
  out.end();
  const parts: Buffer[] = [];
  for await (const c of out.outputStream) parts.push(c as Buffer);
  writeFileSync(dest, Buffer.concat(parts));
}

describe('XLSX', () => {
  it('a formula cell without a saved value is refused by cell, not imported as "[object Object]"', async () => {
    const file = await workbook('formula.xlsx', (ws) => {
      ws.addRow([null, '消费金融', '2024-01-05', 10000, 12]);
      ws.getCell('A2').value = { formula: '"招联"&"消费金融"' } as ExcelJS.CellFormulaValue;
    });
    const r = await readImportSheets(files, { file }).catch((e: unknown) => e);
    expect(r).toMatchObject({ code: 'invalid-input', field: 'file' });
    expect((r as { messageZh: string }).messageZh).toContain('A2：公式单元格没有保存计算结果');
    expect(JSON.stringify(r)).not.toContain('[object Object]');
  });

  it('a formula with its saved value imports the value', async () => {
    const file = await workbook('formula-ok.xlsx', (ws) => {
      ws.addRow([null, '消费金融', '2024-01-05', 10000, 12]);
      ws.getCell('A2').value = { formula: '"招联"&"消费金融"', result: '招联消费金融' };
    });
    const { debts } = await readImportSheets(files, { file });
    expect(debts.rows[0]!.values['出借方']).toBe('招联消费金融');
  });

  it('a small workbook whose shared strings expand to 70 MB is refused before exceljs loads it', async () => {
    const small = await workbook('small.xlsx', (ws) =>
      ws.addRow(['招联', '消费金融', '2024-01-05', 1, 1]),
    );
    const si = '<si><t>招联消费金融有限公司招联消费金融有限公司</t></si>';
    const xml = Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${si.repeat(Math.ceil((70 * 1024 * 1024) / Buffer.byteLength(si)))}</sst>`,
    );
    const bomb = join(dir, 'strings-bomb.xlsx');
    await replacePart(small, bomb, 'xl/sharedStrings.xml', xml);
    expect(readFileSync(bomb).length).toBeLessThan(2 * 1024 * 1024);
    const rss = process.memoryUsage().rss;
    const r = await readImportSheets(files, { file: bomb }).catch((e: unknown) => e);
    expect(r).toMatchObject({ code: 'invalid-input', field: 'file' });
    expect((r as { messageZh: string }).messageZh).toMatch(
      /xl\/sharedStrings\.xml 解压后约 7\d MB，超过债务表允许的 64 MB/,
    );
    expect(process.memoryUsage().rss - rss).toBeLessThan(150 * 1024 * 1024);
  });

  it('the limit covers every part of the workbook (here lowered to 100 KB)', async () => {
    const file = await workbook('honest.xlsx', (ws) =>
      ws.addRow(['x'.repeat(200_000), '消费金融', '2024-01-05', 1, 1]),
    );
    const r = await readImportSheets(files, { file, maxXlsxExpandedBytes: 100_000 }).catch(
      (e: unknown) => e,
    );
    expect((r as { messageZh: string }).messageZh).toContain('超过债务表允许的');
  });
});

describe('UTF-16 CSV', () => {
  const text = readFileSync(join(FIXTURES, 'import-debts.csv'), 'utf8');
  const forms: [string, Buffer][] = [
    [
      'UTF-16LE with BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]),
    ],
    [
      'UTF-16BE with BOM',
      Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]),
    ],
    ['UTF-16LE without BOM', iconv.encode(text, 'utf-16le')],
  ];
  it.each(forms)('%s reads like the UTF-8 file', async (name, bytes) => {
    const utf8 = await readImportSheets(files, { file: join(FIXTURES, 'import-debts.csv') });
    const file = join(dir, `${name}.csv`);
    writeFileSync(file, bytes);
    const { debts } = await readImportSheets(files, { file });
    expect(debts.headers).toEqual(utf8.debts.headers);
    expect(debts.rows.map((r) => r.values)).toEqual(utf8.debts.rows.map((r) => r.values));
  });
  it('does not take UTF-8 or GBK for UTF-16', () => {
    expect(detectUtf16(Buffer.from(text))).toBeNull();
    expect(detectUtf16(iconv.encode(text, 'gbk'))).toBeNull();
  });
});
