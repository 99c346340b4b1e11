// Private by default: whatever the umask, the home, the vault, the SQLite file with its WAL/SHM,
// and the zips the product writes belong to their owner only; a home left open by an earlier
// version is tightened on start, with a notice.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tightenHome } from '../src/node/home.js';
import { openDeps } from '../src/cli/deps.js';
import { runCli } from './cli-harness.js';

const mode = (p: string) => statSync(p).mode & 0o777;

let dir: string;
let umask: number;
beforeAll(() => {
  // the loosest umask there is: everything would be world-readable (and writable) by default
  umask = process.umask(0o000);
  dir = mkdtempSync(join(tmpdir(), 'xs-private-'));
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'call.m4a'), Buffer.alloc(5_000, 7));
});
afterAll(() => {
  process.umask(umask);
  rmSync(dir, { recursive: true, force: true });
});

const run = (home: string, ...argv: string[]) =>
  runCli(argv, { env: { XIESHANG_HOME: home, HOME: dir }, cwd: dir });

describe('files the product writes are private whatever the umask', () => {
  it('home, vault, database, WAL/SHM, backup and evidence zips: 0700 / 0600', async () => {
    process.umask(0o000);
    const home = join(dir, 'home');
    expect((await run(home, 'lender', 'add', '某某花', '--type', 'consumer-finance')).code).toBe(0);
    const add = await run(home, 'evidence', 'add', 'call.m4a', '--kind', 'call-recording');
    expect(add.code, add.err).toBe(0);
    expect(mode(home)).toBe(0o700);
    expect(mode(join(home, 'vault'))).toBe(0o700);
    expect(mode(join(home, 'xieshang.db'))).toBe(0o600);
    const objects = join(home, 'vault', 'objects');
    for (const shard of readdirSync(objects)) {
      expect(mode(join(objects, shard))).toBe(0o700);
      for (const f of readdirSync(join(objects, shard)))
        expect(mode(join(objects, shard, f)) & 0o077).toBe(0);
    }

    // WAL and SHM exist while the database is open
    process.umask(0o000);
    const opened = await openDeps(
      {
        io: { env: { XIESHANG_HOME: home }, cwd: dir, stdout: () => {}, stderr: () => {} },
      } as never,
      {},
    );
    try {
      await opened.deps.db.selectFrom('cases').selectAll().execute();
      for (const f of ['xieshang.db-wal', 'xieshang.db-shm']) {
        expect(existsSync(join(home, f)), f).toBe(true);
        expect(mode(join(home, f)), f).toBe(0o600);
      }
    } finally {
      await opened.close();
    }

    process.umask(0o000);
    const backup = await run(home, 'backup', join(dir, 'case-backup.zip'));
    expect(backup.code, backup.err).toBe(0);
    expect(mode(join(dir, 'case-backup.zip'))).toBe(0o600);
    process.umask(0o000);
    const exp = await run(home, 'evidence', 'export', join(dir, 'bundle.zip'));
    expect(exp.code, exp.err).toBe(0);
    expect(mode(join(dir, 'bundle.zip'))).toBe(0o600);
  });

  it('tightens a home an earlier version left open, and says so', async () => {
    process.umask(0o022);
    const home = join(dir, 'old-home');
    expect((await run(home, 'lender', 'add', '某某花', '--type', 'consumer-finance')).code).toBe(0);
    // as an earlier version (umask 022) left it
    chmodSync(home, 0o755);
    mkdirSync(join(home, 'vault', 'objects', 'ab'), { recursive: true, mode: 0o755 });
    chmodSync(join(home, 'vault'), 0o755);
    writeFileSync(join(home, 'vault', 'objects', 'ab', 'cd'), 'x', { mode: 0o444 });
    chmodSync(join(home, 'vault', 'objects', 'ab', 'cd'), 0o444);
    chmodSync(join(home, 'xieshang.db'), 0o644);

    const r = await run(home, 'lender', 'list');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('已收紧数据目录的权限');
    expect(mode(home)).toBe(0o700);
    expect(mode(join(home, 'vault'))).toBe(0o700);
    expect(mode(join(home, 'vault', 'objects', 'ab'))).toBe(0o700);
    expect(mode(join(home, 'vault', 'objects', 'ab', 'cd'))).toBe(0o400); // read-only stays so
    expect(mode(join(home, 'xieshang.db'))).toBe(0o600);

    // nothing left to do: no notice the next time
    const again = await run(home, 'lender', 'list');
    expect(again.err).not.toContain('已收紧');
    expect(await tightenHome(home, join(home, 'xieshang.db'))).toEqual([]);
  });
});
