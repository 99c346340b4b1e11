// Child for vault-crash.test.ts: adds one file as evidence, printing "start" just before ingest
// so the parent can SIGKILL it mid-write. argv: home, dbFile, caseId, lenderId, file.
import { addEvidence } from '../src/app/evidence/evidence.js';
import { createVaultStore, nodeHost, randomIds, systemClock } from '../src/node/index.js';
import { createDb } from '../src/db/connect.js';
import type { CaseId } from '../src/db/types.js';

const [home, dbFile, caseId, lenderId, file] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const db = createDb({ kind: 'sqlite', file: dbFile });
process.stdout.write('start\n');
await addEvidence(
  {
    db,
    clock: systemClock(),
    ids: randomIds(),
    home,
    vault: createVaultStore(home),
    ...nodeHost(),
  },
  { caseId: caseId as CaseId, file, kind: 'call-recording', lender: lenderId },
);
await db.destroy();
process.stdout.write('done\n');
