import { z } from 'zod';

/**
 * The borrower's profile on the wire (GET/PUT /api/profile). Types only here; lengths, the
 * cause list and date rules are checked by app/profile.ts so the messages (zh + en) are one set.
 * A field absent from PUT keeps its stored value; null clears it.
 */
const text = z.string().nullable().optional();

export const ProfileUpdate = z.object({
  name: text,
  phone: text,
  address: text,
  idTail: text,
  adults: z.number().int().nullable().optional(),
  children: z.number().int().nullable().optional(),
  hardshipCause: text,
  /** YYYY-MM-DD (also 2026/3/1, 2026年3月1日); not in the future */
  hardshipSince: text,
  hardshipStory: text,
  proofs: z.array(z.string()).nullable().optional(),
});
export type ProfileUpdate = z.input<typeof ProfileUpdate>;

export const ProfileView = z.object({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  idTail: z.string().nullable(),
  adults: z.number().nullable(),
  children: z.number().nullable(),
  hardshipCause: z.string().nullable(),
  hardshipSince: z.string().nullable(),
  hardshipStory: z.string().nullable(),
  proofs: z.array(z.string()),
  updatedAt: z.string().nullable(),
});
export type ProfileView = z.infer<typeof ProfileView>;
