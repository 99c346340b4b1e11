import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resolveCase, type CaseId } from '../../app/cases.js';
import {
  checkCaseConduct,
  listContacts,
  logContact,
  type LogContactInput,
} from '../../app/contacts.js';
import { editContact, removeContact, type ContactEdit } from '../../app/contacts-edit.js';
import { listLenders } from '../../app/lenders.js';
import { conductFlagView, contactJson, contactView } from '../../app/present-contacts.js';
import {
  ConductFlag,
  ContactCreate,
  ContactPatch,
  ContactView,
  IdParams,
  Removed,
} from '../../contracts/index.js';
import type { ServerDeps } from '../server-deps.js';
import type { RouteApp, RouteOptions } from './index.js';

/** The API's patch names → the use case's (only the fields sent; `null` clears). */
function toEdit(b: ContactPatch): ContactEdit {
  const pairs: [keyof ContactEdit, unknown][] = [
    ['lender', b.lenderId],
    ['at', b.occurredAt],
    ['channel', b.channel],
    ['direction', b.direction],
    ['agentName', b.agentName],
    ['agentNumber', b.agentNumber],
    ['counterpart', b.counterpart],
    ['asked', b.asked],
    ['offered', b.offered],
    ['promises', b.promises],
    ['deadline', b.deadlineDate],
    ['nextStep', b.nextStep],
    ['thirdParty', b.thirdParty],
    ['notes', b.notes],
    ['includeNoteInLetters', b.includeNoteInLetters],
  ];
  return Object.fromEntries(pairs.filter(([, v]) => v !== undefined)) as ContactEdit;
}

/** The API's create names → the use case's (absent optional fields are null). */
function toLogInput(caseId: CaseId, b: z.output<typeof ContactCreate>): LogContactInput {
  return {
    caseId,
    at: b.occurredAt,
    lender: b.lenderId ?? null,
    channel: b.channel,
    direction: b.direction,
    agentName: b.agentName ?? null,
    agentNumber: b.agentNumber ?? null,
    counterpart: b.counterpart ?? null,
    asked: b.asked ?? null,
    offered: b.offered ?? null,
    promises: b.promises ?? null,
    deadline: b.deadlineDate ?? null,
    nextStep: b.nextStep ?? null,
    thirdParty: b.thirdParty ?? null,
    notes: b.notes ?? null,
    ...(b.includeNoteInLetters === true ? { includeNoteInLetters: true } : {}),
  };
}

/** Lender id → the name the borrower knows it by (brand, else legal name). */
async function lenderNames(deps: ServerDeps, caseId: CaseId): Promise<Map<string, string>> {
  return new Map((await listLenders(deps, caseId)).map((l) => [l.id as string, l.brand ?? l.name]));
}

function lenderOf(names: Map<string, string>, lenderId: string | null): string | null {
  return lenderId === null ? null : (names.get(lenderId) ?? null);
}

const tags = ['contacts'];

function registerContactLog(app: RouteApp, deps: ServerDeps): void {
  app.get(
    '/contacts',
    { schema: { tags, response: { 200: z.object({ contacts: z.array(ContactView) }) } } },
    async () => {
      const c = await resolveCase(deps);
      const n = await lenderNames(deps, c.id);
      const list = await listContacts(deps, c.id);
      return { contacts: list.map((x) => contactView(contactJson(x), lenderOf(n, x.lenderId))) };
    },
  );

  app.post(
    '/contacts',
    { schema: { tags, body: ContactCreate, response: { 201: ContactView } } },
    async (req, reply) => {
      const c = await resolveCase(deps);
      const r = await logContact(deps, toLogInput(c.id, req.body));
      const n = await lenderNames(deps, c.id);
      return reply
        .status(201)
        .send(contactView(contactJson(r.contact), lenderOf(n, r.contact.lenderId)));
    },
  );
}

// correcting the log (issue 13 item 4): the ledger records each edit and removal
function registerContactEdits(app: RouteApp, deps: ServerDeps): void {
  app.patch(
    '/contacts/:id',
    { schema: { tags, params: IdParams, body: ContactPatch, response: { 200: ContactView } } },
    async (req) => {
      const c = await resolveCase(deps);
      const r = await editContact(deps, c.id, req.params.id, toEdit(req.body));
      const n = await lenderNames(deps, c.id);
      return contactView(r.contact, lenderOf(n, r.contact.lenderId));
    },
  );

  app.delete(
    '/contacts/:id',
    { schema: { tags, params: IdParams, response: { 200: Removed } } },
    async (req) => {
      const c = await resolveCase(deps);
      const r = await removeContact(deps, c.id, req.params.id);
      return { ok: true as const, undoId: r.undoId };
    },
  );
}

function registerConduct(app: RouteApp, deps: ServerDeps): void {
  app.get(
    '/conduct',
    { schema: { tags, response: { 200: z.object({ flags: z.array(ConductFlag) }) } } },
    async () => {
      const c = await resolveCase(deps);
      const flags = await checkCaseConduct(deps, c.id);
      return { flags: flags.map(conductFlagView) };
    },
  );
}

/** Contact log (F7) and the collector-conduct checker (F9). */
export const contactRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  registerContactLog(app, deps);
  registerContactEdits(app, deps);
  registerConduct(app, deps);
};
