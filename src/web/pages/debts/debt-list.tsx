// The debt list: the totals, and one card per debt with its true cost in words. A balance nobody
// has given reads "未填", never ¥0.00 (that would say nothing is owed).
import { Fragment, type ReactNode } from 'react';
import type { DebtView, Summary } from '../../../contracts/index.js';
import { Money } from '../../components/field.js';
import { money, percent } from '../../format.js';
import { useLang, useT, type Lang } from '../../i18n.js';
import { label, LENDER_TYPE_LABELS } from '../../labels.js';
import { isCard } from './debt-values.js';

type T = (zh: string, en: string) => string;

/** What the true APR was computed from, as a clause: "按您填写的每期还款计算". */
function basisWords(d: DebtView, lang: Lang): string {
  if (!d.aprBasisLabel) return '';
  const words = lang === 'zh' ? d.aprBasisLabel.zh : d.aprBasisLabel.en;
  // the advertised rate is a fallback: say how to get a figure from the money that really moved
  const better =
    d.aprBasis === 'contract-rate'
      ? lang === 'zh'
        ? '；填上每期还款或还款记录会更准'
        : '; add the installments or payments for a truer figure'
      : '';
  return lang === 'zh' ? `（${words}${better}）` : ` (${words}${better})`;
}

/** The verdict in words a non-expert understands, with what the figure rests on. */
export function verdictWords(d: DebtView, lang: Lang): string {
  const apr = percent(d.nominalApr);
  const v = d.verdict;
  const zh = lang === 'zh';
  const unsure =
    v.certainty === 'U' ? (zh ? '（这条规则尚待核实）' : ' (this rule is not yet confirmed)') : '';
  if (v.level === 'unknown' || d.nominalApr === null) {
    if (d.aprNote) return zh ? d.aprNote.messageZh : d.aprNote.message;
    return zh
      ? '信息不够，算不出真实年化利率。补充“实际到手金额”、期数和每期还款后再看。'
      : 'Not enough data for the true rate: add the amount received, the term and the installment.';
  }
  const basis = basisWords(d, lang);
  const limit = v.limit !== null ? (zh ? `（${percent(v.limit)}）` : ` (${percent(v.limit)})`) : '';
  if (v.level === 'exceeds') {
    const over = v.overcharge
      ? zh
        ? `按法律保护线重算，多收了约 ${money(v.overcharge)}。`
        : ` Recalculated at the line, about ${money(v.overcharge)} was overcharged.`
      : '';
    return zh
      ? `真实年化约 ${apr}${basis}，高于${v.lineZh ?? '法律保护线'}${limit}${unsure}。超出的利息和费用，法院一般不支持，可以要求减免。${over}`
      : `True annual rate about ${apr}${basis}, above ${v.lineEn ?? 'the legal line'}${limit}${unsure}. Courts generally do not uphold the excess; you can ask for it to be waived.${over}`;
  }
  return zh
    ? `真实年化约 ${apr}${basis}，没有超过${v.lineZh ?? '法律保护线'}${unsure}。这笔的价格本身合法，协商重点是期限和月供。`
    : `True annual rate about ${apr}${basis}, within ${v.lineEn ?? 'the legal line'}${unsure}. Negotiate the term and the monthly amount.`;
}

/** "未填" for an unknown balance; the amount otherwise. */
function Owed({ balance, t }: { balance: string | null; t: T }) {
  return balance === null ? (
    <span className="muted">{t('未填', 'not given')}</span>
  ) : (
    <Money>{money(balance)}</Money>
  );
}

/** Term/value rows of a card: only those with something to show. */
function Rows({ rows }: { rows: [string, ReactNode | null][] }) {
  return (
    <>
      {rows
        .filter(([, v]) => v !== null)
        .map(([k, v]) => (
          <Fragment key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </Fragment>
        ))}
    </>
  );
}

