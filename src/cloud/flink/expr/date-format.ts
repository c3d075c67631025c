/**
 * Java date pattern formatting and parsing ('yyyy-MM-dd HH:mm:ss', 'dd/MMM/yyyy:HH:mm:ss Z' …) for
 * DATE_FORMAT, FROM_UNIXTIME, TO_TIMESTAMP, TO_DATE and UNIX_TIMESTAMP. Supported letters: y M d H k K
 * h m s S (fraction, SSS = millis) a E D u w z Z X, quoted 'literals' and '' for a quote.
 * Patterns compile once (cached) to a list of tokens.
 */
import { civilFromDays, daysFromCivil, daysInMonth, MS_PER_DAY, splitMillis } from '../types/index.js';

type Token = { readonly lit: string } | { readonly letter: string; readonly count: number };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const cache = new Map<string, readonly Token[]>();

/** Tokenises a pattern (cached). */
export function compilePattern(pattern: string): readonly Token[] {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const out: Token[] = [];
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i] as string;
    if (c === "'") {
      if (pattern[i + 1] === "'") { out.push({ lit: "'" }); i += 2; continue; }
      let j = i + 1; let lit = '';
      while (j < pattern.length) {
        if (pattern[j] === "'") { if (pattern[j + 1] === "'") { lit += "'"; j += 2; continue; } break; }
        lit += pattern[j]; j++;
      }
      out.push({ lit }); i = j + 1; continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let j = i; while (pattern[j] === c) j++;
      out.push({ letter: c, count: j - i }); i = j; continue;
    }
    out.push({ lit: c }); i++;
  }
  if (cache.size > 500) cache.clear();
  cache.set(pattern, out);
  return out;
}

const pad = (n: number, w: number): string => { const s = String(Math.abs(n)); return (n < 0 ? '-' : '') + (s.length >= w ? s : '0'.repeat(w - s.length) + s); };

function offsetText(offMs: number, style: 'Z' | 'X' | 'XXX'): string {
  if (offMs === 0 && style !== 'Z') return 'Z';
  const sign = offMs < 0 ? '-' : '+';
  const m = Math.abs(offMs) / 60000;
  const hh = pad(Math.floor(m / 60), 2); const mm = pad(m % 60, 2);
  return style === 'XXX' ? `${sign}${hh}:${mm}` : style === 'X' ? `${sign}${hh}${m % 60 ? mm : ''}` : `${sign}${hh}${mm}`;
}

/** ISO-8601 week number of a day. */
export function isoWeek(days: number): number {
  const dow = (((days + 3) % 7) + 7) % 7; // 0 = Monday
  const thursday = days - dow + 3;
  const [y] = civilFromDays(thursday);
  return Math.floor((thursday - daysFromCivil(y, 1, 1)) / 7) + 1;
}

/** Calendar fields of the value being formatted (one scratch object; formatting is synchronous). */
interface Fields { y: number; mo: number; d: number; h: number; mi: number; s: number; tod: number; nanos: number; days: number; dow: number; offsetMs: number; zone: string }
const F: Fields = { y: 1970, mo: 1, d: 1, h: 0, mi: 0, s: 0, tod: 0, nanos: 0, days: 0, dow: 4, offsetMs: 0, zone: 'UTC' };
type Part = string | ((f: Fields) => string);
const compiled = new Map<string, readonly Part[]>();

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));
function padN(w: number): (n: number) => string { return w === 1 ? String : w === 2 ? pad2 : (n) => pad(n, w); }

function part(letter: string, n: number): Part {
  const p = padN(n);
  switch (letter) {
    case 'y': case 'Y': return n === 2 ? (f) => pad2(((f.y % 100) + 100) % 100) : (f) => pad(f.y, n);
    case 'M': case 'L':
      return n >= 4 ? (f) => MONTHS[f.mo - 1] ?? '' : n === 3 ? (f) => (MONTHS[f.mo - 1] ?? '').slice(0, 3) : (f) => p(f.mo);
    case 'd': return (f) => p(f.d);
    case 'H': return (f) => p(f.h);
    case 'k': return (f) => p(f.h === 0 ? 24 : f.h);
    case 'K': return (f) => p(f.h % 12);
    case 'h': return (f) => p(f.h % 12 === 0 ? 12 : f.h % 12);
    case 'm': return (f) => p(f.mi);
    case 's': return (f) => p(f.s);
    case 'S': return (f) => pad((f.tod % 1000) * 1_000_000 + f.nanos, 9).slice(0, Math.min(n, 9)) + (n > 9 ? '0'.repeat(n - 9) : '');
    case 'a': return (f) => (f.h < 12 ? 'AM' : 'PM');
    case 'E': return n >= 4 ? (f) => DAYS[f.dow] ?? '' : (f) => (DAYS[f.dow] ?? '').slice(0, 3);
    case 'u': return (f) => p(f.dow === 0 ? 7 : f.dow);
    case 'D': return (f) => p(f.days - daysFromCivil(f.y, 1, 1) + 1);
    case 'w': return (f) => p(isoWeek(f.days));
    case 'z': return (f) => f.zone;
    case 'Z': return (f) => offsetText(f.offsetMs, 'Z');
    case 'X': case 'x': return (f) => offsetText(f.offsetMs, n >= 3 ? 'XXX' : 'X');
    case 'G': return (f) => (f.y > 0 ? 'AD' : 'BC');
    default: return letter.repeat(n);
  }
}

