// Edge parsing helpers: core Results become AppErrors naming the field.
import { AppError } from '../app/errors.js';
import {
  parseCents,
  parseIsoDate,
  parseRateFraction,
  type Cents,
  type IsoDate,
  type RatePpm,
} from '../core/index.js';
import type { FieldIssue, Result } from '../core/result.js';

export function unwrap<T>(r: Result<T, FieldIssue>): T {
  if (r.ok) return r.value;
  throw AppError.fromIssue(r.error);
}

export const money = (s: string, field: string): Cents => unwrap(parseCents(s, field));
export const date = (s: string, field: string): IsoDate => unwrap(parseIsoDate(s, field));
export const rate = (s: string, field: string): RatePpm => unwrap(parseRateFraction(s, field));
