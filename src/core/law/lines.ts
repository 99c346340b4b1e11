import { compareDates, maxDate, type IsoDate } from '../dates/index.js';
import { formatPercent, ratePpm, type RatePpm } from '../rates/index.js';
import { lprOn } from './lpr.js';
import type { Certainty, LenderType, RateLine } from './types.js';
import { fail } from '../result.js';

// Which legal rate line applies to which lender and contract date, as data (docs/law.md, Price lines).
// Every line compares a SIMPLE annual rate (单利口径): courts apply caps as simple rates (FACTS §4c).

/** 民间借贷规定 (2020 first amendment) took effect; 4×LPR replaced the 24%/36% rule (第31条). */
export const PRIVATE_LPR_RULE_FROM = '2020-08-20' as IsoDate;

const LINE_24 = ratePpm(240_000);
const LINE_36 = ratePpm(360_000);

const RANK: Record<Certainty, number> = { P: 0, S: 1, U: 2 };
/** The weaker of two certainties: a verdict is only as sure as its least-sure input. */
export function weakest(a: Certainty, b: Certainty): Certainty {
  return RANK[a] >= RANK[b] ? a : b;
}

export function isLicensed(t: LenderType): boolean {
  switch (t) {
    case 'bank':
    case 'consumer-finance':
    case 'small-loan':
    case 'guarantee-platform':
      return true;
    case 'private':
    case 'unknown':
      return false;
    default: {
      const never: never = t;
      throw new Error(`unknown lender type ${String(never)}`);
    }
  }
}

function lpr4x(contractDate: IsoDate): RateLine {
  const lpr = lprOn(contractDate);
  // Only called for dates on/after 2020-08-20, which always have an LPR.
  if (!lpr.ok) fail(lpr.error.message);
  const e = lpr.value;
  const limit = ratePpm(e.oneYearPpm * 4);
  return {
    id: 'private-lpr4x',
    labelZh: `4倍LPR（合同成立时一年期LPR ${formatPercent(e.oneYearPpm)} × 4 = ${formatPercent(limit)}）`,
    labelEn: `4 × LPR (one-year LPR at contract date ${formatPercent(e.oneYearPpm)} × 4 = ${formatPercent(limit)})`,
    limitPpm: limit,
    provisionIds: ['private-lending-25', 'private-lending-29', 'civil-code-680'],
    // the rule is P; the LPR figure is S (or U after the checked range): the verdict takes the weaker
    certainty: weakest('P', e.certainty),
    appliesBecauseZh: `民间借贷（出借人为个人或非持牌机构）在 ${PRIVATE_LPR_RULE_FROM} 及以后成立的合同，利率超过合同成立时一年期LPR四倍的部分法院不予支持；逾期利息、违约金和其他费用合计也以此为限。LPR 取自 ${e.effective} 的报价（来源可信度 ${e.certainty}）。`,
    appliesBecauseEn: `For private lending (a person or an unlicensed lender) under a contract formed on or after ${PRIVATE_LPR_RULE_FROM}, courts do not support interest above 4 × the one-year LPR at contract date; overdue interest, penalties and fees together are capped the same way. LPR quote of ${e.effective} (source certainty ${e.certainty}).`,
  };
}

/** 4×LPR "at filing" for the post-2020-08-20 part of an older private loan (第31条); `filing` ≈ asOf. */
function lpr4xAtFiling(filing: IsoDate): {
  ppm: RatePpm;
  certainty: Certainty;
  effective: IsoDate;
} {
  const r = lprOn(maxDate(filing, PRIVATE_LPR_RULE_FROM), 'asOf');
  if (!r.ok) fail(r.error.message);
  return {
    ppm: ratePpm(r.value.oneYearPpm * 4),
    certainty: r.value.certainty,
    effective: r.value.effective,
  };
}

