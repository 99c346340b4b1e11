import { describe, expect, it } from 'vitest';
import type { Instant } from '../../core/dates/index.js';
import type { Sha256Hex } from '../../core/ledger/index.js';
import type { Contact } from '../../db/repositories/contacts-repository.js';
import type { EvidenceItem } from '../../db/repositories/evidence-repository.js';
import type { Lender } from '../../db/types.js';
import { renderIndexHtml, type IndexInput } from './index-html.js';

const at = (s: string) => s as Instant;
const item: EvidenceItem = {
  id: 'ev-1',
  caseId: 'c',
  sha256: 'a'.repeat(64) as Sha256Hex,
  kind: 'call-recording',
  lenderId: 'l1',
  contactId: 'ct-1',
  capturedAt: at('2026-11-20T15:05:00.000Z'),
  addedAt: at('2026-11-21T01:00:00.000Z'),
  originalName: '录音.m4a',
  mediaType: 'audio/mp4',
  sizeBytes: 10,
  description: '夜间来电',
};
const contact = {
  id: 'ct-1',
  caseId: 'c',
  lenderId: 'l1',
  occurredAt: at('2026-11-20T15:05:00.000Z'),
  channel: 'phone',
  direction: 'inbound',
  agentName: null,
  agentNumber: null,
  counterpart: null,
  asked: null,
  offered: null,
  promises: null,
  deadlineOn: null,
  nextStep: null,
  thirdParty: { relation: 'family', detail: '母亲' },
  tags: [],
  notes: null,
  createdAt: at('2026-11-21T01:00:00.000Z'),
} as unknown as Contact;
const input: IndexInput = {
  caseTitle: null,
  files: [{ item, path: 'evidence/001-录音.m4a' }],
  contacts: [contact],
  lenders: new Map([['l1', { id: 'l1', name: '甲消费金融', brand: '借呗' } as unknown as Lender]]),
  flags: [],
  head: null,
  count: 2,
  generatedAt: at('2026-11-22T00:00:00.000Z'),
  filter: { lender: null, from: null, to: null },
};

describe('证据目录 index.html reads as Chinese', () => {
  const html = renderIndexHtml(input);
  it('names the third party in Chinese, not the code', () => {
    expect(html).toContain('涉及第三人：家人（母亲）');
    expect(html).not.toContain('第三人：family');
  });
  it('links the contact row to its exhibit and back', () => {
    expect(html).toMatch(/<tr class="ct">.*关联证据：证据 1/);
    expect(html).toMatch(/<tr class="ev">.*关联联系记录：2026-11-20 23:05/);
  });
  it('keeps the exhibit number on one line', () => {
    expect(html).toMatch(/td:first-child\{white-space:nowrap\}/);
  });
});
