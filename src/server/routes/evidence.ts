import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resolveCase, type CaseId } from '../../app/cases.js';
import { vaultOf } from '../../app/evidence/common.js';
import { addEvidence, listEvidence, type AddEvidenceInput } from '../../app/evidence/evidence.js';
import { evidenceJson, evidenceView } from '../../app/evidence/present.js';
import { AppError } from '../../app/errors.js';
import { fieldLabel } from '../../app/field-labels.js';
import { zodReasonZh } from '../error-handler.js';
import { EvidenceFields, EvidenceView, EvidenceWithdraw, IdParams } from '../../contracts/index.js';
import { withdrawEvidence } from '../../app/evidence/withdraw.js';
import { contentDisposition } from '../download.js';
import type { ServerDeps } from '../server-deps.js';
import type { RouteApp, RouteOptions } from './index.js';
import { makeTempDir, removeTempDir, streamBuiltFile } from './temp-files.js';

/** The name a browser sent, reduced to its last path segment; refuses traversal and empty names. */
export function uploadName(raw: string): string {
  const base = raw.split(/[/\\]/).pop()?.trim() ?? '';
  if (base === '' || base === '.' || base === '..' || raw.includes('..'))
    throw new AppError(
      'invalid-input',
      `file name "${raw}" is not allowed (no paths or ".." please)`,
      {
        field: 'file',
        messageZh: `文件名“${raw}”不被接受（不能包含路径或“..”）`,
      },
    );
  if (base.length > 255)
    throw new AppError('invalid-input', 'file name is longer than 255 characters', {
      field: 'file',
      messageZh: '文件名超过 255 个字符',
    });
  return base;
}

const tags = ['evidence'];

interface UploadedFile {
  path: string;
  name: string;
}

type Fields = z.output<typeof EvidenceFields>;

/**
 * Streams the file part to `<dir>/data` once the fields before it are valid (bad input stores
 * nothing); refuses a file larger than `limit` bytes.
 */
async function storeFilePart(
  part: MultipartFile,
  fields: Record<string, string>,
  dir: string,
  limit: number,
): Promise<UploadedFile> {
  const name = uploadName(part.filename);
  // Validate the fields before accepting any bytes: bad input stores nothing.
  EvidenceFields.parse(fields);
  const path = join(dir, 'data');
  await pipeline(part.file, createWriteStream(path, { flags: 'wx' }));
  if (part.file.truncated)
    throw new AppError(
      'input-too-large',
      `the file is larger than ${Math.round(limit / 1024 / 1024)} MB`,
      {
        field: 'file',
        messageZh: `文件超过 ${Math.round(limit / 1024 / 1024)} MB 上限`,
      },
    );
  return { path, name };
}

