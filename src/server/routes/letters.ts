import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LetterQuery, LETTERS } from '../../contracts/index.js';
import { sendLetter } from '../download.js';
import type { RouteOptions } from './index.js';

/** Letters rendered on the fly from the case (F6): DOCX, printable HTML, Markdown. */
export const letterRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const tags = ['documents'];

  app.get('/letters', { schema: { tags } }, async () => ({ kinds: LETTERS }));

  app.get(
    '/letters/:kind/warnings',
    {
      schema: {
        tags,
        summary: 'What to fix or know before sending a letter (pre-send and limitation checks)',
        params: z.object({ kind: z.string().min(1).max(40) }),
        querystring: LetterQuery,
      },
    },
    async (req) => {
      const [{ loadLetterCase }, { renderLetter }] = await Promise.all([
        import('../../app/documents/case.js'),
        import('../../app/documents/documents.js'),
      ]);
      const c = await loadLetterCase(deps, { lender: req.query.lenderId });
      const r = await renderLetter(c, {
        kind: req.params.kind,
        format: 'md',
        lang: req.query.lang,
      });
      return { kind: r.kind, warnings: r.warnings };
    },
  );

  app.get(
    '/letters/:kind',
    {
      schema: {
        tags,
        summary: 'Download a letter for one lender',
        params: z.object({ kind: z.string().min(1).max(40) }),
        querystring: LetterQuery,
      },
    },
    async (req, reply) => {
      // documents (docx and its templates) load on first use: keeps the server's resting memory low
      const { letterDownload } = await import('../../app/documents/download.js');
      const r = await letterDownload(deps, { kind: req.params.kind, ...req.query });
      // the pre-send and limitation checks travel with the file (URI-encoded JSON: headers are ASCII)
      if (r.warnings.length > 0)
        void reply.header('x-xieshang-warnings', encodeURIComponent(JSON.stringify(r.warnings)));
      return sendLetter(reply, r.bytes, r.format, r.fileName);
    },
  );
};
