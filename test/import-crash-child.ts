// Child for import-crash.db.test.ts: runs one import and says on stderr when it is writing.
import { importDebtsFromFile } from '../src/app/import-debts.js';
import { resolveCase } from '../src/app/cases.js';
import { createDb, migrateToLatest, type DbConfig } from '../src/db/connect.js';
import { makeDeps } from './factories.js';

const [configJson, debtsFile, paymentsFile] = process.argv.slice(2);
const db = createDb(JSON.parse(configJson!) as DbConfig);
await migrateToLatest(db);
const deps = makeDeps(db);
const c = await resolveCase(deps);
let told = false;
await importDebtsFromFile(deps, c.id, {
  file: debtsFile!,
  paymentsFile: paymentsFile!,
  onProgress: (p) => {
    if (p.phase === 'write' && p.done > 0 && !told) {
      told = true;
      process.stderr.write('WRITING\n');
    }
  },
});
process.stderr.write('DONE\n');
await db.destroy();
