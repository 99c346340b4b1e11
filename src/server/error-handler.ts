import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { toAppError } from '../app/db-errors.js';
import { catalogueMessage, statusOf, type AppErrorCode } from '../app/errors.js';
import { newErrorId, type ErrorLog } from './error-log.js';
import { fieldLabel } from '../app/field-labels.js';
import { labelsOfValues } from '../core/vocab/index.js';

/** The HTTP status of an AppError code: the catalogue's (app/errors.ts), the one translation. */
export function statusFor(code: AppErrorCode): number {
  return statusOf(code);
}

interface Issue {
  path: string;
  message: string;
  /** why, in Chinese, without the field (the label goes in front) */
  reasonZh: string;
}

/** Why a zod issue failed, in Chinese, from its code and parameters (never its English text). */
export function zodReasonZh(
  keyword: string,
  message: string,
  params: Record<string, unknown>,
): string {
  const origin = params['origin'];
  const limit = params['minimum'] ?? params['maximum'];
  if (/received undefined/.test(message)) return '必须填写';
  if (/yuan with at most two decimals/.test(message))
    return '请填写金额（元，最多两位小数），例如 1234.56';
  if (/must not be negative/.test(message)) return '不能是负数';
  if (/date YYYY-MM-DD/.test(message)) return '请填写日期，格式为 YYYY-MM-DD';
  if (/decimal fraction/.test(message)) return '请填写小数形式的利率，例如 0.049';
  switch (keyword) {
    case 'invalid_type':
      return '格式不对';
    case 'too_small':
      if (origin === 'string') return limit === 1 ? '不能为空' : `至少 ${String(limit)} 个字`;
      if (origin === 'array') return `至少 ${String(limit)} 项`;
      return `不能小于 ${String(limit)}`;
    case 'too_big':
      if (origin === 'string') return `最多 ${String(limit)} 个字`;
      if (origin === 'array') return `最多 ${String(limit)} 项`;
      return `不能大于 ${String(limit)}`;
    case 'invalid_value':
    case 'invalid_enum_value': {
      const values = params['values'];
      const named = Array.isArray(values) ? labelsOfValues(values, 'zh') : undefined;
      return named === undefined
        ? '不是可选的值之一，请从列表中选择'
        : `不是可选的值之一，可选：${named}`;
    }
    case 'invalid_format':
    case 'invalid_string':
      return '格式不对';
    case 'unrecognized_keys':
      return '包含无法识别的内容';
    case 'not_multiple_of':
    case 'invalid_number':
      return '数字不对';
    default:
      return '输入无效';
  }
}

function issuesOf(e: FastifyError): Issue[] {
  if (!hasZodFastifySchemaValidationErrors(e)) return [];
  return e.validation.map((v) => {
    const where = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const ctx = (e as { validationContext?: string }).validationContext ?? 'body';
    const message = v.message ?? 'invalid';
    return {
      path: where ? `${ctx}.${where}` : ctx,
      message,
      reasonZh: zodReasonZh(
        String(v.keyword),
        message,
        (v.params ?? {}) as Record<string, unknown>,
      ),
    };
  });
}

/** A reply the handler sends: its status and the `error` object. */
interface ErrorReply {
  status: number;
  error: Record<string, unknown>;
}

/** Writes an unexpected error to the log under a new id (never failing) and returns the id. */
function logged(log: ErrorLog | undefined, e: unknown, req: FastifyRequest): string {
  const id = newErrorId();
  try {
    log?.write({ id, method: req.method, route: req.routeOptions.url ?? '(no route)', error: e });
  } catch {
    /* logging must never turn a 500 into a crash */
  }
  return id;
}

