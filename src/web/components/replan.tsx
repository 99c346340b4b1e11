// Re-plan one agreement (and whatever else is overdue): a small form, then the proposed schedule
// per lender, the ask, the letter on screen and its DOCX. Loaded only when first opened. The data
// hook (replan/use-replan.ts) → the form (replan/replan-form.tsx) and a card per lender
// (replan/plan-card.tsx).
import { useEffect, useRef, type Ref } from 'react';
import type { AgreementView, ReplanReason, ReplanView } from '../../contracts/index.js';
import { money } from '../format.js';
import { useT } from '../i18n.js';
import { PlanCard } from './replan/plan-card.js';
import { ReplanForm } from './replan/replan-form.js';
import { useReplan } from './replan/use-replan.js';

export interface ReplanPanelProps {
  agreement: AgreementView;
  /** preselected: 'missed' when the card shows overdue installments, 'at-risk' from the forecast */
  reason: ReplanReason;
  onClose: () => void;
}

export default function ReplanPanel({ agreement, reason, onClose }: ReplanPanelProps) {
  const data = useReplan(agreement, reason);
  const first = useRef<HTMLSelectElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    if (data.result) resultHeading.current?.focus();
  }, [data.result]);
  return (
    <div className="replan">
      <ReplanForm lender={agreement.lender} data={data} firstRef={first} onClose={onClose} />
      {data.shown ? <ReplanResult result={data.shown} headingRef={resultHeading} /> : null}
    </div>
  );
}

/** The new plans (requests to the lenders, not their obligation) and what to do next. */
function ReplanResult({
  result,
  headingRef,
}: {
  result: ReplanView;
  /** focused when a new result arrives */
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const t = useT();
  return (
    <section aria-label={t('新方案', 'The new plan')}>
      <h4 ref={headingRef} tabIndex={-1} style={{ marginTop: 16 }}>
        {t('新方案（向对方提出的申请）', 'The new plan (a request to the lender)')}
      </h4>
      <p role="status">
        {t(
          `已生成 ${result.plans.length} 份新方案，每月合计 ${money(result.capacity.after)}（原来 ${money(result.capacity.before)}）。`,
          `${result.plans.length} plan(s) ready: ${money(result.capacity.after)} a month in all (was ${money(result.capacity.before)}).`,
        )}
      </p>
      <ul className="cards">
        {result.plans.map((p) => (
          <PlanCard key={p.agreementId} plan={p} />
        ))}
      </ul>
      <p className="field-hint">
        {t(
          '请尽快（最好在下一个还款日之前）主动联系对方说明情况，并保存沟通记录。新方案是申请，不是对方的义务；谈成后在上面记录新的协议。',
          'Contact the lender now (before the next due date), explain, and keep a record. The new plan is a request, not their obligation; once agreed, record it above.',
        )}
      </p>
    </section>
  );
}
