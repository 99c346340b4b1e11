import type { Kysely, Transaction } from 'kysely';
import type { Instant, IsoDate } from '../../core/dates/index.js';
import { parseJsonColumn, toInstant, toIsoDateOrNull } from '../rows.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The borrower's profile. The `profiles` table holds name, phone, address (column `city`),
 * hardship cause/since and the story (column `notes`, which letters read as the description);
 * fields it has no column for live in case_settings under PROFILE_EXTRA_KEY, so no migration.
 */
export interface Profile {
  caseId: string;
  name: string | null;
  phone: string | null;
  address: string | null;
  /** last 4–6 characters of the ID card number, never the whole number */
  idTail: string | null;
  adults: number | null;
  children: number | null;
  hardshipCause: string | null;
  hardshipSince: IsoDate | null;
  hardshipStory: string | null;
  proofs: string[];
  updatedAt: Instant;
}

export const PROFILE_EXTRA_KEY = 'profile.extra';

interface Extra {
  idTail: string | null;
  adults: number | null;
  children: number | null;
  proofs: string[];
}

const NO_EXTRA: Extra = { idTail: null, adults: null, children: null, proofs: [] };

export function createProfileRepository(db: Db) {
  return {
    async get(caseId: string): Promise<Profile | undefined> {
      const row = await db
        .selectFrom('profiles')
        .selectAll()
        .where('case_id', '=', caseId)
        .executeTakeFirst();
      if (row === undefined) return undefined;
      const setting = await db
        .selectFrom('case_settings')
        .select('value_json')
        .where('case_id', '=', caseId)
        .where('key', '=', PROFILE_EXTRA_KEY)
        .executeTakeFirst();
      const extra = {
        ...NO_EXTRA,
        ...parseJsonColumn<Partial<Extra>>(setting?.value_json ?? '{}', {}),
      };
      return {
        caseId,
        name: row.full_name,
        phone: row.phone,
        address: row.city,
        idTail: extra.idTail,
        adults: extra.adults,
        children: extra.children,
        hardshipCause: row.hardship_cause,
        hardshipSince: toIsoDateOrNull(row.hardship_since_on),
        hardshipStory: row.notes,
        proofs: Array.isArray(extra.proofs)
          ? extra.proofs.filter((p) => typeof p === 'string')
          : [],
        updatedAt: toInstant(row.updated_at),
      };
    },

    /** Writes the whole profile (insert or replace); the caller merges and owns the transaction. */
    async put(p: Profile): Promise<void> {
      const row = {
        full_name: p.name,
        phone: p.phone,
        city: p.address,
        hardship_cause: p.hardshipCause,
        hardship_since_on: p.hardshipSince,
        notes: p.hardshipStory,
        updated_at: p.updatedAt,
      };
      const exists = await db
        .selectFrom('profiles')
        .select('case_id')
        .where('case_id', '=', p.caseId)
        .executeTakeFirst();
      if (exists === undefined)
        await db
          .insertInto('profiles')
          .values({ case_id: p.caseId, ...row })
          .execute();
      else await db.updateTable('profiles').set(row).where('case_id', '=', p.caseId).execute();
      const extra: Extra = {
        idTail: p.idTail,
        adults: p.adults,
        children: p.children,
        proofs: p.proofs,
      };
      await db
        .deleteFrom('case_settings')
        .where('case_id', '=', p.caseId)
        .where('key', '=', PROFILE_EXTRA_KEY)
        .execute();
      await db
        .insertInto('case_settings')
        .values({
          case_id: p.caseId,
          key: PROFILE_EXTRA_KEY,
          value_json: JSON.stringify(extra),
          updated_at: p.updatedAt,
        })
        .execute();
    },
  };
}
export type ProfileRepository = ReturnType<typeof createProfileRepository>;
