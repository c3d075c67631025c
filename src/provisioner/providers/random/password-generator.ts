/**
 * The character rules shared by `random_string` and `random_password`: the minimum counts per
 * class are drawn first (even from a class that is otherwise disabled, as the real provider does),
 * the rest from the union of enabled classes, and the whole is shuffled.
 */
import type { IdSource } from '../../../shared/index.js';
import { pick, shuffled } from './random-source.js';

export const LOWER_CHARS = 'abcdefghijklmnopqrstuvwxyz';
export const UPPER_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const NUMERIC_CHARS = '0123456789';
/** The default special characters when `override_special` is not set. */
export const DEFAULT_SPECIAL_CHARS = '!@#$%&*()-_=+[]{}<>:?';

/** The generation rules, after defaults. */
export interface PasswordRules {
  readonly length: number;
  readonly upper: boolean;
  readonly lower: boolean;
  readonly numeric: boolean;
  readonly special: boolean;
  readonly minUpper: number;
  readonly minLower: number;
  readonly minNumeric: number;
  readonly minSpecial: number;
  /** Replaces the default special characters when set and not empty. */
  readonly overrideSpecial?: string;
}

/** Generates a string following the rules; the caller has checked length >= sum of minimums. */
export function generatePassword(ids: IdSource, rules: PasswordRules): string {
  const special = rules.overrideSpecial || DEFAULT_SPECIAL_CHARS;
  const all = (rules.upper ? UPPER_CHARS : '') + (rules.lower ? LOWER_CHARS : '')
    + (rules.numeric ? NUMERIC_CHARS : '') + (rules.special ? special : '');
  const chars: string[] = [];
  const draw = (set: string, n: number): void => {
    const list = [...set];
    for (let i = 0; i < n && list.length > 0; i++) chars.push(pick(ids, list));
  };
  draw(NUMERIC_CHARS, rules.minNumeric);
  draw(LOWER_CHARS, rules.minLower);
  draw(UPPER_CHARS, rules.minUpper);
  draw(special, rules.minSpecial);
  const rest = rules.length - chars.length;
  if (rest > 0) {
    if (all.length === 0) throw new RangeError('no characters enabled');
    draw(all, rest);
  }
  return shuffled(ids, chars).join('');
}
