// 协议与还款: the data hook (agreements/use-agreements.ts) feeds the forms and the cards
// (agreements/*): record and edit agreements and payments, delete with undo, the due list,
// the forecast and the re-plan panel.
import { useState } from 'react';
import type { AgreementView, ForecastView, ReplanReason } from '../../contracts/index.js';
import { Empty, ErrorBanner, Notice } from '../components/field.js';
import { useT } from '../i18n.js';
import { AgreementCard, isOpen } from './agreements/agreement-card.js';
import { AgreementForm } from './agreements/agreement-form.js';
import { DueSection } from './agreements/due-section.js';
import { ForecastForm, ForecastResult } from './agreements/forecast-section.js';
import { PaymentForm } from './agreements/payment-form.js';
import { UndoBar } from '../components/undo-bar.js';
import { useAgreementsData, type AgreementsData } from './agreements/use-agreements.js';

export function AgreementsPage() {
  const t = useT();
  const data = useAgreementsData();
  const [forecast, setForecast] = useState<ForecastView | null>(null);
  const [replan, setReplan] = useState<{ id: string; reason: ReplanReason } | null>(null);
  const openReplan = (g: AgreementView, reason: ReplanReason | null) => {
    if (reason === null) {
      setReplan(null);
      document.getElementById(`replan-${g.id}`)?.focus();
      return;
    }
    setReplan({ id: g.id, reason });
    document.getElementById(`agreement-${g.id}`)?.scrollIntoView({ block: 'start' });
  };
  return (
    <div className="page">
      <ErrorBanner message={data.banner} />
      <Notice message={data.notice} />
      {data.lenders.length === 0 ? (
        <Empty title={t('还没有债主', 'No lenders yet')}>
          <p>
            {t(
              '谈成协议后在这里记录新的还款安排。先去“我的债务”添加债务。',
              'Record agreements here once negotiated. Add your debts first.',
            )}
          </p>
        </Empty>
      ) : (
        <AgreementForm key={data.lenders[0]?.id} lenders={data.lenders} onSaved={data.saved} />
      )}
      <AgreementList
        data={data}
        atRisk={(g) => forecast?.warnings.some((w) => w.lender === g.lender) ?? false}
        replan={replan}
        onReplan={openReplan}
      />
      {data.agreements.length > 0 ? (
        <PaymentForm
          key={data.agreements.map((g) => g.id).join()}
          agreements={data.agreements}
          onSaved={data.saved}
        />
      ) : null}
      <DueSection due={data.due} />
      <ForecastForm onForecast={setForecast} fail={data.fail} />
      {forecast ? (
        <ForecastResult
          forecast={forecast}
          agreements={data.agreements}
          isOpen={isOpen}
          onReplan={(g) => openReplan(g, 'at-risk')}
        />
      ) : null}
    </div>
  );
}

function AgreementList(props: {
  data: AgreementsData;
  atRisk: (g: AgreementView) => boolean;
  replan: { id: string; reason: ReplanReason } | null;
  onReplan: (g: AgreementView, reason: ReplanReason | null) => void;
}) {
  const { data, atRisk, replan, onReplan } = props;
  const t = useT();
  const removal = data.removed?.kind === 'agreement' ? data.removed : null;
  if (data.agreements.length === 0 && removal === null) return null;
  return (
    <section aria-label={t('协议', 'Agreements')}>
      <h3>{t('我的协议', 'My agreements')}</h3>
      {removal ? (
        <UndoBar
          removal={{ undoId: removal.undoId, name: removal.label }}
          busy={data.undoing}
          onUndo={() => void data.undo()}
          onDismiss={data.dismissRemoval}
        />
      ) : null}
      <ul className="cards">
        {data.agreements.map((g) => (
          <AgreementCard
            key={g.id}
            g={g}
            lenders={data.lenders}
            data={data}
            atRisk={atRisk(g)}
            replan={replan?.id === g.id ? replan.reason : null}
            onReplan={(reason) => onReplan(g, reason)}
          />
        ))}
      </ul>
    </section>
  );
}
