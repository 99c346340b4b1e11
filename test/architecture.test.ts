// Layer boundaries from docs/style.md (Layers), checked by reading the import lines of every source file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../src/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx)$/.test(name) && !/\.(test|typetest)\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"`;]*?from\s+['"]([^'"]+)['"]/g))
    specs.push(m[1]!);
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]!);
  for (const m of text.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)) specs.push(m[1]!);
  return specs;
}

/** The layer a relative import lands in, or the package name of a bare import. */
function target(file: string, spec: string): { layer?: string; pkg?: string } {
  if (spec.startsWith('.')) {
    const abs = join(file, '..', spec);
    const rel = relative(SRC, abs);
    if (rel.startsWith('..')) return { layer: 'outside' };
    return { layer: rel.split('/')[0]! };
  }
  return { pkg: spec };
}

const ALLOWED_LAYERS: Record<string, string[]> = {
  core: ['core'],
  contracts: ['core', 'contracts'],
  documents: ['core', 'documents'],
  vault: ['core', 'vault'],
  db: ['core', 'db'],
  app: ['core', 'documents', 'vault', 'db', 'app'],
  // the Node adapters of app's ports (app/ports.ts); only composition roots build them
  node: ['core', 'app', 'db', 'vault', 'node'],
  // docs/style.md (Layers) forbids only `db` to the edges; documents/vault are pure enough to format with
  server: ['app', 'contracts', 'core', 'server', 'documents', 'vault'],
  cli: ['app', 'contracts', 'core', 'cli', 'server', 'documents', 'vault'],
  web: ['core', 'contracts', 'web'],
};

/**
 * Deliberate exceptions: every layer may use the one error catalogue (app/errors.ts); the composition
 * roots (cli/deps.ts, server/main.ts, the serve command) open the database and the vault and build
 * the Node adapters.
 */
function isException(layer: string, where: string, to: string, spec: string): boolean {
  if (to === 'app' && spec.endsWith('/errors.js')) return true;
  const root = /^(cli\/deps\.ts|server\/main\.ts|cli\/commands\/serve\.ts)$/.test(where);
  return (
    root &&
    (layer === 'cli' || layer === 'server') &&
    ['db', 'vault', 'documents', 'node'].includes(to)
  );
}

/** Use cases run on ports (app/ports.ts): no Node module and no database driver of their own. */
function appMayNotImport(pkg: string): boolean {
  return pkg.startsWith('node:') || ['better-sqlite3', 'pg', 'fs', 'path', 'crypto'].includes(pkg);
}

/** What is wrong with one import of one source file (src-relative path), as sentences. */
function problemsOf(layer: string, file: string, spec: string): string[] {
  const problems: string[] = [];
  const t = target(file, spec);
  const where = relative(SRC, file);
  if (
    t.layer &&
    !(ALLOWED_LAYERS[layer] ?? [layer]).includes(t.layer) &&
    !isException(layer, where, t.layer, spec)
  )
    problems.push(`${layer} must not import ${t.layer} (src/${where}: ${spec})`);
  if (t.pkg && layer === 'core') problems.push(`core must not import ${t.pkg} (src/${where})`);
  if (t.pkg && layer === 'web' && t.pkg.startsWith('node:'))
    problems.push(`web must not import ${t.pkg} (src/${where})`);
  if (t.pkg && layer === 'app' && appMayNotImport(t.pkg))
    problems.push(
      `app must not import ${t.pkg}: reach it through a port in app/ports.ts (src/${where})`,
    );
  if (t.pkg === 'docx' && !where.endsWith('render/docx.ts'))
    problems.push(`only documents/render/docx.ts may import docx (src/${where})`);
  if (t.pkg && (layer === 'documents' || layer === 'contracts') && t.pkg.startsWith('node:'))
    problems.push(`${layer} must not do IO: ${t.pkg} (src/${where})`);
  return problems;
}

describe('layer boundaries (docs/style.md, Layers)', () => {
  const layers = readdirSync(SRC).filter((d) => statSync(join(SRC, d)).isDirectory());
  for (const layer of layers) {
    it(`${layer} imports only what its layer may`, () => {
      const problems: string[] = [];
      for (const file of sourceFiles(join(SRC, layer)))
        for (const spec of importsOf(file)) problems.push(...problemsOf(layer, file, spec));
      expect(problems).toEqual([]);
    });
  }

  it('app importing node:*, better-sqlite3, pg or the Node adapters fails', () => {
    const file = join(SRC, 'app', 'some-use-case.ts');
    for (const spec of [
      'node:fs/promises',
      'node:crypto',
      'better-sqlite3',
      'pg',
      '../node/files.js',
    ])
      expect(problemsOf('app', file, spec)).toHaveLength(1);
    for (const spec of ['kysely', './ports.js', '../db/schema.js'])
      expect(problemsOf('app', file, spec)).toEqual([]);
  });

  it('core never reads the clock, randomness, env or console', () => {
    const problems: string[] = [];
    for (const file of sourceFiles(join(SRC, 'core'))) {
      const text = readFileSync(file, 'utf8')
        .replace(/\/\/.*$/gm, '')
        .replace(/\/\*[\s\S]*?\*\//g, '');
      for (const [re, what] of [
        [/Date\.now\(/, 'Date.now()'],
        [/new Date\(\s*\)/, 'new Date()'],
        [/Math\.random\(/, 'Math.random()'],
        [/\bprocess\./, 'process'],
        [/\bconsole\./, 'console'],
      ] as const) {
        if (re.test(text)) problems.push(`core must not use ${what} (src/${relative(SRC, file)})`);
      }
    }
    expect(problems).toEqual([]);
  });
});
