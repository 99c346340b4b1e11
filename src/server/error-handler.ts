import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isAppError, type AppErrorCode } from '../app/errors.js';
import { newErrorId, type ErrorLog } from './error-log.js';

/** The one translation from AppError codes to HTTP status (STYLE.md §6). */
export function statusFor(code: AppErrorCode): number {
  switch (code) {
    case 'not-found':
    case 'file-not-found':
      return 404;
    case 'conflict':
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
    case 'database-busy':
      return 503;
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

/**
 * `spaIndex` returns the web app's index.html for client-side routes (GET, not /api). Unexpected
 * errors go to `log` with an id that the 500 reply shows.
 */
export function registerErrorHandler(
  app: FastifyInstance,
  spaIndex: () => string | undefined = () => undefined,
  log: ErrorLog | undefined = undefined,
): void {
  const logged = (e: unknown, req: FastifyRequest): string => {
    const id = newErrorId();
    try {
      log?.write({ id, method: req.method, route: req.routeOptions.url ?? '(no route)', error: e });
    } catch {
      /* logging must never turn a 500 into a crash */
    }
    return id;
  };
  app.setErrorHandler((e: unknown, req, reply) => {
    if (isAppError(e)) {
      const status = statusFor(e.code);
      const error: Record<string, unknown> = { code: e.code, message: e.message };
      if (e.messageZh !== undefined) error['messageZh'] = e.messageZh;
      if (e.field !== undefined) error['field'] = e.field;
      if (e.details !== undefined) error['details'] = e.details;
      if (status >= 500) {
        const id = logged(e, req);
        error['errorId'] = id;
        error['message'] = `${e.message} (error id ${id})`;
        if (e.messageZh !== undefined) error['messageZh'] = `${e.messageZh}（错误编号 ${id}）`;
      }
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
    // @fastify/multipart answers a second file (limits.files = 1) with a 413 like a size limit
    if (fe.code === 'FST_FILES_LIMIT')
      return reply.status(400).send({
        error: {
          code: 'invalid-input',
          field: 'file',
          message: 'one file per upload: send each file on its own',
          messageZh: '每次只能上传一个文件',
        },
      });
    if (fe.code === 'FST_PARTS_LIMIT' || fe.code === 'FST_FIELDS_LIMIT')
      return reply.status(400).send({
        error: {
          code: 'invalid-input',
          message: 'the upload has too many fields',
          messageZh: '上传的表单字段过多',
        },
      });
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
    const id = logged(e, req);
    return reply.status(500).send({
      error: {
        code: 'internal',
        message: `internal error (a bug), error id ${id}; see the server log (logs/server.log in the data directory)`,
        messageZh: `内部错误（程序缺陷），错误编号 ${id}；详见服务器日志（数据目录下 logs/server.log）`,
        errorId: id,
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
