// The case views the home screen reads (`/api/summary`, `/api/debts`): computed once for all their
// debts (60 debts = 60 IRR solves), cached, and kept as pre-encoded JSON bytes, gzipped once.
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { resolveCase } from '../../app/cases.js';
import { listDebts } from '../../app/debts.js';
import { AppError } from '../../app/errors.js';
import { debtExtras, debtViews, summaryView } from '../../app/present-case.js';
import { summarizeCase } from '../../app/summary.js';
import { todayIn } from '../../app/today.js';
import type { DebtView, Summary } from '../../contracts/index.js';
import type { IsoDate } from '../../core/dates/index.js';
import type { ServerDeps } from '../server-deps.js';

const VIEWS_TTL_MS = 1000;
const gzipAsync = promisify(gzip);

export interface Encoded {
  raw: Buffer;
  gzip: Buffer;
}

interface CaseViews {
  debts: DebtView[];
  summaryBody: Encoded;
  debtsBody: Encoded;
}

async function encode(x: unknown): Promise<Encoded> {
  const raw = Buffer.from(JSON.stringify(x), 'utf8');
  return { raw, gzip: await gzipAsync(raw) };
}

const PLAIN_JSON = Object.freeze({
  'content-type': 'application/json; charset=utf-8',
  vary: 'Accept-Encoding',
});
const GZIP_JSON = Object.freeze({ ...PLAIN_JSON, 'content-encoding': 'gzip' });

// a browser sends the same Accept-Encoding on every request: parse it once
let lastAccept: string | undefined;
let lastAcceptsGzip = false;

/** True when the Accept-Encoding header allows gzip (explicitly or by `*`), q=0 meaning refused. */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  if (typeof header === 'string') {
    if (header !== lastAccept) {
      lastAcceptsGzip = parseAcceptsGzip(header);
      lastAccept = header;
    }
    return lastAcceptsGzip;
  }
  return parseAcceptsGzip(header);
}

function parseAcceptsGzip(header: string | string[] | undefined): boolean {
  if (header === undefined) return false;
  let star = false;
  for (const part of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const allowed = q === undefined || Number(q.slice(2)) > 0;
    if (name.trim() === 'gzip') return allowed;
    if (name.trim() === '*') star = allowed;
  }
  return star;
}

/** pre-serialized JSON, gzipped when the client allows (the schema still documents it) */
export function sendEncoded<T>(req: FastifyRequest, reply: FastifyReply, body: Encoded): T {
  if (acceptsGzip(req.headers['accept-encoding']))
    return reply.headers(GZIP_JSON).send(body.gzip) as unknown as T;
  return reply.headers(PLAIN_JSON).send(body.raw) as unknown as T;
}

/** The summary and every debt's line as of `asOf`, from one computation over the case. */
async function computeCase(
  deps: ServerDeps,
  asOf: IsoDate,
): Promise<{ summary: Summary; debts: DebtView[] }> {
  const caseId = (await resolveCase(deps)).id;
  const [s, items] = await Promise.all([
    summarizeCase(deps, caseId, asOf),
    listDebts(deps, caseId),
  ]);
  const extras = new Map(items.map((i) => [i.debt.id as string, debtExtras(i.debt)]));
  return { summary: summaryView(s), debts: debtViews(s, extras) };
}

async function computeViews(deps: ServerDeps, asOf: IsoDate): Promise<CaseViews> {
  const { summary, debts } = await computeCase(deps, asOf);
  const [summaryBody, debtsBody] = await Promise.all([encode(summary), encode({ debts })]);
  return { debts, summaryBody, debtsBody };
}

export interface CaseViewCache {
  /** the cached views (computed again after a write or after VIEWS_TTL_MS) */
  views(): Promise<CaseViews>;
  /** One debt's line; `fresh` right after a write (the cache drops only once the reply is sent). */
  oneDebt(id: string, fresh?: boolean): Promise<DebtView>;
}

/**
 * The views' cache: dropped on any write through this server (`writes.version`), and after
 * VIEWS_TTL_MS so writes by the CLI on the same home show up within a second. Single flight:
 * concurrent requests share one computation.
 */
export function createCaseViewCache(deps: ServerDeps, writes: { version: number }): CaseViewCache {
  let cached: { at: number; version: number; views: Promise<CaseViews> } | undefined;
  const views = (): Promise<CaseViews> => {
    const now = Date.now();
    // within the TTL the clock is not read either: at midnight the day may turn up to 1 s late
    if (
      cached !== undefined &&
      cached.version === writes.version &&
      now - cached.at <= VIEWS_TTL_MS
    )
      return cached.views;
    const asOf = todayIn(deps);
    const entry = { at: now, version: writes.version, views: computeViews(deps, asOf) };
    cached = entry;
    entry.views.catch(() => {
      if (cached === entry) cached = undefined;
    });
    return entry.views;
  };
  const oneDebt = async (id: string, fresh = false) => {
    const list = fresh ? (await computeCase(deps, todayIn(deps))).debts : (await views()).debts;
    const d = list.find((x) => x.id === id);
    if (d === undefined)
      throw new AppError('not-found', `debt "${id}" is not in this case`, {
        field: 'id',
        messageZh: `本案件中没有债务“${id}”`,
      });
    return d;
  };
  return { views, oneDebt };
}
