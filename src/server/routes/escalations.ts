import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { resolveCase, type CaseId } from '../../app/cases.js';
import type { EscalationEdit, RecordEscalationInput } from '../../app/escalations.js';
import { requireLenderById } from '../../app/lenders.js';
import { channelView, escalationView, withApiFieldNames } from '../../app/present-escalations.js';
import { todayIn } from '../../app/today.js';
import { fail } from '../../core/result.js';
import {
  ErrorBody,
  EscalationChannelList,
  EscalationCreate,
  EscalationLetterQuery,
  EscalationList,
  EscalationResult,
  EscalationUpdate,
  IdParams,
  Removed,
  type EscalationView,
} from '../../contracts/index.js';
import { contentDisposition, sendLetter } from '../download.js';
import type { ServerDeps } from '../server-deps.js';
import type { RouteApp, RouteOptions } from './index.js';
import { streamBuiltFile } from './temp-files.js';

const tags = ['escalations'];

// escalations render letters and backup zips: both load on first use (resting memory)
const load = () => import('../../app/escalations.js');
const loadLetters = () => import('../../app/escalation-letters.js');

/** The view of an escalation just written (listed again for its lender name and days left). */
async function writtenView(deps: ServerDeps, id: string): Promise<EscalationView> {
  const found = (await (await load()).listEscalations(deps)).find((e) => e.id === id);
  if (found === undefined) fail(`escalation ${id} just written`);
  return escalationView(found);
}

/** The API's escalation → the use case's (recorded now; the letter is asked for later). */
function toRecordInput(
  caseId: CaseId,
  b: z.output<typeof EscalationCreate>,
): RecordEscalationInput {
  return {
    caseId,
    lender: b.lenderId,
    channel: b.channel,
    ...(b.sentDate ? { sentOn: b.sentDate } : {}),
    ...(b.reference ? { reference: b.reference } : {}),
    ...(b.notes ? { notes: b.notes } : {}),
    ...(b.dispute ? { dispute: b.dispute } : {}),
    letter: null,
    actor: 'web',
  };
}

function toEdit(id: string, b: z.output<typeof EscalationUpdate>): EscalationEdit {
  return {
    id,
    status: b.status,
    reference: b.reference,
    notes: b.notes,
    sentOn: b.sentDate,
    chaseOn: b.followUpDate,
    actor: 'web',
  };
}

function registerEscalationReads(app: RouteApp, deps: ServerDeps): void {
  app.get(
    '/escalations/channels',
    {
      schema: {
        tags,
        summary: 'Complaint, dispute, mediation and legal-aid channels, with their legal basis',
        response: { 200: EscalationChannelList },
      },
    },
    async () => ({ channels: (await loadLetters()).describeChannels().map(channelView) }),
  );

  app.get(
    '/escalations',
    {
      schema: {
        tags,
        summary: 'Recorded escalations, soonest follow-up first',
        response: { 200: EscalationList },
      },
    },
    async () => {
      const { listEscalations } = await load();
      return {
        asOf: todayIn(deps),
        escalations: (await listEscalations(deps)).map(escalationView),
      };
    },
  );
}

function registerEscalationWrites(app: RouteApp, deps: ServerDeps): void {
  app.post(
    '/escalations',
    {
      schema: {
        tags,
        summary:
          'Record a complaint / dispute / mediation / legal-aid request; sets its follow-up date',
        body: EscalationCreate,
        response: { 201: EscalationResult, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (req, reply) => {
      const { recordEscalation } = await load();
      const { parseChannel } = await import('../../app/documents/documents.js');
      parseChannel(req.body.channel);
      const c = await resolveCase(deps);
      await requireLenderById(deps, c.id, req.body.lenderId);
      const input = toRecordInput(c.id, req.body);
      const r = await withApiFieldNames(() => recordEscalation(deps, input));
      return reply.status(201).send({ escalation: await writtenView(deps, r.escalation.id) });
    },
  );

  app.patch(
    '/escalations/:id',
    {
      schema: {
        tags,
        summary: 'Change the status, reference, notes or dates of an escalation',
        params: IdParams,
        body: EscalationUpdate,
        response: { 200: EscalationResult, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => {
      const { setEscalationStatus } = await load();
      const edit = toEdit(req.params.id, req.body);
      const e = await withApiFieldNames(() => setEscalationStatus(deps, edit));
      return { escalation: await writtenView(deps, e.id) };
    },
  );

  app.delete(
    '/escalations/:id',
    {
      schema: {
        tags,
        summary: 'Delete an escalation; the reply carries the undoId for POST /api/undo/:undoId',
        params: IdParams,
        response: { 200: Removed, 404: ErrorBody },
      },
    },
    async (req) => {
      const { removeEscalation } = await load();
      const r = await removeEscalation(deps, { id: req.params.id });
      return { ok: true as const, undoId: r.undoId };
    },
  );
}

function registerEscalationLetter(app: RouteApp, deps: ServerDeps): void {
  app.get(
    '/escalations/:id/letter',
    {
      schema: {
        tags,
        summary: "Download the letter of an escalation (its channel's letter to its lender)",
        params: IdParams,
        querystring: EscalationLetterQuery,
      },
    },
    async (req, reply) => {
      const q = req.query;
      const { renderEscalationLetter } = await loadLetters();
      const input = { id: req.params.id, format: q.format, lang: q.lang, kind: q.kind };
      const r = await withApiFieldNames(() => renderEscalationLetter(deps, input));
      const sent = r.escalation.sentOn === null ? '' : `-${r.escalation.sentOn}`;
      const name = `${r.letter.doc.title}-${r.lenderName}${sent}.${q.format}`;
      return sendLetter(reply, r.letter.bytes, q.format, name);
    },
  );
}

function registerBackup(app: RouteApp, deps: ServerDeps): void {
  app.get(
    '/backup',
    {
      schema: {
        tags: ['backup'],
        summary: 'One archive of the database and the vault, with a manifest of SHA-256 hashes',
      },
    },
    async (_req, reply) => {
      await resolveCase(deps);
      const stream = await streamBuiltFile(deps, 'backup', 'backup.zip', async (file) => {
        const { createBackup } = await import('../../app/backup.js');
        await createBackup(deps, file);
      });
      return reply
        .header('Content-Type', 'application/zip')
        .header(
          'Content-Disposition',
          contentDisposition(`协商备份-${deps.clock.now().slice(0, 10)}.zip`),
        )
        .send(stream);
    },
  );
}

/** Escalations (F10) and the whole-home backup. */
export const escalationRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  registerEscalationReads(app, deps);
  registerEscalationWrites(app, deps);
  registerEscalationLetter(app, deps);
  registerBackup(app, deps);
};
