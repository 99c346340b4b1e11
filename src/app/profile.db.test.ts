import { describe, expect, it } from 'vitest';
import { forEachDialect } from '../../test/dialects.js';
import { makeCase, makeDeps } from '../../test/factories.js';
import { createEventRepository } from '../db/repositories/event-repository.js';
import { isAppError } from './errors.js';
import { getProfile, parseProfileInput, saveProfile } from './profile.js';
import type { IsoDate } from '../core/dates/index.js';

const TODAY = '2026-11-29' as IsoDate;

describe('parseProfileInput', () => {
  it('accepts Chinese dates and the cause list', () => {
    const r = parseProfileInput(
      { name: ' 张三 ', hardshipCause: 'illness', hardshipSince: '2026年3月5日', adults: '2' },
      TODAY,
    );
    expect(r.issues).toEqual([]);
    expect(r.patch).toEqual({
      name: '张三',
      hardshipCause: 'illness',
      hardshipSince: '2026-03-05',
      adults: 2,
    });
  });
  it.each([
    [{ name: '' }, 'name', 'missing-field'],
    [{ name: 'x'.repeat(101) }, 'name', 'invalid-input'],
    [{ hardshipCause: 'laziness' }, 'hardshipCause', 'invalid-input'],
    [{ hardshipSince: '2026-11-30' }, 'hardshipSince', 'invalid-date'],
    [{ hardshipSince: '2026-02-30' }, 'hardshipSince', 'invalid-date'],
    [{ adults: -1 }, 'adults', 'invalid-input'],
    [{ idTail: '12' }, 'idTail', 'invalid-input'],
    [{ phone: 'call me' }, 'phone', 'invalid-input'],
    [{ hardshipStory: '字'.repeat(2001) }, 'hardshipStory', 'invalid-input'],
    [{ proofs: ['ok', 3] }, 'proofs', 'invalid-input'],
    [{ nmae: '张三' }, 'nmae', 'invalid-input'],
  ])('rejects %j naming %s', (input, field, code) => {
    const r = parseProfileInput(input, TODAY);
    expect(r.issues[0]?.field).toBe(field);
    expect(r.issues[0]?.code).toBe(code);
    expect(r.issues[0]?.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });
  it('allows today as the since date', () => {
    expect(parseProfileInput({ hardshipSince: TODAY }, TODAY).issues).toEqual([]);
  });
});

forEachDialect('profile use case', (getDb) => {
  it('has no profile before one is saved', async () => {
    const db = getDb();
    const c = await makeCase(db, 'p-empty');
    expect(await getProfile(makeDeps(db), c.id)).toBeNull();
  });

  it('saves, merges and records an event per change', async () => {
    const db = getDb();
    const c = await makeCase(db, 'p-save');
    const deps = makeDeps(db);
    await saveProfile(
      deps,
      {
        name: '张三',
        phone: '13800138000',
        address: '上海市浦东新区',
        idTail: '123x',
        adults: 2,
        children: 1,
        hardshipCause: 'unemployment',
        hardshipSince: '2026/3/1',
        hardshipStory: '公司裁员，失去收入。',
        proofs: ['失业证明', '解除劳动合同通知书'],
      },
      { caseId: c.id },
    );
    const merged = await saveProfile(deps, { phone: null, children: 2 }, { caseId: c.id });
    expect(merged.name).toBe('张三');
    const got = await getProfile(deps, c.id);
    expect(got).toMatchObject({
      name: '张三',
      phone: null,
      address: '上海市浦东新区',
      idTail: '123X',
      adults: 2,
      children: 2,
      hardshipCause: 'unemployment',
      hardshipSince: '2026-03-01',
      hardshipStory: '公司裁员，失去收入。',
      proofs: ['失业证明', '解除劳动合同通知书'],
    });
    const events = (await createEventRepository(db).list(c.id)).filter((e) =>
      e.action.startsWith('profile.'),
    );
    expect(events.map((e) => e.action)).toEqual(['profile.create', 'profile.update']);
  });

  it('writes nothing when a field is bad', async () => {
    const db = getDb();
    const c = await makeCase(db, 'p-bad');
    const deps = makeDeps(db);
    await saveProfile(deps, { name: '李四' }, { caseId: c.id });
    const e = await saveProfile(
      deps,
      { name: '王五', hardshipSince: '2099-01-01' },
      { caseId: c.id },
    ).catch((x: unknown) => x);
    expect(isAppError(e) && e.field).toBe('hardshipSince');
    expect((await getProfile(deps, c.id))?.name).toBe('李四');
    const events = (await createEventRepository(db).list(c.id)).filter((x) =>
      x.action.startsWith('profile.'),
    );
    expect(events).toHaveLength(1);
  });
});
