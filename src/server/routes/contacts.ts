import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resolveCase } from '../../app/cases.js';
import { checkCaseConduct, listContacts, logContact } from '../../app/contacts.js';
import { listLenders } from '../../app/lenders.js';
import { conductFlagView, contactJson, contactView } from '../../app/present-contacts.js';
import { ConductFlag, ContactCreate, ContactView } from '../../contracts/index.js';
import type { RouteOptions } from './index.js';

/** Contact log (F7) and the collector-conduct checker (F9). */
export const contactRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const tags = ['contacts'];
  const names = async (caseId: string) =>
    new Map(
      (await listLenders(deps, caseId as never)).map((l) => [l.id as string, l.brand ?? l.name]),
    );

  app.get(
    '/contacts',
    { schema: { tags, response: { 200: z.object({ contacts: z.array(ContactView) }) } } },
    async () => {
      const c = await resolveCase(deps);
      const n = await names(c.id);
      const list = await listContacts(deps, c.id);
      return {
        contacts: list.map((x) =>
          contactView(contactJson(x), x.lenderId === null ? null : (n.get(x.lenderId) ?? null)),
        ),
      };
    },
  );

  app.post(
    '/contacts',
    { schema: { tags, body: ContactCreate, response: { 201: ContactView } } },
    async (req, reply) => {
      const b = req.body;
      const c = await resolveCase(deps);
      const r = await logContact(deps, {
        caseId: c.id,
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
      });
      const n = await names(c.id);
      return reply
        .status(201)
        .send(
          contactView(
            contactJson(r.contact),
            r.contact.lenderId === null ? null : (n.get(r.contact.lenderId) ?? null),
          ),
        );
    },
  );

  app.get(
    '/conduct',
    { schema: { tags, response: { 200: z.object({ flags: z.array(ConductFlag) }) } } },
    async () => {
      const c = await resolveCase(deps);
      const flags = await checkCaseConduct(deps, c.id);
      return { flags: flags.map(conductFlagView) };
    },
  );
};
