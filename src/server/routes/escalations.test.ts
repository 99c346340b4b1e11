// /api/escalations through app.inject(): channels, record, list, update, letter download; the
// 400s name the field, unknown ids are 404, cross-site writes are 403. Fixed clock: 2026-11-29.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHome, type TestHome } from '../../../test/e2e/home.js';
import { ESCALATION_STATUSES } from '../../app/escalations.js';
import { EscalationStatusSchema, type EscalationChannelView } from '../../contracts/index.js';
import type { App } from '../build-server.js';
import { crossSiteWrite, get, testServer, write } from '../test-helpers.js';

let app: App;
let home: TestHome;
let jiebei = '';
let bareLender = '';

const count = async () => (await get(app, '/api/escalations')).json().escalations.length as number;

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
  expect(d.statusCode).toBe(201);
  jiebei = d.json().lenderId;
  // a complaint needs something that happened: one logged call (issue 12: no letter without one)
  const call = await write(app, 'POST', '/api/contacts', {
    lenderId: jiebei,
    occurredAt: '2026-11-05T22:40+08:00',
    channel: 'phone',
    direction: 'inbound',
  });
  expect(call.statusCode, call.body).toBe(201);
  const l = await write(app, 'POST', '/api/lenders', {
    name: '某担保平台',
    lenderType: 'guarantee-platform',
  });
  expect(l.statusCode).toBe(201);
  bareLender = l.json().id;
});
afterAll(async () => {
  await app.close();
  await home.close();
});

describe('GET /api/escalations/channels', () => {
  let channels: EscalationChannelView[] = [];
  beforeAll(async () => {
    const r = await get(app, '/api/escalations/channels');
    expect(r.statusCode).toBe(200);
    channels = r.json().channels;
  });
  const one = (id: string) => channels.find((c) => c.id === id)!;

  it('lists every channel with its purpose, lender types and follow-up days', () => {
    expect(channels.map((c) => c.id)).toEqual([
      'lender-complaint',
      'nfra-12378',
      'credit-dispute',
      'pboc-complaint',
      'nifa',
      'local-regulator',
      'police-110',
      'mediation',
      'legal-aid-12348',
      'market-12315',
      'pipl-request',
    ]);
    for (const c of channels) {
      expect(c.purposeZh).not.toBe('');
      expect(c.followUpDays).toBeGreaterThan(0);
      for (const t of c.suggestedFor) expect(c.lenderTypes).toContain(t);
    }
    expect(one('nfra-12378').suggestedFor).toEqual(['bank', 'consumer-finance']);
    expect(one('local-regulator').suggestedFor).toEqual(['small-loan']);
    expect(one('police-110').letterTitleZh).toBe('报案材料');
    expect(one('mediation').letterKind).toBe('mediation');
    // each rung its own document: the credit bureau gets a 异议申请, not a harassment complaint
    expect(one('credit-dispute').letterKind).toBe('credit-dispute');
    expect(one('credit-dispute').letterTitleZh).toBe('个人征信异议申请书');
    expect(one('lender-complaint').letterKind).toBe('lender-complaint');
    expect(one('pboc-complaint').letterKind).toBe('pboc-complaint');
    expect(one('market-12315').letterKind).toBe('market-complaint');
    expect(one('police-110').letterKind).toBe('police-report');
    expect(one('pipl-request').letterKind).toBe('pipl-request');
    expect(one('police-110').provisions.map((p) => [p.id, p.certainty])).toEqual([
      ['public-security-2012-42', 'P'],
      ['public-security-2025-50', 'S'],
    ]);
  });

  it('names the provision behind a legal deadline, with its certainty', () => {
    const cd = one('credit-dispute');
    expect(cd).toMatchObject({ followUpDays: 20, followUpIsLegalDeadline: true, certainty: 'P' });
    expect(cd.provisions[0]).toMatchObject({ id: 'credit-reporting-25', certainty: 'P' });
    expect(cd.provisions[0]!.citationZh).toContain('第25条');
    expect(one('nfra-12378').followUpIsLegalDeadline).toBe(false);
  });

  it('never presents an unconfirmed channel or rule as settled', () => {
    for (const id of ['pboc-complaint', 'mediation'])
      expect(one(id)).toMatchObject({
        certainty: 'U',
        cautionZh: expect.stringContaining('待核实'),
      });
    for (const c of channels)
      for (const p of c.provisions)
        if (p.certainty === 'U') {
          expect(p.citationZh).toContain('待核实');
          expect(p.citationEn).toContain('unverified');
        }
  });

  it('uses the same status words as the store', () => {
    expect(EscalationStatusSchema.options).toEqual([...ESCALATION_STATUSES]);
  });
});

