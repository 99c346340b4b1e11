// The CLI's --json and the HTTP API present one record through the same app presenter: an
// agreement recorded by the CLI and paid through the API reads the same both ways, and the
// calculators answer the same JSON. Rules live in app, so the CLI's re-plan refuses what the API does.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAgreementView, type AgreementJson } from '../src/app/agreements/present.js';
import { contactView, type ContactJson } from '../src/app/present-contacts.js';
import type { App } from '../src/server/build-server.js';
import { get, testServer, write } from '../src/server/test-helpers.js';
import { runCli, type CliRun } from './cli-harness.js';
import { openTestHome, type TestHome } from './e2e/home.js';

let home: TestHome;
let app: App;
// the test home's clock: 2026-11-29 in Beijing
const TODAY = '2026-11-29';

beforeAll(async () => {
  home = await openTestHome();
  app = await testServer(home.deps);
});
afterAll(async () => {
  await app.close();
  await home.close();
});

const cli = (args: string[]): Promise<CliRun> =>
  runCli(['--json', ...args, '--home', home.home], { cwd: home.home });

describe('one presenter for both edges', () => {
  let id = '';

  it('an agreement reads the same through `agreement show --json` and GET /api/agreements', async () => {
    const input = join(home.home, 'agreement.json');
    writeFileSync(
      input,
      JSON.stringify({
        lender: '重庆蚂蚁消费金融有限公司',
        lenderBrand: '借呗',
        lenderType: 'consumer-finance',
        agreedOn: '2026-10-01',
        segments: [{ count: 12, amount: '980.00', firstDueOn: '2026-10-15' }],
        paymentChannel: 'app',
        agentName: '李经理',
        notes: '电话协商',
      }),
    );
    const added = await cli(['agreement', 'add', '--input', input, '--as-of', TODAY]);
    expect(added.code, added.err).toBe(0);
    id = added.json().agreement.id;
    const paid = await write(app, 'POST', `/api/agreements/${id}/payments`, {
      paidDate: '2026-10-14',
      amount: '980.00',
      channel: 'app',
      note: '第一期',
    });
    expect(paid.statusCode).toBe(201);

    const shown = await cli(['agreement', 'show', id, '--as-of', TODAY]);
    expect(shown.code, shown.err).toBe(0);
    const http = await get(app, '/api/agreements');
    expect(http.statusCode).toBe(200);
    const fromCli = toAgreementView(shown.json<{ agreement: AgreementJson }>().agreement);
    expect(http.json().agreements).toEqual([fromCli]);
    // and the view carries the record, not just its shape
    expect(fromCli).toMatchObject({
      lender: '借呗',
      total: '11760.00',
      paid: '980.00',
      firstDueDate: '2026-10-15',
      monthlyAmount: '980.00',
      count: 12,
      agentName: '李经理',
      paymentChannel: 'app',
      notes: '电话协商',
      payments: [{ paidDate: '2026-10-14', amount: '980.00', channel: 'app', note: '第一期' }],
    });
    expect(fromCli.installments.slice(0, 2).map((i) => i.status)).toEqual(['paid', 'missed']);
  });

  it('a contact reads the same through `contact list --json` and GET /api/contacts', async () => {
    const logged = await write(app, 'POST', '/api/contacts', {
      occurredAt: '2026-11-20T23:05:00+08:00',
      lenderId: (await get(app, '/api/agreements')).json().agreements[0].lenderId,
      channel: 'phone',
      direction: 'inbound',
      agentName: '张三',
      agentNumber: 'A1',
      promises: '先还一期',
      notes: '夜间来电',
      includeNoteInLetters: true,
    });
    expect(logged.statusCode).toBe(201);
    const listed = await cli(['contact', 'list']);
    expect(listed.code, listed.err).toBe(0);
    const [c] = listed.json<{ contacts: ContactJson[] }>().contacts;
    const http = (await get(app, '/api/contacts')).json().contacts;
    expect(http).toEqual([contactView(c!, '借呗')]);
    expect(http[0]).toMatchObject({
      agentNumber: 'A1',
      promises: '先还一期',
      includeNoteInLetters: true,
    });
  });

  it('`check --json` and POST /api/check answer the same JSON', async () => {
    const loan = {
      lenderType: 'small-loan',
      contractDate: '2025-01-01',
      contractPrincipal: '10000.00',
      asOf: '2026-01-01',
      cashflows: [
        { date: '2025-01-01', amount: '9000.00' },
        { date: '2026-01-01', amount: '-12000.00' },
      ],
    };
    const file = join(home.home, 'loan.json');
    writeFileSync(file, JSON.stringify(loan));
    const c = await runCli(['--json', 'check', file]);
    expect(c.code, c.err).toBe(0);
    const h = await write(app, 'POST', '/api/check', loan);
    expect(h.statusCode).toBe(200);
    expect(h.json()).toEqual(c.json());
  });

  it('the CLI re-plan refuses an amount too small to repay, as the API does (the rule is in app)', async () => {
    const r = await cli([
      'agreement',
      'replan',
      '--capacity',
      '0.01',
      '--no-letters',
      '--as-of',
      TODAY,
    ]);
    expect(r.code).toBe(1);
    expect(r.json().error).toMatchObject({ code: 'infeasible', field: 'capacity' });
    const h = await write(app, 'POST', '/api/agreements/replan', {
      reason: 'income-changed',
      capacity: '0.01',
    });
    expect(h.statusCode).toBe(422);
    expect(h.json().error).toMatchObject({ code: 'infeasible', field: 'capacity' });
  });
});