function compileFormat(pattern: string): readonly Part[] {
  let parts = compiled.get(pattern);
  if (!parts) {
    parts = compilePattern(pattern).map((t) => ('lit' in t ? t.lit : part(t.letter, t.count)));
    if (compiled.size > 500) compiled.clear();
    compiled.set(pattern, parts);
  }
  return parts;
}

let lastDays = Number.NaN;

/** Formats wall-clock millis with a Java pattern; `offsetMs` feeds z/Z/X. */
export function formatWithPattern(local: number, pattern: string, offsetMs = 0, zoneName = 'UTC'): string {
  const parts = compileFormat(pattern);
  const ms = Math.floor(local);
  const days = Math.floor(ms / MS_PER_DAY);
  const tod = ms - days * MS_PER_DAY;
  if (days !== lastDays) {
    // Consecutive rows usually fall on the same day: the civil date is kept from the last call.
    const [y, mo, d] = civilFromDays(days);
    F.y = y; F.mo = mo; F.d = d; F.days = days; F.dow = (((days + 4) % 7) + 7) % 7;
    lastDays = days;
  }
  F.tod = tod; F.h = Math.floor(tod / 3_600_000); F.mi = Math.floor(tod / 60_000) % 60; F.s = Math.floor(tod / 1000) % 60;
  F.nanos = ms === local ? 0 : splitMillis(local)[1];
  F.offsetMs = offsetMs; F.zone = zoneName;
  let out = '';
  for (let i = 0; i < parts.length; i++) { const p = parts[i] as Part; out += typeof p === 'string' ? p : p(F); }
  return out;
}

/** Result of parsing: wall-clock millis and, when the text carried one, its UTC offset. */
export interface ParsedDateTime { readonly local: number; readonly offsetMs?: number }

/**
 * Parses text with a Java pattern; undefined when it does not match. `allowTrailing` mimics
 * SimpleDateFormat.parse, which ignores text after the pattern (UNIX_TIMESTAMP, TO_DATE).
 */
export function parseWithPattern(text: string, pattern: string, allowTrailing = false): ParsedDateTime | undefined {
  const tokens = compilePattern(pattern);
  let pos = 0;
  let y = 1970; let mo = 1; let d = 1; let h = 0; let mi = 0; let s = 0; let frac = 0; let pm: boolean | undefined; let offset: number | undefined;
  for (let ti = 0; ti < tokens.length; ti++) {
    const t = tokens[ti] as Token;
    if ('lit' in t) {
      if (!text.startsWith(t.lit, pos)) return undefined;
      pos += t.lit.length; continue;
    }
    const next = tokens[ti + 1];
    const fixed = next !== undefined && 'letter' in next && /[yMdHkKhmsSDu]/.test(next.letter);
    const readNum = (): number | undefined => {
      const max = fixed ? t.count : 9;
      let j = pos;
      if (text[j] === '-' && t.letter === 'y') j++;
      while (j < text.length && j - pos < max && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      if (j === pos) return undefined;
      const v = Number(text.slice(pos, j));
      const len = j - pos;
      pos = j;
      return t.letter === 'S' ? v * 10 ** (9 - len) : v;
    };
    switch (t.letter) {
      case 'M': {
        if (t.count >= 3) {
          const idx = MONTHS.findIndex((m) => text.slice(pos).toLowerCase().startsWith((t.count === 3 ? m.slice(0, 3) : m).toLowerCase()));
          if (idx < 0) return undefined;
          mo = idx + 1; pos += t.count === 3 ? 3 : (MONTHS[idx] ?? '').length; break;
        }
        const v = readNum(); if (v === undefined) return undefined; mo = v; break;
      }
      case 'E': {
        const idx = DAYS.findIndex((dd) => text.slice(pos).toLowerCase().startsWith((t.count >= 4 ? dd : dd.slice(0, 3)).toLowerCase()));
        if (idx < 0) return undefined;
        pos += t.count >= 4 ? (DAYS[idx] ?? '').length : 3; break;
      }
      case 'a': {
        const w = text.slice(pos, pos + 2).toUpperCase();
        if (w !== 'AM' && w !== 'PM') return undefined;
        pm = w === 'PM'; pos += 2; break;
      }
      case 'Z': case 'X': case 'x': {
        if (text[pos] === 'Z') { offset = 0; pos++; break; }
        const m = /^([+-])(\d{2}):?(\d{2})?/.exec(text.slice(pos));
        if (!m) return undefined;
        offset = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60_000;
        pos += m[0].length; break;
      }
      case 'z': { const m = /^[A-Za-z_/+\-0-9:]+/.exec(text.slice(pos)); if (!m) return undefined; pos += m[0].length; break; }
      default: {
        const v = readNum(); if (v === undefined) return undefined;
        switch (t.letter) {
          case 'y': case 'Y': y = t.count === 2 && v < 100 ? 2000 + v : v; break;
          case 'd': d = v; break;
          case 'H': case 'k': h = v % 24; break;
          case 'h': case 'K': h = v % 12; break;
          case 'm': mi = v; break;
          case 's': s = v; break;
          case 'S': frac = v; break;
          default: break;
        }
      }
    }
  }
  if (pos !== text.length && !allowTrailing) return undefined;
  if (pm === true) h += 12;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return undefined;
  const local = (daysFromCivil(y, mo, d) * MS_PER_DAY) + ((h * 60 + mi) * 60 + s) * 1000 + Math.floor(frac / 1_000_000);
  return offset === undefined ? { local } : { local, offsetMs: offset };
}