describe('POST /api/escalations', () => {
  it('records an escalation with its follow-up date and lists it', async () => {
    expect((await get(app, '/api/escalations')).json()).toEqual({
      asOf: '2026-11-29',
      escalations: [],
    });
    const r = await write(app, 'POST', '/api/escalations', {
      lenderId: jiebei,
      channel: 'local-regulator',
      sentDate: '2026-11-25',
      reference: ' JR-1 ',
      notes: '拒绝协商',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().escalation).toMatchObject({
      lenderId: jiebei,
      lender: '借呗',
      channel: 'local-regulator',
      channelNameZh: expect.stringContaining('地方金融管理部门'),
      sentDate: '2026-11-25',
      followUpDate: '2026-12-25',
      daysLeft: 26,
      isOpen: true,
      status: 'sent',
      reference: 'JR-1',
      notes: '拒绝协商',
    });
    const list = (await get(app, '/api/escalations')).json();
    expect(list.escalations.map((e: { id: string }) => e.id)).toEqual([r.json().escalation.id]);
  });

  it('defaults the sent date to today (Beijing)', async () => {
    const r = await write(app, 'POST', '/api/escalations', {
      lenderId: jiebei,
      channel: 'legal-aid-12348',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().escalation).toMatchObject({
      sentDate: '2026-11-29',
      followUpDate: '2026-12-13',
      daysLeft: 14,
    });
  });

  it.each([
    [{ channel: '12345' }, 'channel', 'invalid-input'],
    [{ channel: '' }, 'channel', 'invalid-input'],
    [{ sentDate: '2026-02-30' }, 'sentDate', 'invalid-date'],
    [{ sentDate: '2027-01-01' }, 'sentDate', 'invalid-date'],
    [{ sentDate: '25/11/2026' }, 'sentDate', 'invalid-input'],
    [{ reference: 'x'.repeat(101) }, 'reference', 'invalid-input'],
  ])('refuses %j with 400 naming %s, writing nothing', async (patch, field, code) => {
    const before = await count();
    const r = await write(app, 'POST', '/api/escalations', {
      lenderId: jiebei,
      channel: 'nifa',
      ...patch,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code, field });
    expect(await count()).toBe(before);
  });

  it('words a bad date with the field’s own name', async () => {
    const r = await write(app, 'POST', '/api/escalations', {
      lenderId: jiebei,
      channel: 'nifa',
      sentDate: '2026-02-30',
    });
    expect(r.json().error.message).toMatch(/^sentDate: /);
    expect(r.json().error.messageZh).toMatch(/^发送日期：/);
  });

  it('answers an unknown lender id with 404 naming lenderId (no name matching)', async () => {
    const before = await count();
    for (const lenderId of ['nope', '借']) {
      const r = await write(app, 'POST', '/api/escalations', { lenderId, channel: 'nifa' });
      expect(r.statusCode).toBe(404);
      expect(r.json().error).toMatchObject({ code: 'not-found', field: 'lenderId' });
    }
    expect(await count()).toBe(before);
  });
});

describe('PATCH /api/escalations/:id', () => {
  let id = '';
  beforeAll(async () => {
    const r = await write(app, 'POST', '/api/escalations', {
      lenderId: jiebei,
      channel: 'nifa',
      sentDate: '2026-10-01',
    });
    id = r.json().escalation.id;
    expect(r.json().escalation.daysLeft).toBe(-29);
  });

  it('marks it acknowledged with the reference the channel gave', async () => {
    const r = await write(app, 'PATCH', `/api/escalations/${id}`, {
      status: 'acknowledged',
      reference: 'NIFA-778',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().escalation).toMatchObject({
      id,
      status: 'acknowledged',
      reference: 'NIFA-778',
      isOpen: true,
      daysLeft: -29,
    });
  });

  it('changes notes alone, clears the reference with "", and closes it', async () => {
    let r = await write(app, 'PATCH', `/api/escalations/${id}`, { notes: '已回电', reference: '' });
    expect(r.json().escalation).toMatchObject({
      status: 'acknowledged',
      notes: '已回电',
      reference: null,
    });
    r = await write(app, 'PATCH', `/api/escalations/${id}`, { status: 'closed' });
    expect(r.json().escalation).toMatchObject({ status: 'closed', isOpen: false, daysLeft: null });
  });

  it('refuses an unknown status or an empty change with 400 naming status', async () => {
    for (const body of [{ status: 'won' }, {}]) {
      const r = await write(app, 'PATCH', `/api/escalations/${id}`, body);
      expect(r.statusCode).toBe(400);
      expect(r.json().error.field).toBe('status');
    }
    expect(
      (await get(app, '/api/escalations'))
        .json()
        .escalations.find((e: { id: string }) => e.id === id).status,
    ).toBe('closed');
  });

  it('answers an unknown id with 404', async () => {
    const r = await write(app, 'PATCH', '/api/escalations/nope', { status: 'resolved' });
    expect(r.statusCode).toBe(404);
    expect(r.json().error).toMatchObject({ code: 'not-found', field: 'id' });
  });
});

describe('GET /api/escalations/:id/letter', () => {
  let id = '';
  beforeAll(async () => {
    const r = await write(app, 'POST', '/api/escalations', {
      lenderId: jiebei,
      channel: 'local-regulator',
      sentDate: '2026-11-20',
    });
    id = r.json().escalation.id;
  });

  it('downloads the channel’s letter as DOCX under a Chinese file name', async () => {
    const r = await get(app, `/api/escalations/${id}/letter`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/wordprocessingml/);
    expect(r.headers['content-disposition']).toMatch(/^attachment; /);
    expect(r.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('投诉书-借呗-2026-11-20.docx')}`,
    );
    expect(r.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('shows it as HTML in the browser, addressed to the channel', async () => {
    const r = await get(app, `/api/escalations/${id}/letter?format=html`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.headers['content-disposition']).toMatch(/^inline; /);
    expect(r.headers['content-security-policy']).toContain("default-src 'none'");
    expect(r.body).toContain('地方金融管理局');
  });

  it('writes it in English on request', async () => {
    const r = await get(app, `/api/escalations/${id}/letter?format=md&lang=en`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toContain(
      encodeURIComponent('Complaint-借呗-2026-11-20.md'),
    );
  });

  it('refuses an unknown format with 400 naming format', async () => {
    const r = await get(app, `/api/escalations/${id}/letter?format=pdf`);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.field).toBe('format');
  });

  it('answers an unknown escalation with 404, and a lender without debts with 404 naming lenderId', async () => {
    const missing = await get(app, '/api/escalations/nope/letter');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.field).toBe('id');
    const e = await write(app, 'POST', '/api/escalations', {
      lenderId: bareLender,
      channel: 'nifa',
    });
    expect(e.statusCode).toBe(201);
    const r = await get(app, `/api/escalations/${e.json().escalation.id}/letter`);
    expect(r.statusCode).toBe(404);
    expect(r.json().error).toMatchObject({ code: 'not-found', field: 'lenderId' });
  });
});

describe('a 12315 complaint about an intermediary with no debts', () => {
  it('records it and writes its letter from the logged dealings only: no debt table, no amounts', async () => {
    const l = await write(app, 'POST', '/api/lenders', {
      name: '某某债务优化咨询有限公司',
      lenderType: 'unknown',
    });
    expect(l.statusCode).toBe(201);
    const lenderId = l.json().id as string;
    const c = await write(app, 'POST', '/api/contacts', {
      lenderId,
      occurredAt: '2026-11-10T15:20+08:00',
      channel: 'phone',
      direction: 'inbound',
      agentName: '顾问小刘',
      promises: '收取服务费3000元，保证让银行停息挂账',
    });
    expect(c.statusCode).toBe(201);
    const e = await write(app, 'POST', '/api/escalations', { lenderId, channel: 'market-12315' });
    expect(e.statusCode).toBe(201);
    const r = await get(app, `/api/escalations/${e.json().escalation.id}/letter?format=md`);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('某某债务优化咨询有限公司');
    expect(r.body).toContain('收取服务费3000元');
    expect(r.body).not.toContain('借款明细');
    expect(r.body).not.toContain('¥0.00');
  });
});

describe('PATCH dates and DELETE /api/escalations/:id', () => {
  it('corrects the sent date (the follow-up date moves), or sets its own follow-up date', async () => {
    const r = await write(app, 'POST', '/api/escalations', {
      lenderId: jiebei,
      channel: 'nifa',
      sentDate: '2026-11-20',
    });
    const id = r.json().escalation.id as string;
    let p = await write(app, 'PATCH', `/api/escalations/${id}`, { sentDate: '2026-11-10' });
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json().escalation).toMatchObject({
      sentDate: '2026-11-10',
      followUpDate: '2026-12-10',
    });
    p = await write(app, 'PATCH', `/api/escalations/${id}`, { followUpDate: '2026-12-05' });
    expect(p.json().escalation).toMatchObject({
      sentDate: '2026-11-10',
      followUpDate: '2026-12-05',
    });
    p = await write(app, 'PATCH', `/api/escalations/${id}`, { sentDate: '2027-01-01' });
    expect(p.statusCode).toBe(400);
    expect(p.json().error).toMatchObject({ code: 'invalid-date', field: 'sentDate' });
    expect(p.json().error.messageZh).toMatch(/^发送日期/);
  });

  it('deletes with an undo id; undo brings it back once; an unknown id is 404', async () => {
    const r = await write(app, 'POST', '/api/escalations', {
      lenderId: jiebei,
      channel: 'mediation',
      sentDate: '2026-11-20',
      reference: 'TJ-9',
    });
    const before = (await get(app, '/api/escalations')).json().escalations;
    const id = r.json().escalation.id as string;
    const del = await write(app, 'DELETE', `/api/escalations/${id}`);
    expect(del.statusCode, del.body).toBe(200);
    const undoId = del.json().undoId as string;
    expect(del.json().ok).toBe(true);
    expect(await count()).toBe(before.length - 1);
    expect((await write(app, 'DELETE', `/api/escalations/${id}`)).statusCode).toBe(404);
    const undone = await write(app, 'POST', `/api/undo/${undoId}`, {});
    expect(undone.json()).toEqual({ ok: true, kind: 'escalation', id });
    expect((await get(app, '/api/escalations')).json().escalations).toEqual(before);
    expect((await write(app, 'POST', `/api/undo/${undoId}`, {})).statusCode).toBe(409);
  });
});

describe('cross-site writes and the API document', () => {
  it.each([
    ['POST', '/api/escalations'],
    ['PATCH', '/api/escalations/x'],
    ['DELETE', '/api/escalations/x'],
  ] as const)('%s %s is refused with 403 before validation', async (method, url) => {
    const before = await count();
    const r = await crossSiteWrite(app, method, url, { malformed: true });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('forbidden');
    expect(await count()).toBe(before);
  });

  it('documents every escalation route with its schemas in /api/openapi.json', async () => {
    const doc = (await get(app, '/api/openapi.json')).json() as {
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    };
    expect(doc.paths['/api/escalations/channels']?.['get']?.responses?.['200']).toBeDefined();
    expect(doc.paths['/api/escalations']?.['post']?.responses?.['201']).toBeDefined();
    expect(doc.paths['/api/escalations/{id}']?.['patch']?.responses?.['200']).toBeDefined();
    expect(doc.paths['/api/escalations/{id}']?.['delete']?.responses?.['200']).toBeDefined();
    expect(doc.paths['/api/escalations/{id}/letter']?.['get']).toBeDefined();
  });

  it('keeps GET /api/backup working', async () => {
    const r = await get(app, '/api/backup');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toContain(
      encodeURIComponent('协商备份-2026-11-29.zip'),
    );
    expect(r.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('credit disputes and follow-up letters over the API', () => {
  it('refuses a credit dispute with nothing disputed: 400 naming dispute.wrong, nothing written', async () => {
    const before = await count();
    const r = await write(app, 'POST', '/api/escalations', {
      lenderId: jiebei,
      channel: 'credit-dispute',
      sentDate: '2026-11-01',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'invalid-input', field: 'dispute.wrong' });
    expect(await count()).toBe(before);
  });

  it('refuses a police report with no logged incident: 400 naming incident, nothing written', async () => {
    const quiet = await write(app, 'POST', '/api/debts', {
      lenderName: '安静小贷',
      lenderType: 'small-loan',
      contractDate: '2025-02-10',
      principal: '3000.00',
      termMonths: 6,
    });
    expect(quiet.statusCode, quiet.body).toBe(201);
    const before = await count();
    const r = await write(app, 'POST', '/api/escalations', {
      lenderId: quiet.json().lenderId,
      channel: 'police-110',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'invalid-input', field: 'incident' });
    expect(await count()).toBe(before);
  });

  let disputeId = '';
  it('stores the disputed entry and renders a 异议申请 with it (not a harassment complaint)', async () => {
    const r = await write(app, 'POST', '/api/escalations', {
      lenderId: jiebei,
      channel: 'credit-dispute',
      sentDate: '2026-11-01',
      dispute: {
        institution: '某某小额贷款有限公司',
        account: 'JB-2025-0110',
        wrong: '2026年9月还款状态“逾期”',
        correct: '2026年9月还款状态“正常”',
      },
    });
    expect(r.statusCode).toBe(201);
    const e = r.json().escalation;
    disputeId = e.id;
    expect(e.dispute).toEqual({
      institution: '某某小额贷款有限公司',
      account: 'JB-2025-0110',
      wrong: '2026年9月还款状态“逾期”',
      correct: '2026年9月还款状态“正常”',
    });
    // sent 2026-11-01 + 20 days = 2026-11-21, before today (2026-11-29): overdue
    expect(e.canFollowUp).toBe(true);
    const letter = await get(app, `/api/escalations/${disputeId}/letter?format=md`);
    expect(letter.statusCode).toBe(200);
    expect(letter.body).toContain('个人征信异议申请书');
    expect(letter.body).toContain('JB-2025-0110');
    expect(letter.body).toContain('第25条');
    expect(letter.body).not.toContain('停止违规催收');
  });

  it('downloads the 催办函 of an overdue escalation citing the legal deadline', async () => {
    const r = await get(app, `/api/escalations/${disputeId}/letter?format=md&kind=follow-up`);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('催办函');
    expect(r.body).toContain('2026年11月1日');
    expect(r.body).toContain('20日内书面答复');
  });

  it('refuses a follow-up letter before the follow-up date: 400 naming missed-deadline', async () => {
    const fresh = await write(app, 'POST', '/api/escalations', {
      lenderId: jiebei,
      channel: 'credit-dispute',
      dispute: { wrong: '2026年10月还款状态“逾期”' },
    });
    expect(fresh.statusCode).toBe(201);
    const r = await get(
      app,
      `/api/escalations/${fresh.json().escalation.id}/letter?format=md&kind=follow-up`,
    );
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'invalid-input', field: 'missed-deadline' });
  });
});
