import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../app/errors.js';
import { LetterPlan, LetterQuery, LETTERS } from '../../contracts/index.js';
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
      const q = req.query;
      const title = LETTERS.find((l) => l.kind === req.params.kind);
      if (title === undefined)
        throw new AppError('not-found', `no letter kind "${req.params.kind}"`, {
          field: 'kind',
          messageZh: `没有“${req.params.kind}”这种文书`,
        });
      // documents (docx and its templates) load on first use: keeps the server's resting memory low
      const [{ loadFullLetterCase }, { parseCaseInput, caseInputToJson }, { renderLetter }] =
        await Promise.all([
          import('../../app/documents/letter-extras.js'),
          import('../../app/documents/input.js'),
          import('../../app/documents/documents.js'),
        ]);
      // the case from the store: saved budget, the latest plan's proposal for this lender,
      // legality findings and exhibits. ?plan= (the older browser-held plan) still overrides.
      let c = await loadFullLetterCase(deps, { lender: q.lenderId });
      if (q.plan !== undefined) {
        let planJson: unknown;
        try {
          planJson = JSON.parse(q.plan);
        } catch {
          throw new AppError('invalid-json', 'plan: not valid JSON', {
            field: 'plan',
            messageZh: 'plan：不是有效的 JSON',
          });
        }
        const plan = LetterPlan.parse(planJson);
        c = parseCaseInput({ ...caseInputToJson(c), plan });
      }
      const r = await renderLetter(c, { kind: req.params.kind, format: q.format, lang: q.lang });
      // the pre-send and limitation checks travel with the file (URI-encoded JSON: headers are ASCII)
      if (r.warnings.length > 0)
        void reply.header('x-xieshang-warnings', encodeURIComponent(JSON.stringify(r.warnings)));
      const lender = c.lender.brand ?? c.lender.name;
      const name = `${q.lang === 'en' ? title.titleEn : title.titleZh}-${lender}.${q.format}`;
      return sendLetter(reply, r.bytes, q.format, name);
    },
  );
};
