import type { Kysely } from 'kysely';
import type { Instant } from '../../core/dates/index.js';
import { guard } from '../errors.js';
import { sortBy } from '../order.js';
import { toLender } from '../rows.js';
import type { Database, LenderType } from '../schema.js';
import type { CaseId, Lender, LenderChannel, LenderId } from '../types.js';

export interface NewLender {
  id: string;
  caseId: CaseId;
  name: string;
  brand: string | null;
  lenderType: LenderType;
  channels: LenderChannel[];
  notes: string | null;
  createdAt: Instant;
}

/** Lenders of a case. Pass `db` or a transaction. */
export function createLenderRepository(db: Kysely<Database>) {
  return {
    async insert(l: NewLender): Promise<Lender> {
      const row = {
        id: l.id,
        case_id: l.caseId,
        name: l.name,
        brand: l.brand,
        lender_type: l.lenderType,
        channels_json: JSON.stringify(l.channels),
        notes: l.notes,
        created_at: l.createdAt,
      };
      await guard(`lender "${l.name}"`, () => db.insertInto('lenders').values(row).execute());
      return toLender(row);
    },
    async get(caseId: CaseId, id: string): Promise<Lender | undefined> {
      const r = await db
        .selectFrom('lenders')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .executeTakeFirst();
      return r === undefined ? undefined : toLender(r);
    },
    /** By legal name or brand (exact). */
    async findByName(caseId: CaseId, name: string): Promise<Lender[]> {
      const rows = await db
        .selectFrom('lenders')
        .selectAll()
        .where('case_id', '=', caseId)
        .where((eb) => eb.or([eb('name', '=', name), eb('brand', '=', name)]))
        .orderBy('name')
        .execute();
      return rows.map(toLender);
    },
    async list(caseId: CaseId): Promise<Lender[]> {
      const rows = await db
        .selectFrom('lenders')
        .selectAll()
        .where('case_id', '=', caseId)
        .execute();
      return sortBy(rows.map(toLender), (l) => [l.name, l.id]);
    },
    async update(
      caseId: CaseId,
      id: LenderId,
      patch: Partial<Pick<NewLender, 'name' | 'brand' | 'lenderType' | 'channels' | 'notes'>>,
    ): Promise<void> {
      await guard('lender', () =>
        db
          .updateTable('lenders')
          .set({
            ...(patch.name === undefined ? {} : { name: patch.name }),
            ...(patch.brand === undefined ? {} : { brand: patch.brand }),
            ...(patch.lenderType === undefined ? {} : { lender_type: patch.lenderType }),
            ...(patch.channels === undefined
              ? {}
              : { channels_json: JSON.stringify(patch.channels) }),
            ...(patch.notes === undefined ? {} : { notes: patch.notes }),
          })
          .where('case_id', '=', caseId)
          .where('id', '=', id)
          .execute(),
      );
    },
  };
}
export type LenderRepository = ReturnType<typeof createLenderRepository>;
