import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Deps } from '../app/deps.js';
import { AppError, isAppError } from '../app/errors.js';
import { createDb, migrateToLatest, parseDbConfig, type DbConfig } from '../db/connect.js';
import { PRIVATE_DIR, tightenHome, usePrivateUmask } from '../node/home.js';
import { createVaultStore, nodeHost, randomIds, systemClock } from '../node/index.js';
import type { Host } from '../app/ports.js';
import { isDbError } from '../db/errors.js';
import { say, type CliContext } from './io.js';

export interface StoreOptions {
  home?: string;
  database?: string;
}

export interface OpenedDeps {
  deps: Deps;
  /** where the data lives, for messages: the SQLite file or the PostgreSQL URL without password */
  database: { kind: DbConfig['kind']; location: string };
  close(): Promise<void>;
}

/** Adds --home and --database to a command that uses the store. */
export function addStoreOptions(cmd: Command): Command {
  return cmd
    .option('--home <dir>', 'data directory (default $XIESHANG_HOME or ~/.xieshang)')
    .option(
      '--database <url>',
      'postgres://… or a SQLite file (default $DATABASE_URL or HOME/xieshang.db)',
    );
}

/** The data directory: --home, else XIESHANG_HOME, else ~/.xieshang. */
export function resolveHome(ctx: CliContext, opts: StoreOptions): string {
  const raw =
    opts.home ?? ctx.io.env['XIESHANG_HOME'] ?? join(ctx.io.env['HOME'] ?? homedir(), '.xieshang');
  return isAbsolute(raw) ? raw : resolve(ctx.io.cwd, raw);
}

export function resolveDbConfig(ctx: CliContext, opts: StoreOptions, home: string): DbConfig {
  const raw = opts.database ?? ctx.io.env['DATABASE_URL'];
  if (raw === undefined || raw === '') return { kind: 'sqlite', file: join(home, 'xieshang.db') };
  const config = parseDbConfig(raw);
  return config.kind === 'sqlite' && !isAbsolute(config.file)
    ? { kind: 'sqlite', file: resolve(ctx.io.cwd, config.file) }
    : config;
}

function describeDb(config: DbConfig): string {
  if (config.kind === 'sqlite') return config.file;
  try {
    const u = new URL(config.url);
    u.password = '';
    return u.toString();
  } catch {
    return 'postgres';
  }
}

const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EACCES',
  '28P01', // invalid password
  '28000', // no pg_hba entry
  '3D000', // database does not exist
  'SQLITE_CANTOPEN',
  'SQLITE_NOTADB',
  'SQLITE_READONLY',
]);

/** Connection and open failures become a user error naming the database, not a stack trace. */
function unavailable(e: unknown, where: string): unknown {
  if (isAppError(e) || isDbError(e)) return e;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !UNAVAILABLE.has(code)) return e;
  return new AppError(
    'database-unavailable',
    `cannot open the database ${where}: ${(e as Error).message}`,
    {
      field: 'database',
      cause: e,
      messageZh: `无法打开数据库 ${where}：${(e as Error).message}`,
    },
  );
}

/** Removes what killed processes left in the home (uploads, restores) and says so on stderr. */
async function sweepAtStartup(ctx: CliContext, home: string): Promise<void> {
  const { sweepStaleTemp } = await import('../node/stale-temp.js');
  const { describeSweep } = await import('../app/stale-temp.js');
  const said = describeSweep(await sweepStaleTemp(home));
  if (said !== null) ctx.io.stderr(`${ctx.lang === 'en' ? said.en : said.zh}\n`);
}

/**
 * Opens the data directory (creating it when missing) and its database, migrated to the latest
 * schema. The caller must close() it, also on error: see withDeps.
 */
export async function openDeps(ctx: CliContext, opts: StoreOptions = {}): Promise<OpenedDeps> {
  const home = resolveHome(ctx, opts);
  usePrivateUmask();
  await mkdir(home, { recursive: true, mode: PRIVATE_DIR });
  await sweepAtStartup(ctx, home);
  const config = resolveDbConfig(ctx, opts, home);
  const tightened = await tightenHome(home, config.kind === 'sqlite' ? config.file : undefined);
  if (tightened.length > 0)
    ctx.io.stderr(
      say(
        ctx,
        `注意：已收紧数据目录的权限，其他用户不能再读取（${tightened.length} 项，例如 ${tightened[0]}）。\n`,
        `Notice: tightened the data directory's permissions so other users cannot read it (${tightened.length} paths, e.g. ${tightened[0]}).\n`,
      ),
    );
  let db: ReturnType<typeof createDb>;
  try {
    db = createDb(config);
  } catch (e) {
    // better-sqlite3 throws plain TypeErrors (no code) for a missing directory or unreadable file.
    throw new AppError(
      'database-unavailable',
      `cannot open the database ${describeDb(config)}: ${(e as Error).message}`,
      {
        field: 'database',
        cause: e,
        messageZh: `无法打开数据库 ${describeDb(config)}：${(e as Error).message}`,
      },
    );
  }
  try {
    await migrateToLatest(db);
  } catch (e) {
    await db.destroy().catch(() => undefined);
    throw unavailable(e, describeDb(config));
  }
  return {
    deps: {
      db,
      clock: systemClock(),
      ids: randomIds(),
      home,
      vault: createVaultStore(home),
      ...nodeHost(),
    },
    database: { kind: config.kind, location: describeDb(config) },
    close: () => db.destroy(),
  };
}

/** The host ports alone, for work before the database opens (restore verifies the zip first). */
export function hostPorts(): Host {
  return nodeHost();
}

/** Runs `body` with open deps and always closes them. */
export async function withDeps<T>(
  ctx: CliContext,
  opts: StoreOptions,
  body: (deps: Deps, opened: OpenedDeps) => Promise<T>,
): Promise<T> {
  const opened = await openDeps(ctx, opts);
  try {
    return await body(opened.deps, opened);
  } finally {
    await opened.close();
  }
}