function transitionLines(contractDate: IsoDate, asOf: IsoDate): RateLine[] {
  const after = lpr4xAtFiling(asOf);
  const why2015Zh = `合同成立于 ${contractDate}，早于 ${PRIVATE_LPR_RULE_FROM}：按民间借贷规定第31条，截至 2020-08-19 的利息可适用 2015 年版“两线三区”规则（24% 以内受保护，超过 36% 部分无效，其间已付不退）。`;
  const why2015En = `The contract was formed on ${contractDate}, before ${PRIVATE_LPR_RULE_FROM}: under art. 31 interest up to 2020-08-19 may follow the 2015 "two lines, three zones" rule (up to 24% enforced, above 36% void, paid interest in between not refunded).`;
  return [
    {
      id: 'private-2015-24',
      labelZh: '24% 保护线（2015年版民间借贷规定，适用于 2020-08-19 前的利息）',
      labelEn: '24% protected line (2015 private-lending rule, interest up to 2020-08-19)',
      limitPpm: LINE_24,
      provisionIds: ['private-lending-2015-26', 'private-lending-31'],
      certainty: 'S',
      appliesBecauseZh: why2015Zh,
      appliesBecauseEn: why2015En,
    },
    {
      id: 'private-2015-36',
      labelZh: '36% 无效线（2015年版民间借贷规定，适用于 2020-08-19 前的利息）',
      labelEn: '36% void line (2015 private-lending rule, interest up to 2020-08-19)',
      limitPpm: LINE_36,
      provisionIds: ['private-lending-2015-26', 'private-lending-31'],
      certainty: 'S',
      appliesBecauseZh: why2015Zh,
      appliesBecauseEn: why2015En,
    },
    {
      id: 'private-lpr4x-filing',
      labelZh: `4倍LPR（2020-08-20 起的利息，按起诉时 LPR：以 ${after.effective} 报价计 ${formatPercent(after.ppm)}）`,
      labelEn: `4 × LPR (interest from 2020-08-20, at the LPR when suing: ${formatPercent(after.ppm)} using the ${after.effective} quote)`,
      limitPpm: after.ppm,
      provisionIds: ['private-lending-31', 'private-lending-25'],
      certainty: weakest('S', after.certainty),
      appliesBecauseZh: `按民间借贷规定第31条，2020-08-20 起的利息适用起诉时的利率保护标准；此处以核算日（asOf）的 LPR 代替起诉日。`,
      appliesBecauseEn: `Under art. 31, interest from 2020-08-20 follows the cap in force when the suit is filed; we use the LPR on the as-of date in place of the filing date.`,
    },
  ];
}

function licensed24(lenderType: LenderType): RateLine {
  const ids = ['fafa-2017-22-item2', 'private-lending-1'];
  if (lenderType === 'small-loan' || lenderType === 'guarantee-platform')
    ids.push('spc-reply-2020-27');
  if (lenderType === 'bank' || lenderType === 'guarantee-platform') ids.push('nfra-2025-9-item6');
  return {
    id: 'licensed-24',
    labelZh: '24% 司法保护线（金融借款：利息、罚息、违约金和各项费用合计）',
    labelEn: '24% judicial line (financial loans: interest, penalties and all fees together)',
    limitPpm: LINE_24,
    provisionIds: ids,
    certainty: 'S',
    appliesBecauseZh:
      '持牌机构（银行、消费金融公司、小额贷款公司及网络小贷、融资担保等）的贷款不适用民间借贷的4倍LPR上限；法发〔2017〕22号第二条：借款人主张时，法院对利息、复利、罚息、违约金和其他费用合计超过年利率24%的部分予以调减。这是司法政策，需要借款人自己提出。',
    appliesBecauseEn:
      'Loans from licensed lenders (banks, consumer-finance companies, small-loan companies incl. online micro-lenders, guarantee-backed platforms) are outside the private-lending 4×LPR cap; under 法发〔2017〕22号 item 2 courts cut interest, penalties and fees that together exceed 24% a year, when the borrower asks. It is judicial policy: the borrower must raise it.',
  };
}

