// 沟通记录与证据: composed like Actual Budget's ManagePayeesWithData → ManagePayees → PayeeTable —
// a data hook (contacts/use-contacts-data.ts), the forms (contact-form.tsx, evidence-section.tsx)
// and the lists (contact-list.tsx, flag-list.tsx).
import { useState } from 'react';
import { Empty, ErrorBanner, Notice } from '../components/field.js';
import { useT } from '../i18n.js';
import { ContactForm } from './contacts/contact-form.js';
import { ContactList } from './contacts/contact-list.js';
import { EvidenceList, EvidenceUpload } from './contacts/evidence-section.js';
import { FlagList, type AttachTarget } from './contacts/flag-list.js';
import { useContactsData } from './contacts/use-contacts-data.js';

export function ContactsPage() {
  const t = useT();
  const d = useContactsData();
  const [attach, setAttach] = useState<(AttachTarget & { nonce: number }) | null>(null);
  const common = { say: d.say, fail: d.fail, reload: d.reload };
  return (
    <div className="page">
      <ErrorBanner message={d.banner} />
      <Notice message={d.notice} />
      <FlagList
        flags={d.flags}
        contacts={d.contacts}
        onAttach={(a) => setAttach({ ...a, nonce: Date.now() })}
      />
      <ContactForm
        lenders={d.lenders}
        fail={d.fail}
        onSaved={() => {
          d.say(t('已记录这次沟通', 'Contact logged'));
          d.reload();
        }}
      />
      <EvidenceUpload lenders={d.lenders} contacts={d.contacts} attach={attach} {...common} />
      {d.contacts.length === 0 && d.evidence.length === 0 ? (
        <Empty title={t('还没有沟通记录', 'No contacts yet')}>
          <p>
            {t(
              '每次接到催收电话或和客服沟通后，马上在这里记一笔；有录音或截图就一起存进来。记录越完整，投诉和调解时越有力。',
              'Log every call or chat right after it happens, with the recording or screenshot. A complete record makes complaints and mediation stronger.',
            )}
          </p>
        </Empty>
      ) : null}
      {/* always mounted: deleting the last contact still shows its undo */}
      <ContactList contacts={d.contacts} lenders={d.lenders} {...common} />
      {d.evidence.length > 0 ? <EvidenceList evidence={d.evidence} {...common} /> : null}
    </div>
  );
}
