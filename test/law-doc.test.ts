// docs/law.md documents every provision the code can cite (issue 15: the rules in the repo).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROVISIONS } from '../src/core/law/index.js';

describe('docs/law.md', () => {
  const doc = readFileSync(new URL('../docs/law.md', import.meta.url), 'utf8');
  it('lists every provision id of core/law with its certainty', () => {
    const missing = PROVISIONS.filter(
      (p) =>
        !doc.includes(`| \`${p.id}\` |`) ||
        !new RegExp(`\\| \`${p.id}\` \\|[^\\n]*\\| ${p.certainty} \\|`).test(doc),
    ).map((p) => p.id);
    expect(missing, 'add these rows to docs/law.md (id, article, certainty)').toEqual([]);
  });
});
