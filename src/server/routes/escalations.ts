import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { resolveCase } from '../../app/cases.js';
import { AppError, isAppError } from '../../app/errors.js';
import { fieldLabel } from '../../app/field-labels.js';
import { listLenders } from '../../app/lenders.js';
import { channelView, escalationView } from '../../app/present-escalations.js';
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
import type { RouteOptions } from './index.js';

/** The app names fields like the CLI flags; the API names them as in its JSON. */
const WIRE_FIELDS: Record<string, { field: string; zh: string }> = {
  lender: { field: 'lenderId', zh: '债权人' },
  'sent-on': { field: 'sentDate', zh: '发送日期' },
  'chase-on': { field: 'followUpDate', zh: '跟进日期' },
  'dispute-institution': { field: 'dispute.institution', zh: '数据报送机构' },
  'dispute-account': { field: 'dispute.account', zh: '账户' },
  'dispute-wrong': { field: 'dispute.wrong', zh: '错误记载' },
  'dispute-correct': { field: 'dispute.correct', zh: '应记载为' },
};

async function withWireFields<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    const to = isAppError(e) && e.field !== undefined ? WIRE_FIELDS[e.field] : undefined;
    if (!isAppError(e) || e.field === undefined || to === undefined) throw e;
    const from = e.field;
    // the Chinese message already leads with the app field's label (AppError turns paths into labels)
    const lead = (m: string, name: string, was = from) =>
      m.startsWith(was) ? name + m.slice(was.length) : m;
    throw new AppError(e.code, lead(e.message, to.field), {
      field: to.field,
      messageZh: lead(e.messageZh, to.zh, fieldLabel(from, 'zh')),
      ...(e.details === undefined ? {} : { details: e.details }),
      cause: e,
    });
  }
}

/** Escalations (F10) and the whole-home backup. */
export const escalationRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const tags = ['escalations'];
  // escalations render letters and backup zips: both load on first use (resting memory)
  const load = () => import('../../app/escalations.js');
  const loadLetters = () => import('../../app/escalation-letters.js');
  const viewOf = async (id: string): Promise<EscalationView> => {
    const found = (await (await load()).listEscalations(deps)).find((e) => e.id === id);
    if (found === undefined) fail(`escalation ${id} just written`);
    return escalationView(found);
  };

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
      const b = req.body;
      const { recordEscalation } = await load();
      const { parseChannel } = await import('../../app/documents/documents.js');
      parseChannel(b.channel);
      const c = await resolveCase(deps);
      // by id only: the app's name matching is for people typing at the CLI
      if (!(await listLenders(deps, c.id)).some((l) => l.id === b.lenderId))
        throw new AppError('not-found', `no lender "${b.lenderId}" in this case`, {
          field: 'lenderId',
          messageZh: '本案中没有这个债权人，请先在“我的债务”中添加',
        });
      const r = await withWireFields(() =>
        recordEscalation(deps, {
          caseId: c.id,
          lender: b.lenderId,
          channel: b.channel,
          ...(b.sentDate ? { sentOn: b.sentDate } : {}),
          ...(b.reference ? { reference: b.reference } : {}),
          ...(b.notes ? { notes: b.notes } : {}),
          ...(b.dispute ? { dispute: b.dispute } : {}),
          letter: null,
          actor: 'web',
        }),
      );
      return reply.status(201).send({ escalation: await viewOf(r.escalation.id) });
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
      const b = req.body;
      const { setEscalationStatus } = await load();
      const e = await withWireFields(() =>
        setEscalationStatus(deps, {
          id: req.params.id,
          status: b.status,
          reference: b.reference,
          notes: b.notes,
          sentOn: b.sentDate,
          chaseOn: b.followUpDate,
          actor: 'web',
        }),
      );
      return { escalation: await viewOf(e.id) };
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
      const r = await withWireFields(() =>
        renderEscalationLetter(deps, {
          id: req.params.id,
          format: q.format,
          lang: q.lang,
          kind: q.kind,
        }),
      );
      const sent = r.escalation.sentOn === null ? '' : `-${r.escalation.sentOn}`;
      const name = `${r.letter.doc.title}-${r.lenderName}${sent}.${q.format}`;
      return sendLetter(reply, r.letter.bytes, q.format, name);
    },
  );

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
      const tmpRoot = join(deps.home, 'tmp');
      await mkdir(tmpRoot, { recursive: true });
      const dir = await mkdtemp(join(tmpRoot, deps.temp.dirPrefix('backup')));
      const file = join(dir, 'backup.zip');
      try {
        const { createBackup } = await import('../../app/backup.js');
        await createBackup(deps, file);
      } catch (e) {
        await rm(dir, { recursive: true, force: true });
        throw e;
      }
      const stream = createReadStream(file);
      stream.on('close', () => void rm(dir, { recursive: true, force: true }));
      return reply
        .header('Content-Type', 'application/zip')
        .header(
          'Content-Disposition',
          contentDisposition(`协商备份-${deps.clock.now().slice(0, 10)}.zip`),
        )
        .send(stream);
    },
  );
};
