// 投诉与升级 (step 7): the data hook (escalations/use-escalations.ts) → the record form
// (escalations/escalation-form.tsx) and the cards (escalations/escalation-list.tsx).
import type { EscalationView } from '../../contracts/index.js';
import { Empty, ErrorBanner, Notice } from '../components/field.js';
import { UndoBar } from '../components/undo-bar.js';
import { useT } from '../i18n.js';
import { goTo } from '../nav.js';
import { EscalationForm } from './escalations/escalation-form.js';
import { EscalationCard } from './escalations/escalation-list.js';
import { useEscalations, type EscalationsData } from './escalations/use-escalations.js';

/** What this step is for, and when to use it. */
function WhenToUse() {
  const t = useT();
  return (
    <>
      <p className="intro">
        {t(
          '协商不成时走这一步：向监管部门投诉、对征信记录提出异议、申请调解或法律援助。投诉是你的合法权利，不会让欠款变多，但也不保证结果。',
          'When negotiation fails: complain to a regulator, dispute your credit report, ask for mediation or legal aid. Complaining is your right and does not add to the debt, but it promises no outcome.',
        )}
      </p>
      <section aria-label={t('什么时候用', 'When to use this')} className="esc-when">
        <h3>{t('什么时候用', 'When to use this')}</h3>
        <ul>
          <li>
            {t(
              '你按方案认真谈过，但对方拒绝任何分期、或长期不回复你的书面申请；',
              'You negotiated in good faith but the lender refuses any installment plan, or never answers your written request;',
            )}
          </li>
          <li>
            {t(
              '催收有暴力、威胁、辱骂、骚扰家人同事、冒充公检法等行为；',
              'Collectors use violence, threats, insults, contact your family or employer, or pose as officials;',
            )}
          </li>
          <li>
            {t(
              '征信报告上的记录有错，或你需要中立的调解、免费的法律咨询。',
              'Your credit report is wrong, or you want neutral mediation or free legal advice.',
            )}
          </li>
        </ul>
        <p className="muted">
          {t(
            '投诉前先把沟通记录和录音、截图存好（第5步），它们是投诉最有力的证据。投诉期间也请尽量按能力还款。',
            'Before complaining, keep your contact log, recordings and screenshots (step 5): they are your strongest evidence. Keep paying what you can meanwhile.',
          )}
        </p>
      </section>
    </>
  );
}

/** The two empty states: no debts yet (nothing to complain about), or nothing recorded yet. */
function EmptyStates({ data }: { data: EscalationsData }) {
  const t = useT();
  const { lenders, escalations } = data;
  if (lenders !== null && lenders.length === 0)
    return (
      <Empty title={t('还没有债务记录', 'No debts yet')}>
        <p>
          {t(
            '投诉要针对具体的债主。请先在第1步添加你的债务。',
            'A complaint is about a specific lender. Add your debts first (step 1).',
          )}
        </p>
        <button type="button" className="primary" onClick={() => goTo('/')}>
          {t('去添加债务', 'Add a debt')}
        </button>
      </Empty>
    );
  if (escalations === null || escalations.length > 0 || (lenders?.length ?? 0) === 0) return null;
  return (
    <Empty title={t('还没有投诉或升级记录', 'No escalations yet')}>
      <p>
        {t(
          '这是第7步，在协商之后。先按方案和每个债主沟通（第4–6步），把每次联系都记下来。如果对方拒绝、不回复，或者违规催收，再在下面记录你发出的投诉：我们会按渠道生成投诉书，并提醒你什么时候跟进。',
          'This is step 7, after negotiating. First talk to each lender with your plan (steps 4–6) and log every contact. If they refuse, do not answer, or collect abusively, record your complaint below: we write the letter for the channel and remind you when to follow up.',
        )}
      </p>
      <button type="button" onClick={() => goTo('/contacts')}>
        {t('先去记录沟通', 'Log contacts first')}
      </button>
    </Empty>
  );
}

function Cards({
  data,
  items,
  title,
}: {
  data: EscalationsData;
  items: EscalationView[];
  title: string;
}) {
  if (items.length === 0) return null;
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      <ul className="cards">
        {items.map((e) => (
          <EscalationCard
            // a saved change starts the card's edit fields over from the stored values
            key={`${e.id}-${e.sentDate ?? ''}-${e.followUpDate ?? ''}-${e.reference ?? ''}-${e.notes ?? ''}`}
            e={e}
            channel={data.channelOf(e.channel)}
            busy={data.busyId === e.id}
            onUpdate={data.update}
            onRemove={(x) => void data.remove(x)}
          />
        ))}
      </ul>
    </section>
  );
}

export function EscalationsPage() {
  const t = useT();
  const data = useEscalations();
  const all = data.escalations ?? [];
  return (
    <div className="page">
      <WhenToUse />
      <ErrorBanner message={data.error} />
      <Notice message={data.notice} />
      <UndoBar
        removal={data.removal}
        busy={data.busyId !== null}
        onUndo={() => void data.undo()}
        onDismiss={data.dismissRemoval}
      />
      <EmptyStates data={data} />
      <Cards
        data={data}
        items={all.filter((e) => e.isOpen)}
        title={t('进行中的投诉', 'Open escalations')}
      />
      {data.lenders !== null && data.lenders.length > 0 ? (
        <EscalationForm
          lenders={data.lenders}
          channels={data.channels}
          asOf={data.asOf}
          onRecorded={data.recorded}
        />
      ) : null}
      <Cards
        data={data}
        items={all.filter((e) => !e.isOpen)}
        title={t('已结束的投诉', 'Closed escalations')}
      />
    </div>
  );
}