/** Reads the multipart upload: its fields (validated) and its one non-empty file, kept in `dir`. */
async function receiveUpload(
  req: FastifyRequest,
  dir: string,
  limit: number,
): Promise<{ file: UploadedFile; fields: Fields }> {
  const fields: Record<string, string> = {};
  let file: UploadedFile | undefined;
  for await (const part of req.parts({ limits: { fileSize: limit } })) {
    if (part.type === 'field') {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    if (file !== undefined) {
      part.file.resume();
      throw new AppError('invalid-input', 'one file per upload', {
        field: 'file',
        messageZh: '每次只能上传一个文件',
      });
    }
    file = await storeFilePart(part, fields, dir, limit);
  }
  if (file === undefined)
    throw new AppError('invalid-input', 'no file in the upload', {
      field: 'file',
      messageZh: '没有收到文件',
    });
  const parsed = EvidenceFields.parse(fields);
  if ((await stat(file.path)).size === 0)
    throw new AppError('invalid-input', 'the file is empty', {
      field: 'file',
      messageZh: '文件是空的',
    });
  return { file, fields: parsed };
}

/** The form fields' first problem as the error the schema-checked routes give (field, label). */
function invalidFields(e: z.ZodError): AppError {
  const i = e.issues[0]!;
  const field = i.path.join('.') || 'input';
  const { code, message, path: _path, ...params } = i;
  return new AppError('invalid-input', `${fieldLabel(field, 'en')}: ${message}`, {
    field,
    messageZh: `${fieldLabel(field, 'zh')}：${zodReasonZh(code, message, params)}`,
    details: { issues: e.issues },
  });
}

function toEvidenceInput(caseId: CaseId, file: UploadedFile, f: Fields): AddEvidenceInput {
  return {
    caseId,
    file: file.path,
    originalName: file.name,
    kind: f.kind,
    lender: f.lenderId ?? null,
    capturedAt: f.capturedAt ?? null,
    note: f.description ?? null,
    contactId: f.contactId ?? null,
  };
}

function registerUpload(app: RouteApp, deps: ServerDeps, uploadLimit: number): void {
  app.post(
    '/evidence',
    {
      schema: {
        tags,
        summary:
          'Upload one file (multipart/form-data: kind, lenderId?, capturedAt?, description?, then file)',
        consumes: ['multipart/form-data'],
        response: { 201: EvidenceView },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart())
        throw new AppError('invalid-input', 'expected multipart/form-data with a file', {
          field: 'file',
          messageZh: '请以 multipart/form-data 上传文件',
        });
      const c = await resolveCase(deps);
      const dir = await makeTempDir(deps, 'upload');
      try {
        const { file, fields } = await receiveUpload(req, dir, uploadLimit);
        const r = await addEvidence(deps, toEvidenceInput(c.id, file, fields));
        return reply.status(201).send(evidenceView(evidenceJson(r.item)));
      } catch (e) {
        throw e instanceof z.ZodError ? invalidFields(e) : e;
      } finally {
        await removeTempDir(dir);
      }
    },
  );
}

function registerEvidenceItems(app: RouteApp, deps: ServerDeps): void {
  app.get(
    '/evidence',
    { schema: { tags, response: { 200: z.object({ items: z.array(EvidenceView) }) } } },
    async () => {
      const c = await resolveCase(deps);
      return { items: (await listEvidence(deps, c.id)).map((e) => evidenceView(evidenceJson(e))) };
    },
  );

  // append-only: withdrawing keeps the file and its ledger entry and records why
  app.post(
    '/evidence/:id/withdraw',
    {
      schema: { tags, params: IdParams, body: EvidenceWithdraw, response: { 200: EvidenceView } },
    },
    async (req) => {
      const c = await resolveCase(deps);
      const r = await withdrawEvidence(deps, c.id, req.params.id, req.body.reason);
      return evidenceView(evidenceJson(r.item));
    },
  );
}

function registerDownloads(app: RouteApp, deps: ServerDeps): void {
  app.get('/evidence/:id/download', { schema: { tags, params: IdParams } }, async (req, reply) => {
    const c = await resolveCase(deps);
    const item = (await listEvidence(deps, c.id)).find((e) => e.id === req.params.id);
    if (item === undefined)
      throw new AppError('not-found', `evidence "${req.params.id}" is not in this case`, {
        field: 'id',
        messageZh: '没有这份证据',
      });
    return reply
      .header('Content-Type', item.mediaType)
      .header('Content-Length', String(item.sizeBytes))
      .header('Content-Disposition', contentDisposition(item.originalName))
      .send(vaultOf(deps).openVerified(item.sha256));
  });

  app.get(
    '/evidence/export',
    {
      schema: {
        tags,
        summary: 'The evidence bundle (zip: originals, manifest, SHA256SUMS, index.html)',
      },
    },
    async (_req, reply) => {
      const c = await resolveCase(deps);
      const stream = await streamBuiltFile(deps, 'export', 'bundle.zip', async (out) => {
        const { exportEvidence } = await import('../../app/evidence/export.js');
        await exportEvidence(deps, { caseId: c.id, caseTitle: c.title, out });
      });
      const day = deps.clock.now().slice(0, 10);
      return reply
        .header('Content-Type', 'application/zip')
        .header('Content-Disposition', contentDisposition(`证据包-${day}.zip`))
        .send(stream);
    },
  );
}

/**
 * Evidence vault over HTTP. Uploads are multipart with the fields first and the file last; the file
 * streams to a temp file under the data directory (never into memory), then app/evidence streams
 * it into the content-addressed vault and records it in the ledger.
 */
export const evidenceRoutes: FastifyPluginAsyncZod<RouteOptions> = async (
  app,
  { deps, uploadLimit },
) => {
  registerEvidenceItems(app, deps);
  registerUpload(app, deps, uploadLimit);
  registerDownloads(app, deps);
};
