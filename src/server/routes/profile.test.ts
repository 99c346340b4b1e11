import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHome, type TestHome } from '../../../test/e2e/home.js';
import type { App } from '../build-server.js';
import { crossSiteWrite, get, testServer, write } from '../test-helpers.js';

describe('GET/PUT /api/profile', () => {
  let app: App;
  let home: TestHome;
  beforeAll(async () => {
    home = await openTestHome();
    app = await testServer(home.deps);
  });
  afterAll(async () => {
    await app.close();
    await home.close();
  });

  it('starts empty', async () => {
    const r = await get(app, '/api/profile');
    expect(r.statusCode).toBe(200);
    expect(r.json().profile).toMatchObject({ name: null, hardshipCause: null, proofs: [] });
  });

  it('saves and merges, and GET returns what was saved', async () => {
    const put = await write(app, 'PUT', '/api/profile', {
      name: '张三',
      phone: '13800138000',
      hardshipCause: 'illness',
      hardshipSince: '2026-05-01',
      hardshipStory: '住院手术，停薪三个月。',
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().profile).toMatchObject({ name: '张三', hardshipSince: '2026-05-01' });
    await write(app, 'PUT', '/api/profile', { phone: null });
    const r = await get(app, '/api/profile');
    expect(r.json().profile).toMatchObject({
      name: '张三',
      phone: null,
      hardshipCause: 'illness',
      hardshipStory: '住院手术，停薪三个月。',
    });
  });

  it('refuses a bad field with 400 naming it, in zh and en, and writes nothing', async () => {
    const r = await write(app, 'PUT', '/api/profile', {
      name: '李四',
      hardshipSince: '2099-01-01',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'invalid-date', field: 'hardshipSince' });
    expect(r.json().error.messageZh).toContain('晚于今天');
    const wrongType = await write(app, 'PUT', '/api/profile', { adults: 'two' });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.field).toBe('adults');
    expect((await get(app, '/api/profile')).json().profile.name).toBe('张三');
  });

  it('refuses a cross-site PUT with 403', async () => {
    const r = await crossSiteWrite(app, 'PUT', '/api/profile', { name: '攻击者' });
    expect(r.statusCode).toBe(403);
    expect((await get(app, '/api/profile')).json().profile.name).toBe('张三');
  });
});
