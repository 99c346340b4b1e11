import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resolveCase } from '../../app/cases.js';
import { Id, IsoDateString } from '../../contracts/index.js';
import { contentDisposition } from '../download.js';
import type { RouteOptions } from './index.js';

const EscalationCreate = z.object({
  lenderId: Id,
  /** a complaint channel id: nfra-12378, credit-dispute, pboc-complaint, nifa, … */
  channel: z.string().min(1).max(40),
  sentDate: IsoDateString.optional(),
  reference: z.string().max(100).optional(),
  notes: z.string().max(5000).optional(),
});

/** Escalations (F10) and the whole-home backup. */
export const escalationRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const tags = ['escalations'];

  // escalations render letters and backup zips: both load on first use (resting memory)
  app.get('/escalations', { schema: { tags } }, async () => {
    const { listEscalations } = await import('../../app/escalations.js');
    return { escalations: await listEscalations(deps) };
  });

  app.post('/escalations', { schema: { tags, body: EscalationCreate } }, async (req, reply) => {
    const b = req.body;
    const { recordEscalation } = await import('../../app/escalations.js');
    const r = await recordEscalation(deps, {
      lender: b.lenderId,
      channel: b.channel,
      ...(b.sentDate ? { sentOn: b.sentDate } : {}),
      ...(b.reference ? { reference: b.reference } : {}),
      ...(b.notes ? { notes: b.notes } : {}),
      letter: null,
    });
    return reply.status(201).send({ escalation: r.escalation });
  });

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
      const dir = await mkdtemp(join(tmpRoot, 'backup-'));
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
