import { extname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionOf } from './file-names.js';

describe('extensionOf', () => {
  it('reads the extension as node:path does, lower-cased', () => {
    for (const name of [
      'a.csv',
      '/tmp/x/债务.XLSX',
      'dir.d/file',
      '.bashrc',
      'archive.tar.gz',
      'no-ext',
      'C:\\Users\\me\\call.M4A',
      'trailing.',
    ])
      expect([name, extensionOf(name)]).toEqual([
        name,
        extname(name.replace(/\\/g, '/')).toLowerCase(),
      ]);
  });
});
