// Typed calls for step 7 (escalation, F10) over src/contracts/escalations.ts.
import type {
  EscalationChannelList,
  EscalationCreate,
  EscalationList,
  EscalationResult,
  EscalationUpdate,
  Removed,
} from '../contracts/index.js';
import { request } from './api-client.js';

const one = (id: string) => `/api/escalations/${encodeURIComponent(id)}`;

export const escalationsApi = {
  channels: () => request<EscalationChannelList>('GET', '/api/escalations/channels'),
  list: () => request<EscalationList>('GET', '/api/escalations'),
  /** `key`: the Idempotency-Key of this user action (a double tap records it once) */
  record: (b: EscalationCreate, key?: string) =>
    request<EscalationResult>('POST', '/api/escalations', b, key),
  update: (id: string, b: EscalationUpdate) => request<EscalationResult>('PATCH', one(id), b),
  remove: (id: string) => request<Removed>('DELETE', one(id)),
  /** DOCX downloads; HTML opens in the browser (to read or print) */
  letterUrl: (id: string, format: 'docx' | 'html' | 'md', lang: 'zh' | 'en') =>
    `${one(id)}/letter?format=${format}&lang=${lang}`,
  /** the 催办函 of an escalation past its follow-up date */
  followUpUrl: (id: string, format: 'docx' | 'html' | 'md', lang: 'zh' | 'en') =>
    `${one(id)}/letter?format=${format}&lang=${lang}&kind=follow-up`,
};
