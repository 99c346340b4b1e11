import { z } from 'zod';

/**
 * Money in JSON: a string in yuan with at most two decimals ("1234.50"); core parses it to fen.
 * Only the shape is checked here: the limits (¥1,000,000,000.00 per amount, core/money
 * MAX_AMOUNT_CENTS; the case total) are checked by the use case, so the 400 names the field by
 * its label (合同金额, 每期金额 …) — see docs/ARCHITECTURE.md#limits.
 */
export const Money = z
  .string()
  .trim()
  .regex(/^-?\d{1,13}(\.\d{1,2})?$/, {
    message: 'expected yuan with at most two decimals, e.g. "1234.56"',
  });

/** A non-negative amount in yuan. */
export const MoneyNonNegative = Money.refine((s) => !s.startsWith('-'), {
  message: 'must not be negative',
});

/** Calendar date YYYY-MM-DD (existence is checked by core's parseIsoDate at the edge). */
export const IsoDateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date YYYY-MM-DD' });

/** A rate as a decimal fraction ("0.049" = 4.9 % a year). */
export const RateFraction = z
  .string()
  .trim()
  .regex(/^\d{1,4}(\.\d{1,10})?$/, { message: 'expected a decimal fraction, e.g. "0.049"' });

export const Id = z.string().min(1).max(100);

/** Short free text typed by a person. */
export const ShortText = z.string().trim().min(1).max(200);
export const LongText = z.string().max(20_000);

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messageZh: z.string().optional(),
    field: z.string().optional(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Path parameter `:id`. */
export const IdParams = z.object({ id: Id });
