import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isAppError, type AppErrorCode } from '../app/errors.js';
import { fieldLabel, humanizeMessage } from '../app/field-labels.js';
import { labelsOfValues } from '../core/vocab/index.js';

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

/** `spaIndex` returns the web app's index.html for client-side routes (GET, not /api). */
export function registerErrorHandler(
  app: FastifyInstance,
  spaIndex: () => string | undefined = () => undefined,
  setCookie: string | undefined = undefined,
): void {
  app.setErrorHandler((e: unknown, req, reply) => {
    if (isAppError(e)) {
      const status = statusFor(e.code);
      const error: Record<string, unknown> = {
        code: e.code,
        // English stays as written (API clients match it); the Chinese one is what people read
        message: e.message,
      };
      if (e.messageZh !== undefined)
        error['messageZh'] = humanizeMessage(e.messageZh, e.field, 'zh');
      if (e.field !== undefined) error['label'] = fieldLabel(e.field, 'zh');
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
          message: first ? `${fieldLabel(first.path, 'en')}: ${first.message}` : 'invalid request',
          messageZh: first ? `${fieldLabel(first.path, 'zh')}：${first.reasonZh}` : '请求无效',
          ...(first ? { label: fieldLabel(first.path, 'zh') } : {}),
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