/** An AppError: the catalogue's status, its messages and field; a 5xx also gets an error id. */
function appErrorReply(
  e: NonNullable<ReturnType<typeof toAppError>>,
  logId: () => string,
): ErrorReply {
  const status = statusFor(e.code);
  const error: Record<string, unknown> = {
    code: e.code,
    // English stays as written (API clients match it); the Chinese one is what people read
    message: e.message,
  };
  // plain already (AppError turns paths into labels, or takes the catalogue's message)
  error['messageZh'] = e.messageZh;
  if (e.field !== undefined) error['label'] = fieldLabel(e.field, 'zh');
  if (e.field !== undefined) error['field'] = e.field;
  if (e.details !== undefined) error['details'] = e.details;
  if (status >= 500) {
    const id = logId();
    error['errorId'] = id;
    error['message'] = `${e.message} (error id ${id})`;
    error['messageZh'] = `${e.messageZh}（错误编号 ${id}）`;
  }
  return { status, error };
}

/** A schema validation failure: 400 naming the first field by its label, every issue in details. */
function validationReply(fe: FastifyError): ErrorReply {
  const issues = issuesOf(fe);
  const first = issues[0];
  return {
    status: 400,
    error: {
      code: 'invalid-input',
      message: first ? `${fieldLabel(first.path, 'en')}: ${first.message}` : 'invalid request',
      messageZh: first ? `${fieldLabel(first.path, 'zh')}：${first.reasonZh}` : '请求无效',
      ...(first ? { label: fieldLabel(first.path, 'zh') } : {}),
      ...(first ? { field: first.path.replace(/^(body|querystring|params)\.?/, '') } : {}),
      details: { issues },
    },
  };
}

/** Fastify's own client errors (uploads, sizes, bodies); undefined for anything else (a bug). */
function fastifyClientReply(fe: FastifyError): ErrorReply | undefined {
  // @fastify/multipart answers a second file (limits.files = 1) with a 413 like a size limit
  if (fe.code === 'FST_FILES_LIMIT')
    return {
      status: 400,
      error: {
        code: 'invalid-input',
        field: 'file',
        message: 'one file per upload: send each file on its own',
        messageZh: '每次只能上传一个文件',
      },
    };
  if (fe.code === 'FST_PARTS_LIMIT' || fe.code === 'FST_FIELDS_LIMIT')
    return {
      status: 400,
      error: {
        code: 'invalid-input',
        message: 'the upload has too many fields',
        messageZh: '上传的表单字段过多',
      },
    };
  const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
  if (
    status === 413 ||
    fe.code === 'FST_REQ_FILE_TOO_LARGE' ||
    fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
  )
    return {
      status: 413,
      error: {
        code: 'input-too-large',
        message: 'the request is larger than the limit',
        messageZh: catalogueMessage('input-too-large', 'zh'),
      },
    };
  if (status < 400 || status >= 500) return undefined;
  const code =
    fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ||
    fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
      ? 'invalid-json'
      : 'invalid-input';
  return {
    status: status === 415 ? 415 : 400,
    error: {
      code,
      message: fe.message,
      messageZh: code === 'invalid-json' ? catalogueMessage(code, 'zh') : '请求格式无效',
    },
  };
}

/** Anything else is a bug: 500 with the id it was logged under. */
function internalReply(id: string): ErrorReply {
  return {
    status: 500,
    error: {
      code: 'internal',
      message: `internal error (a bug), error id ${id}; see the server log (logs/server.log in the data directory)`,
      messageZh: `内部错误（程序缺陷），错误编号 ${id}；详见服务器日志（数据目录下 logs/server.log）`,
      errorId: id,
    },
  };
}

/** The reply for anything a route throws. */
function replyFor(thrown: unknown, logId: (e: unknown) => string): ErrorReply {
  const e = toAppError(thrown);
  if (e !== undefined) return appErrorReply(e, () => logId(e));
  const fe = thrown as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe)) return validationReply(fe);
  return fastifyClientReply(fe) ?? internalReply(logId(thrown));
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
  app.setErrorHandler((thrown: unknown, req, reply) => {
    const { status, error } = replyFor(thrown, (e) => logged(log, e, req));
    return reply.status(status).send({ error });
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
