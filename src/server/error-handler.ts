import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isAppError, type AppErrorCode } from '../app/errors.js';

/** The one translation from AppError codes to HTTP status (STYLE.md §6). */
export function statusFor(code: AppErrorCode): number {
  switch (code) {
    case 'not-found':
    case 'file-not-found':
      return 404;
    case 'conflict':
    case 'idempotency-in-progress':
      return 409;
    case 'forbidden':
      return 403;
    case 'unauthorized':
      return 401;
    case 'input-too-large':
      return 413;
    case 'database-too-new':
    case 'integrity-failure':
    case 'internal':
      return 500;
    case 'idempotency-key-reused':
    case 'infeasible':
    case 'no-solution':
    case 'ambiguous-rate':
      return 422;
    default:
      return 400;
  }
}

interface Issue {
  path: string;
  message: string;
}

function issuesOf(e: FastifyError): Issue[] {
  if (!hasZodFastifySchemaValidationErrors(e)) return [];
  return e.validation.map((v) => {
    const where = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const ctx = (e as { validationContext?: string }).validationContext ?? 'body';
    return { path: where ? `${ctx}.${where}` : ctx, message: v.message ?? 'invalid' };
  });
}

/** `spaIndex` returns the web app's index.html for client-side routes (GET, not /api). */
export function registerErrorHandler(
  app: FastifyInstance,
  spaIndex: () => string | undefined = () => undefined,
  setCookie: string | undefined = undefined,
): void {
  app.setErrorHandler((e: unknown, req, reply) => {
    if (isAppError(e)) {
      const status = statusFor(e.code);
      const error: Record<string, unknown> = { code: e.code, message: e.message };
      if (e.messageZh !== undefined) error['messageZh'] = e.messageZh;
      if (e.field !== undefined) error['field'] = e.field;
      if (e.details !== undefined) error['details'] = e.details;
      if (status >= 500) req.log.error(e);
      return reply.status(status).send({ error });
    }
    const fe = e as FastifyError;
    if (hasZodFastifySchemaValidationErrors(fe)) {
      const issues = issuesOf(fe);
      const first = issues[0];
      return reply.status(400).send({
        error: {
          code: 'invalid-input',
          message: first ? `${first.path}: ${first.message}` : 'invalid request',
          messageZh: first ? `${first.path}：输入无效（${first.message}）` : '请求无效',
          ...(first ? { field: first.path.replace(/^(body|querystring|params)\.?/, '') } : {}),
          details: { issues },
        },
      });
    }
    const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
    if (
      status === 413 ||
      fe.code === 'FST_REQ_FILE_TOO_LARGE' ||
      fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
    )
      return reply.status(413).send({
        error: {
          code: 'input-too-large',
          message: 'the request is larger than the limit',
          messageZh: '上传内容超过大小上限',
        },
      });
    if (status >= 400 && status < 500) {
      const code =
        fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ||
        fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
        fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
          ? 'invalid-json'
          : 'invalid-input';
      return reply.status(status === 415 ? 415 : 400).send({
        error: { code, message: fe.message, messageZh: '请求格式无效' },
      });
    }
    req.log.error(e);
    return reply.status(500).send({
      error: {
        code: 'internal',
        message: 'internal error (a bug); see the server log',
        messageZh: '内部错误（程序缺陷），详见服务器日志',
      },
    });
  });
  app.setNotFoundHandler((req, reply) => {
    const html = spaIndex();
    const path = req.url.split('?')[0] ?? '';
    if (
      html !== undefined &&
      req.method === 'GET' &&
      !path.startsWith('/api/') &&
      !path.startsWith('/assets/') &&
      !path.includes('.')
    ) {
      if (setCookie !== undefined) reply.header('Set-Cookie', setCookie);
      return reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(html);
    }
    return reply.status(404).send({
      error: {
        code: 'not-found',
        message: `no route ${req.method} ${req.url.split('?')[0]}`,
        messageZh: '找不到该地址',
      },
    });
  });
}