function legacy36(lenderType: LenderType): RateLine {
  return {
    id: 'legacy-36',
    labelZh: '36% 旧红线（“现金贷”整治时期的综合成本上限，参考）',
    labelEn: '36% legacy line (the cash-loan era all-in cost ceiling, for reference)',
    limitPpm: LINE_36,
    provisionIds: ['cash-loan-2017-141', 'private-lending-2015-26'],
    certainty: 'U',
    appliesBecauseZh:
      '2017 年“现金贷”整治通知（整治办函〔2017〕141号，原文待核实）要求综合资金成本符合当时民间借贷 36% 上限；许多网贷仍按 36% 定价。超过 36% 的部分争议最明显，但该规则对' +
      (isLicensed(lenderType) ? '持牌机构' : '本笔贷款') +
      '的效力未经核实。',
    appliesBecauseEn:
      "The 2017 cash-loan notice (整治办函〔2017〕141号, text unverified) tied all-in cost to the then 36% private-lending ceiling; many online loans still price up to 36%. Cost above 36% is the clearest objection, but the rule's force for this loan is unverified.",
  };
}

/**
 * Every legal rate line that applies to a loan by lender type and contract date, each with its
 * provisions and certainty. `asOf` stands in for the filing date in the 第31条 transition.
 * unknown lender type: both the private (4×LPR) and licensed (24%) lines, each saying when it applies.
 */
export function applicableLines(
  lenderType: LenderType,
  contractDate: IsoDate,
  asOf: IsoDate = contractDate,
): RateLine[] {
  const isOldPrivate = compareDates(contractDate, PRIVATE_LPR_RULE_FROM) < 0;
  const privateLines = isOldPrivate ? transitionLines(contractDate, asOf) : [lpr4x(contractDate)];
  if (lenderType === 'private') return privateLines;
  if (isLicensed(lenderType)) return [licensed24(lenderType), legacy36(lenderType)];
  // unknown: say which line applies when
  const ifPrivateZh = '（若出借人是个人或非持牌机构）';
  const ifPrivateEn = ' (if the lender is a person or unlicensed)';
  const ifLicensedZh = '（若出借人是持牌金融机构）';
  const ifLicensedEn = ' (if the lender is a licensed institution)';
  const tag = (l: RateLine, zh: string, en: string): RateLine => ({
    ...l,
    labelZh: `${l.labelZh}${zh}`,
    labelEn: `${l.labelEn}${en}`,
    appliesBecauseZh: `出借人类型未知${zh}：${l.appliesBecauseZh}`,
    appliesBecauseEn: `Lender type unknown${en}: ${l.appliesBecauseEn}`,
  });
  return [
    ...privateLines.map((l) => tag(l, ifPrivateZh, ifPrivateEn)),
    tag(licensed24(lenderType), ifLicensedZh, ifLicensedEn),
    legacy36(lenderType),
  ];
}

/**
 * The line a court would recalculate with: 4×LPR for private loans formed on/after 2020-08-20;
 * for older private loans 24% until 2020-08-19 then 4×LPR at asOf (第31条, as dated segments);
 * 24% for licensed lenders; for an unknown lender also 24%, the higher line, so the
 * recalculation never overstates what the borrower can claim back.
 */
export function recalculationLine(
  lenderType: LenderType,
  contractDate: IsoDate,
  asOf: IsoDate = contractDate,
): RateLine {
  if (lenderType !== 'private') return licensed24(lenderType);
  if (compareDates(contractDate, PRIVATE_LPR_RULE_FROM) >= 0) return lpr4x(contractDate);
  const after = lpr4xAtFiling(asOf);
  return {
    id: 'private-transition',
    labelZh: `24%（至 2020-08-19）后转 4倍LPR ${formatPercent(after.ppm)}（2020-08-20 起）`,
    labelEn: `24% (to 2020-08-19), then 4 × LPR ${formatPercent(after.ppm)} (from 2020-08-20)`,
    limitPpm: after.ppm,
    provisionIds: ['private-lending-31', 'private-lending-2015-26', 'private-lending-25'],
    certainty: weakest('S', after.certainty),
    appliesBecauseZh: '民间借贷规定第31条的新旧衔接规则。',
    appliesBecauseEn: 'The transition rule of private-lending interpretation art. 31.',
    segments: [
      { from: contractDate, ppm: LINE_24 },
      { from: PRIVATE_LPR_RULE_FROM, ppm: after.ppm },
    ],
  };
}
