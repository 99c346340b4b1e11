// The letter a page downloads (GET /api/letters/:kind): the case from the store — saved budget,
// the latest plan's proposal for this lender, legality findings, exhibits — rendered with its
// pre-send warnings and the file name the borrower sees. `plan` is the older browser-held plan
// (JSON of LetterPlan); when sent it still overrides the stored one.
import { LETTERS, LetterPlan } from '../../contracts/index.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { renderLetter, type RenderedLetter } from './documents.js';
import { caseInputToJson, parseCaseInput } from './input.js';
import { loadFullLetterCase } from './letter-extras.js';

export interface LetterDownloadRequest {
  kind: string;
  lenderId: string;
  plan?: string | undefined;
  format: 'docx' | 'html' | 'md';
  lang: 'zh' | 'en';
}

export interface LetterDownload {
  bytes: Uint8Array;
  warnings: RenderedLetter['warnings'];
  format: LetterDownloadRequest['format'];
  /** 协商还款申请书-借呗.docx (the title in the letter's language, the lender as the borrower knows it) */
  fileName: string;
}

function titleOf(kind: string): (typeof LETTERS)[number] {
  const title = LETTERS.find((l) => l.kind === kind);
  if (title === undefined)
    throw new AppError('not-found', `no letter kind "${kind}"`, {
      field: 'kind',
      messageZh: `没有“${kind}”这种文书`,
    });
  return title;
}

function parsePlan(text: string): LetterPlan {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('invalid-json', 'plan: not valid JSON', {
      field: 'plan',
      messageZh: 'plan：不是有效的 JSON',
    });
  }
  return LetterPlan.parse(json);
}

export async function letterDownload(
  deps: Deps,
  req: LetterDownloadRequest,
): Promise<LetterDownload> {
  const title = titleOf(req.kind);
  let c = await loadFullLetterCase(deps, { lender: req.lenderId });
  if (req.plan !== undefined)
    c = parseCaseInput({ ...caseInputToJson(c), plan: parsePlan(req.plan) });
  const r = await renderLetter(c, { kind: req.kind, format: req.format, lang: req.lang });
  const lender = c.lender.brand ?? c.lender.name;
  const name = req.lang === 'en' ? title.titleEn : title.titleZh;
  return {
    bytes: r.bytes,
    warnings: r.warnings,
    format: req.format,
    fileName: `${name}-${lender}.${req.format}`,
  };
}
