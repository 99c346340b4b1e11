#!/usr/bin/env node
// The installed package runs the compiled JavaScript in dist/node. A checkout (src/ beside this
// file) runs the TypeScript sources through tsx, a dev dependency, so `npx xieshang` works right
// after `npm ci` with no stale build; XIESHANG_COMPILED=1 makes a checkout run dist/node too
// (after `npm run build`), as the start-up benchmark does. See docs/decisions/0003.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// `serve` is long-running and streams large uploads: a small young generation keeps its peak
// memory near its resting size (1 GiB upload: ~200 → ~150 MB); V8 reads it only at start-up,
// hence the re-exec. Other commands are short and keep the defaults.
const SERVE_FLAGS = ['--max-semi-space-size=1'];

/** The command word: the first argument that is not an option (nor the value of --lang). */
function commandOf(args) {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--lang') i += 1;
    else if (!args[i].startsWith('-')) return args[i];
  }
  return undefined;
}

const args = process.argv.slice(2);
if (commandOf(args) === 'serve' && !SERVE_FLAGS.every((f) => process.execArgv.includes(f))) {
  const child = spawn(
    process.execPath,
    [...process.execArgv, ...SERVE_FLAGS, fileURLToPath(import.meta.url), ...args],
    { stdio: 'inherit' },
  );
  // Ctrl+C reaches both processes; the server stops cleanly and this one exits with its code.
  for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => child.kill(s));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal === null ? 1 : 128);
  });
} else {
  const sources = new URL('../src/cli/main.ts', import.meta.url);
  const compiled = new URL('../dist/node/cli/main.js', import.meta.url);
  const fromSources = existsSync(sources) && process.env.XIESHANG_COMPILED !== '1';
  if (!fromSources && !existsSync(compiled)) {
    process.stderr.write(
      'xieshang: 尚未编译，请先运行 npm run build (not built yet: run `npm run build`)\n',
    );
    process.exit(2);
  }
  if (fromSources) (await import('tsx/esm/api')).register();
  const { main } = await import(fromSources ? sources.href : compiled.href);
  process.exitCode = await main(args);
}
