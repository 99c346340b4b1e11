// Evidence items as JSON, one module for both edges: `evidenceJson` is the whole record
// `xieshang evidence add|list --json` prints; `evidenceView` (the API's EvidenceView,
// contracts/case.ts) is read off that same JSON.
import type { EvidenceView } from '../../contracts/index.js';
import type { EvidenceItem } from '../../db/repositories/evidence-repository.js';

/** The stored item, every field (instants as ISO strings, the SHA-256 of the original bytes). */
export function evidenceJson(e: EvidenceItem) {
  return {
    id: e.id,
    caseId: e.caseId,
    sha256: e.sha256,
    kind: e.kind,
    lenderId: e.lenderId,
    contactId: e.contactId,
    capturedAt: e.capturedAt,
    addedAt: e.addedAt,
    originalName: e.originalName,
    mediaType: e.mediaType,
    sizeBytes: e.sizeBytes,
    description: e.description,
    withdrawnAt: e.withdrawnAt ?? null,
    withdrawReason: e.withdrawReason ?? null,
  };
}

export type EvidenceJson = ReturnType<typeof evidenceJson>;

/** `GET /api/evidence` and the reply to an upload. */
export function evidenceView(e: EvidenceJson): EvidenceView {
  return {
    id: e.id,
    kind: e.kind,
    sha256: e.sha256,
    originalName: e.originalName,
    mediaType: e.mediaType,
    sizeBytes: e.sizeBytes,
    lenderId: e.lenderId,
    addedAt: e.addedAt,
    description: e.description,
    withdrawnAt: e.withdrawnAt,
    withdrawReason: e.withdrawReason,
  };
}
