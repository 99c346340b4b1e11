// Layer boundaries from docs/style.md (Layers) and each src/<layer>/README.md, checked by reading the import lines of every source file.
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

/**
 * What each layer may import besides itself: the "Allowed imports" sentence of src/<layer>/README.md,
 * word for word (checked below), and docs/style.md's table.
 */
const ALLOWED_LAYERS: Record<string, string[]> = {
  core: [],
  contracts: ['core'],
  documents: ['core'],
  vault: ['core'],
  db: ['core'],
  app: ['core', 'contracts', 'documents', 'vault', 'db'],
  server: ['app', 'contracts', 'core'],
  cli: ['app', 'contracts', 'core'],
  web: ['core', 'contracts'],
  // the Node adapters of app's ports (app/ports.ts); only composition roots build them
  node: ['core', 'app', 'db', 'vault'],
};

/** Use cases run on ports (app/ports.ts): no Node module and no database driver of their own. */
function appMayNotImport(pkg: string): boolean {
  return pkg.startsWith('node:') || ['better-sqlite3', 'pg', 'fs', 'path', 'crypto'].includes(pkg);
}

/**
 * The composition roots, the only files that reach past their layer's list (each named in its
 * layer's README): `cli/deps.ts` opens the database; the `serve` command starts the server.
 */
const COMPOSITION_ROOTS: { file: string; layer: string }[] = [
  { file: 'cli/deps.ts', layer: 'db' },
  { file: 'cli/deps.ts', layer: 'node' },
  { file: 'cli/commands/serve.ts', layer: 'server' },
];

const isRootImport = (where: string, to: string): boolean =>
  COMPOSITION_ROOTS.some((r) => r.file === where && r.layer === to);

/** The layers named in backticks in the README's first "Allowed imports: …." sentence. */
function readmeAllowed(layer: string, layers: readonly string[]): string[] | undefined {
  const text = readFileSync(join(SRC, layer, 'README.md'), 'utf8');
  const m = /Allowed imports:([\s\S]*?)\.(?:\s|$)/.exec(text);
  if (m === null) return undefined;
  const named = [...m[1]!.matchAll(/`([^`]+)`/g)].map((x) => x[1]!);
  return layers.filter((l) => l !== layer && named.includes(l)).sort();
}

describe('layer boundaries (docs/style.md, src/*/README.md)', () => {
  const layers = readdirSync(SRC).filter((d) => statSync(join(SRC, d)).isDirectory());
  for (const layer of layers) {
    it(`${layer} imports only what its layer may`, () => {
      const problems: string[] = [];
      for (const file of sourceFiles(join(SRC, layer))) {
        for (const spec of importsOf(file)) {
          const t = target(file, spec);
          const where = relative(SRC, file);
          if (
            t.layer &&
            t.layer !== layer &&
            !(ALLOWED_LAYERS[layer] ?? []).includes(t.layer) &&
            !isRootImport(where, t.layer)
          )
            problems.push(`${layer} must not import ${t.layer} (src/${where}: ${spec})`);
          if (t.pkg && layer === 'core')
            problems.push(`core must not import ${t.pkg} (src/${where})`);
          if (t.pkg && layer === 'web' && t.pkg.startsWith('node:'))
            problems.push(`web must not import ${t.pkg} (src/${where})`);
          if (t.pkg && layer === 'app' && appMayNotImport(t.pkg))
            problems.push(
              `app must not import ${t.pkg}: reach it through a port in app/ports.ts (src/${where})`,
            );
          if (t.pkg === 'docx' && !where.endsWith('render/docx.ts'))
            problems.push(`only documents/render/docx.ts may import docx (src/${where})`);
          if (
            t.pkg &&
            (layer === 'documents' || layer === 'contracts') &&
            t.pkg.startsWith('node:')
          )
            problems.push(`${layer} must not do IO: ${t.pkg} (src/${where})`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('the READMEs state the same allowed imports and name the composition roots', () => {
    const problems: string[] = [];
    for (const layer of layers) {
      const stated = readmeAllowed(layer, layers);
      const tested = [...(ALLOWED_LAYERS[layer] ?? [])].sort();
      if (stated === undefined)
        problems.push(`src/${layer}/README.md has no "Allowed imports: …." sentence`);
      else if (stated.join() !== tested.join())
        problems.push(
          `src/${layer}/README.md allows [${stated.join(', ')}], this test [${tested.join(', ')}]`,
        );
    }
    for (const r of COMPOSITION_ROOTS) {
      const layer = r.file.split('/')[0]!;
      const text = readFileSync(join(SRC, layer, 'README.md'), 'utf8');
      if (!text.includes(r.file.slice(layer.length + 1)))
        problems.push(`src/${layer}/README.md does not name the composition root ${r.file}`);
    }
    expect(problems).toEqual([]);
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
