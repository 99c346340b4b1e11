// PATCH/DELETE /api/contacts/:id and POST /api/evidence/:id/withdraw through app.inject():
// success, a 400 in Chinese naming the field by its label, 404, and nothing written on failure.
// Fixed clock: 2026-11-29 16:00 Beijing time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHome, type TestHome } from '../../../test/e2e/home.js';
import type { App } from '../build-server.js';
import { get, testServer, write } from '../test-helpers.js';

let app: App;
let home: TestHome;
let lenderId = '';

beforeAll(async () => {
  home = await openTestHome();
  app = await testServer(home.deps);
  const d = await write(app, 'POST', '/api/debts', {
    lenderName: '借呗',
    lenderType: 'small-loan',
    contractDate: '2025-01-10',
    principal: '10000.00',
    received: '9000.00',
    rateText: '日息万五',
    termMonths: 12,
  });
  expect(d.statusCode, d.body).toBe(201);
  lenderId = d.json().lenderId;
});
afterAll(async () => {
  await app.close();
  await home.close();
});

const contacts = async () =>
  (await get(app, '/api/contacts')).json().contacts as { id: string; [k: string]: unknown }[];
const logCall = async () => {
  const r = await write(app, 'POST', '/api/contacts', {
    lenderId,
    occurredAt: '2026-11-05T14:40+08:00',
    channel: 'phone',
    direction: 'inbound',
    agentName: '李某',
    notes: '要求三天内还清',
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
};

describe('PATCH /api/contacts/:id', () => {
  it('edits the stored contact and returns every field the form needs', async () => {
    const id = await logCall();
    const r = await write(app, 'PATCH', `/api/contacts/${id}`, {
      occurredAt: '2026-11-05T22:40+08:00',
      thirdParty: 'family:母亲',
      agentNumber: '9527',
      includeNoteInLetters: true,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      id,
      lender: '借呗',
      agentName: '李某',
      agentNumber: '9527',
      thirdParty: 'family:母亲',
      notes: '要求三天内还清',
      includeNoteInLetters: true,
    });
    expect((await contacts()).find((c) => c.id === id)).toMatchObject({ agentNumber: '9527' });
    // the conduct flags are derived: the 22:40 call is now flagged
    const flags = (await get(app, '/api/conduct')).json().flags as { contactId: string }[];
    expect(flags.some((f) => f.contactId === id)).toBe(true);
  });

  it('refuses a future time in Chinese naming 联系时间, and changes nothing', async () => {
    const id = await logCall();
    const before = await contacts();
    const r = await write(app, 'PATCH', `/api/contacts/${id}`, {
      occurredAt: '2026-12-25T10:00+08:00',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'invalid-date' });
    expect(r.json().error.messageZh).toContain('联系时间');
    expect(await contacts()).toEqual(before);
  });

  it('refuses an unknown channel (zod) naming 联系方式', async () => {
    const id = await logCall();
    const r = await write(app, 'PATCH', `/api/contacts/${id}`, { channel: 'pigeon' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.messageZh).toContain('联系方式');
  });

  it('answers 404 for an unknown contact', async () => {
    const r = await write(app, 'PATCH', '/api/contacts/nope', { notes: 'x' });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.messageZh).toContain('联系记录');
  });
});

describe('DELETE /api/contacts/:id', () => {
  it('removes with an undo id; undo brings it back', async () => {
    const id = await logCall();
    const before = (await contacts()).find((c) => c.id === id);
    const r = await write(app, 'DELETE', `/api/contacts/${id}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ ok: true, undoId: expect.any(String) });
    expect((await contacts()).map((c) => c.id)).not.toContain(id);
    const u = await write(app, 'POST', `/api/undo/${r.json().undoId}`, {});
    expect(u.statusCode, u.body).toBe(200);
    expect(u.json()).toEqual({ ok: true, kind: 'contact', id });
    expect((await contacts()).find((c) => c.id === id)).toEqual(before);
  });

  it('answers 404 for an unknown contact and removes nothing', async () => {
    const n = (await contacts()).length;
    const r = await write(app, 'DELETE', '/api/contacts/nope');
    expect(r.statusCode).toBe(404);
    expect((await contacts()).length).toBe(n);
  });
});

describe('POST /api/evidence/:id/withdraw', () => {
  const upload = async () => {
    const fd = new FormData();
    fd.append('kind', 'screenshot');
    fd.append('lenderId', lenderId);
    fd.append('file', new Blob([new Uint8Array(Buffer.from('png bytes'))]), '截图.png');
    const r = await write(app, 'POST', '/api/evidence', fd);
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };
  const items = async () =>
    (await get(app, '/api/evidence')).json().items as { id: string; [k: string]: unknown }[];

  it('marks the item withdrawn with the reason; it stays listed; twice is 409', async () => {
    const id = await upload();
    const r = await write(app, 'POST', `/api/evidence/${id}/withdraw`, { reason: '截错了图' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ id, withdrawReason: '截错了图' });
    expect(r.json().withdrawnAt).toEqual(expect.any(String));
    expect((await items()).find((i) => i.id === id)).toMatchObject({ withdrawReason: '截错了图' });
    const again = await write(app, 'POST', `/api/evidence/${id}/withdraw`, { reason: '再撤' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.messageZh).toContain('不能重复撤回');
  });

  it('refuses an empty reason in Chinese naming 原因, and writes nothing', async () => {
    const id = await upload();
    const r = await write(app, 'POST', `/api/evidence/${id}/withdraw`, { reason: '  ' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.messageZh).toContain('原因');
    expect((await items()).find((i) => i.id === id)).toMatchObject({ withdrawnAt: null });
  });

  it('answers 404 for an unknown item', async () => {
    const r = await write(app, 'POST', '/api/evidence/nope/withdraw', { reason: '原因' });
    expect(r.statusCode).toBe(404);
  });
});
