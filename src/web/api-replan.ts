// Re-planning agreements (POST /api/agreements/replan); the letters download from each plan's URL.
import type { ReplanRequest, ReplanView } from '../contracts/index.js';
import { request } from './api-client.js';

export const replanApi = {
  replan: (b: ReplanRequest) => request<ReplanView>('POST', '/api/agreements/replan', b),
};
