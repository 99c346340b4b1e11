// Two files in one evidence upload get the right message (one file per upload), not "larger than
// the limit", and nothing is stored.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHome, type TestHome } from '../../test/e2e/home.js';
import type { App } from './build-server.js';
import { get, testServer, write } from './test-helpers.js';

let app: App;
let home: TestHome;
beforeAll(async () => {
  home = await openTestHome();
  app = await testServer(home.deps, { uploadLimit: 64 * 1024 });
});
afterAll(async () => {
  await app.close();
  await home.close();
});

describe('POST /api/evidence with two files', () => {
  it('is 400 "one file per upload" and stores nothing', async () => {
    const fd = new FormData();
    fd.append('kind', 'screenshot');
    fd.append('file', new Blob([new Uint8Array(Buffer.from('first'))]), 'a.png');
    fd.append('file', new Blob([new Uint8Array(Buffer.from('second'))]), 'b.png');
    const r = await write(app, 'POST', '/api/evidence', fd);
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({
      code: 'invalid-input',
      field: 'file',
      messageZh: '每次只能上传一个文件',
    });
    expect(r.json().error.message).not.toContain('larger');
    expect((await get(app, '/api/evidence')).json().items).toHaveLength(0);
    const tmp = join(home.deps.home, 'tmp');
    expect(readdirSync(tmp).filter((n) => n.startsWith('upload-'))).toEqual([]);
  });
});
