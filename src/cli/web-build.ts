import { existsSync, readdirSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppError } from '../app/errors.js';
import { packageRoot } from './package-info.js';

/** The package root: a checkout (src/cli here) or the installed package (dist/node/cli). */
export const PROJECT_ROOT = packageRoot(import.meta.dirname);
export const WEB_SRC = join(PROJECT_ROOT, 'src', 'web');
export const WEB_DIST = join(PROJECT_ROOT, 'dist', 'web');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    if (/\.(test|typetest|db\.test)\.tsx?$/.test(name) || name === 'README.md') continue;
    const p = join(dir, name);
    const st = statSync(p);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(p) : st.mtimeMs);
  }
  return newest;
}

/** True when dist/web is missing or older than any file of src/web, src/contracts or src/core. */
export function isWebBuildStale(): boolean {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return true;
  if (!existsSync(WEB_SRC)) return false; // an installed package ships only dist
  const built = statSync(index).mtimeMs;
  const sources = [
    WEB_SRC,
    join(PROJECT_ROOT, 'src', 'contracts'),
    join(PROJECT_ROOT, 'src', 'core'),
  ];
  return sources.some((d) => existsSync(d) && newestMtime(d) > built);
}

/**
 * Builds the web app with Vite into dist/web, in a child process: the bundler (rolldown, native)
 * would otherwise stay in the server's memory for its whole life (~300 MB).
 */
export async function buildWeb(): Promise<void> {
  let viteBin: string;
  try {
    viteBin = join(
      dirname(createRequire(import.meta.url).resolve('vite/package.json')),
      'bin',
      'vite.js',
    );
  } catch (e) {
    throw new AppError(
      'internal',
      'the web app is not built and Vite is not installed: run `npm ci` (with dev dependencies)',
      {
        cause: e,
        messageZh: '网页尚未构建，且未安装 Vite：请先运行 npm ci（包含开发依赖）',
      },
    );
  }
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [viteBin, 'build', '--config', join(WEB_SRC, 'vite.config.ts'), '--logLevel', 'warn'],
      {
        cwd: PROJECT_ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0)
    throw new AppError('internal', `building the web app failed (vite exit code ${code})`, {
      messageZh: `网页构建失败（vite 退出码 ${code}）`,
    });
}
