import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { Command } from 'commander';
import { backupKey, restoreBackup, verifyBackup, type SignatureStatus } from '../../app/backup.js';
import { AppError } from '../../app/errors.js';
import { addStoreOptions, hostPorts, resolveHome, withDeps, type StoreOptions } from '../deps.js';
import { say, type CliContext } from '../io.js';
import { action, printJson } from '../run-action.js';

const SIGNATURE_ZH: Record<SignatureStatus, string> = {
  valid: '签名有效：此备份由持有本数据目录备份密钥的协商 Xieshang 生成。',
  'unknown-key':
    '备份已签名，但此处没有签名所用的密钥（可用 --key 指定原数据目录的 backup.key）：内容完整，来源未证实。',
  unsigned: '备份没有签名：内容完整，来源未证实。',
};
const SIGNATURE_EN: Record<SignatureStatus, string> = {
  valid: 'Signature valid: made by Xieshang holding this home’s backup key.',
  'unknown-key':
    'Signed, but with a key not available here (pass the original home’s backup.key with --key): contents verified, origin not proven.',
  unsigned: 'Not signed: contents verified, origin not proven.',
};

async function readKey(ctx: CliContext, file: string): Promise<Buffer> {
  const path = isAbsolute(file) ? file : resolve(ctx.io.cwd, file);
  let hex: string;
  try {
    hex = (await readFile(path, 'utf8')).trim();
  } catch {
    throw new AppError('file-not-found', `--key: cannot read ${path}`, {
      field: 'key',
      messageZh: `--key：无法读取 ${path}`,
    });
  }
  if (!/^[0-9a-f]{64}$/.test(hex))
    throw new AppError('invalid-input', `--key: ${path} is not a backup key (64 hex)`, {
      field: 'key',
      messageZh: `--key：${path} 不是备份密钥（64 位十六进制）`,
    });
  return Buffer.from(hex, 'hex');
}

/** `xieshang restore FILE`: verifies every hash first, then restores into an empty home/database. */
export function registerRestore(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  addStoreOptions(
    program
      .command('restore <file>')
      .description('从备份 zip 恢复到空的数据目录或数据库（先校验全部哈希）(restore a backup)')
      .option('--key <file>', 'backup.key of the home that made the backup (checks its signature)'),
  ).action(
    action(ctx, setExit, async (file: string, o: StoreOptions & { key?: string }) => {
      // Verify before opening (or creating) anything at the target.
      const keys: Buffer[] = [];
      const host = hostPorts();
      const own = await backupKey(host, resolveHome(ctx, o));
      if (own !== null) keys.push(own);
      if (o.key !== undefined) keys.push(await readKey(ctx, o.key));
      const verified = await verifyBackup(
        host,
        isAbsolute(file) ? file : resolve(ctx.io.cwd, file),
        {
          keys,
        },
      );
      return withDeps(ctx, o, async (deps, opened) => {
        const r = await restoreBackup(deps, verified);
        const rows = Object.values(r.tables).reduce((a, b) => a + b, 0);
        const ledger = Object.values(verified.ledger).reduce((a, b) => a + b, 0);
        if (ctx.json)
          return printJson(ctx, {
            home: deps.home,
            database: opened.database,
            rows,
            tables: r.tables,
            vaultFiles: r.files,
            ledgerEntries: ledger,
            signature: verified.signature,
          });
        ctx.io.stdout(
          say(
            ctx,
            `已校验并恢复：${rows} 行数据、${r.files} 个证据文件，恢复到 ${opened.database.location}。证据账本 ${ledger} 条连贯，证据文件哈希一致。\n${SIGNATURE_ZH[verified.signature]}\n`,
            `Verified and restored ${rows} rows and ${r.files} vault files into ${opened.database.location}. The evidence ledger's ${ledger} entries link up and the evidence files match their hashes.\n${SIGNATURE_EN[verified.signature]}\n`,
          ),
        );
      });
    }),
  );
}
