#!/usr/bin/env node
// `npm run build`: compiles the Node side (src → dist/node, tsc emit: the sources are already
// ESM with .js import suffixes, so no bundler is needed) and builds the web app (Vite →
// dist/web). `npm pack` runs it (prepack), so the tarball holds only compiled JavaScript.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

rmSync('dist/node', { recursive: true, force: true });
run('npx', ['tsc', '-p', 'tsconfig.build.json']);
run('npx', ['vite', 'build', '--config', 'src/web/vite.config.ts', '--logLevel', 'warn']);