function DebtCard({
  d,
  onEdit,
  onRemove,
}: {
  d: DebtView;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const card = isCard(d);
  return (
    <li className={`card verdict-${d.verdict.level}`}>
      <div className="card-head">
        <h3>{d.lender}</h3>
        <span className="tag">
          {card ? t('信用卡', 'Credit card') : label(LENDER_TYPE_LABELS, d.lenderType, lang)}
        </span>
      </div>
      <dl className="kv">
        <Rows
          rows={[
            [t('欠款', 'Owed'), <Owed balance={d.balance} t={t} />],
            [
              card ? t('欠款本金', 'Amount owed') : t('借款 / 到手', 'Borrowed / received'),
              card ? (
                <Money>{money(d.principal)}</Money>
              ) : (
                <>
                  <Money>{money(d.principal)}</Money> /{' '}
                  <Money>{money(d.received ?? d.principal)}</Money>
                </>
              ),
            ],
            [
              t('逾期', 'Overdue'),
              d.overdue !== '0.00' ? (
                <span className="bad">
                  <Money>{money(d.overdue)}</Money>
                </span>
              ) : null,
            ],
            ...cardRows(d, t),
            [t('资金方', 'Funder of record'), d.lenderOfRecord ?? null],
            [t('担保方', 'Guarantor'), d.guarantor ?? null],
            [t('真实年化', 'True APR'), <span className="num">{percent(d.nominalApr)}</span>],
          ]}
        />
      </dl>
      <p className="verdict">{verdictWords(d, lang)}</p>
      <div className="card-actions">
        <button type="button" className="link" onClick={onEdit}>
          {t('修改', 'Edit')}
          <span className="sr-only"> {d.lender}</span>
        </button>
        <button type="button" className="link" onClick={onRemove}>
          {t('删除', 'Delete')}
          <span className="sr-only"> {d.lender}</span>
        </button>
      </div>
    </li>
  );
}

/** A credit card's own terms, when it is one. */
function cardRows(d: DebtView, t: T): [string, ReactNode | null][] {
  if (!isCard(d)) return [];
  return [
    [
      t('账单日', 'Statement day'),
      d.statementDay == null ? null : t(`每月 ${d.statementDay} 日`, `day ${d.statementDay}`),
    ],
    [
      t('最低还款', 'Minimum payment'),
      d.minimumPayment ? <Money>{money(d.minimumPayment)}</Money> : null,
    ],
    [
      t('分期手续费', 'Installment fee'),
      d.cardInstallmentFee
        ? t(`每期 ${d.cardInstallmentFee}`, `${d.cardInstallmentFee} a month`)
        : null,
    ],
    [
      t('分期期数', 'Installments'),
      d.termMonths == null ? null : t(`${d.termMonths} 期`, `${d.termMonths} months`),
    ],
  ];
}

/** Total owed: "未填" when no debt has a balance, else the known sum and how many are missing. */
function TotalOwed({ s, t }: { s: Summary; t: T }) {
  const { debts, debtsWithoutBalance, balance } = s.totals;
  if (debts > 0 && debtsWithoutBalance >= debts)
    return <span className="muted">{t('未填', 'not given')}</span>;
  return (
    <>
      <Money>{money(balance)}</Money>
      {debtsWithoutBalance > 0 ? (
        <span className="muted">
          {t(`另有 ${debtsWithoutBalance} 笔未填`, `+${debtsWithoutBalance} not given`)}
        </span>
      ) : null}
    </>
  );
}

export function DebtTotals({ summary }: { summary: Summary }) {
  const t = useT();
  const s = summary.totals;
  return (
    <>
      <section className="totals" aria-label={t('合计', 'Totals')}>
        <div>
          <span>{t('债务笔数', 'Debts')}</span>
          <strong className="num">{s.debts}</strong>
        </div>
        <div>
          <span>{t('总欠款', 'Total owed')}</span>
          <strong>
            <TotalOwed s={summary} t={t} />
          </strong>
        </div>
        <div>
          <span>{t('已逾期', 'Overdue')}</span>
          <strong className={s.overdue !== '0.00' ? 'bad' : ''}>
            <Money>{money(s.overdue)}</Money>
          </strong>
        </div>
      </section>
      {s.aboveLegalLine > 0 ? (
        <p className="bad" role="note">
          {t(
            `有 ${s.aboveLegalLine} 笔的真实成本高于法律保护线${s.overcharge !== '0.00' ? `，按保护线重算约多收 ${money(s.overcharge)}` : ''}。协商时可以要求减免超出部分。`,
            `${s.aboveLegalLine} debt(s) cost more than the legal line${s.overcharge !== '0.00' ? `; recalculated at the line, about ${money(s.overcharge)} was overcharged` : ''}. You can ask for the excess to be waived.`,
          )}
        </p>
      ) : null}
    </>
  );
}

/** The cards; the one being edited shows `editor` in its place. */
export function DebtList({
  debts,
  editingId,
  editor,
  onEdit,
  onRemove,
}: {
  debts: DebtView[];
  editingId: string | null;
  editor: ReactNode;
  onEdit: (d: DebtView) => void;
  onRemove: (d: DebtView) => void;
}) {
  const t = useT();
  return (
    <ul className="cards" aria-label={t('债务清单', 'Debt list')}>
      {debts.map((d) =>
        editingId === d.id ? (
          <li key={d.id} className="card editing">
            {editor}
          </li>
        ) : (
          <DebtCard key={d.id} d={d} onEdit={() => onEdit(d)} onRemove={() => onRemove(d)} />
        ),
      )}
    </ul>
  );
}
