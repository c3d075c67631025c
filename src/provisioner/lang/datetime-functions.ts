/** Date and time functions: timestamp (from the injected clock), timeadd, timecmp, formatdate. */
import { def, FunctionArgError, param, str, type FunctionDef } from './function-def.js';
import { T } from './types.js';

interface Instant { readonly ms: number; readonly offsetMin: number }

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Parses an RFC 3339 timestamp, keeping its UTC offset. */
export function parseTimestamp(s: string, argIndex: number): Instant {
  const m = RFC3339.exec(s);
  if (!m) throw new FunctionArgError(argIndex, `not a valid RFC3339 timestamp: ${JSON.stringify(s)}`);
  const zone = m[8] ?? 'Z';
  const offsetMin = /^[Zz]$/.test(zone) ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ?? ''}Z`) - offsetMin * 60_000;
  if (Number.isNaN(ms)) throw new FunctionArgError(argIndex, `not a valid RFC3339 timestamp: ${JSON.stringify(s)}`);
  return { ms, offsetMin };
}

/** Renders an instant as RFC 3339 in its offset (`Z` for UTC), without fractional zeros. */
export function formatTimestamp(t: Instant): string {
  const local = new Date(t.ms + t.offsetMin * 60_000).toISOString().replace(/\.000Z$/, 'Z').replace(/(\.\d*?)0+Z$/, '$1Z');
  return t.offsetMin === 0 ? local : local.replace(/Z$/, zoneText(t.offsetMin, ':'));
}

function zoneText(off: number, sep: string): string {
  const a = Math.abs(off);
  return `${off < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}${sep}${String(a % 60).padStart(2, '0')}`;
}

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

function parseDuration(s: string): number {
  const m = /^([+-]?)((?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+)$/.exec(s);
  if (!m?.[2]) throw new FunctionArgError(1, `invalid duration ${JSON.stringify(s)}; use a number with a unit such as "1h30m" or "-10s"`);
  let total = 0;
  for (const part of m[2].matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(part[1]) * (UNITS[part[2] ?? 's'] ?? 0);
  return m[1] === '-' ? -total : total;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const TOKEN = /'(?:[^']|'')*'|YYYY|YY|MMMM|MMM|MM|M|DD|D|EEEE|EEE|hh|h|HH|H|AA|aa|mm|m|ss|s|ZZZZZ|ZZZZ|ZZZ|Z|[A-Za-z]+|[^A-Za-z']+/g;

function formatDate(spec: string, t: Instant): string {
  const d = new Date(t.ms + t.offsetMin * 60_000);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const h12 = d.getUTCHours() % 12 === 0 ? 12 : d.getUTCHours() % 12;
  return spec.replace(TOKEN, (tok) => {
    switch (tok) {
      case 'YYYY': return String(d.getUTCFullYear()).padStart(4, '0');
      case 'YY': return p2(d.getUTCFullYear() % 100);
      case 'MMMM': return MONTHS[d.getUTCMonth()] ?? '';
      case 'MMM': return (MONTHS[d.getUTCMonth()] ?? '').slice(0, 3);
      case 'MM': return p2(d.getUTCMonth() + 1);
      case 'M': return String(d.getUTCMonth() + 1);
      case 'DD': return p2(d.getUTCDate());
      case 'D': return String(d.getUTCDate());
      case 'EEEE': return DAYS[d.getUTCDay()] ?? '';
      case 'EEE': return (DAYS[d.getUTCDay()] ?? '').slice(0, 3);
      case 'hh': return p2(d.getUTCHours());
      case 'h': return String(d.getUTCHours());
      case 'HH': return p2(h12);
      case 'H': return String(h12);
      case 'AA': return d.getUTCHours() < 12 ? 'AM' : 'PM';
      case 'aa': return d.getUTCHours() < 12 ? 'am' : 'pm';
      case 'mm': return p2(d.getUTCMinutes());
      case 'm': return String(d.getUTCMinutes());
      case 'ss': return p2(d.getUTCSeconds());
      case 's': return String(d.getUTCSeconds());
      case 'ZZZZZ': return zoneText(t.offsetMin, ':');
      case 'ZZZZ': return zoneText(t.offsetMin, '');
      case 'ZZZ': return t.offsetMin === 0 ? 'UTC' : zoneText(t.offsetMin, '');
      case 'Z': return t.offsetMin === 0 ? 'Z' : zoneText(t.offsetMin, ':');
      default:
        if (tok.startsWith("'")) return tok.slice(1, -1).replace(/''/g, "'");
        if (/^[A-Za-z]/.test(tok)) throw new FunctionArgError(0, `invalid date format verb ${JSON.stringify(tok)}; literal letters must be quoted with '`);
        return tok;
    }
  });
}

/** Date/time built-ins. */
export const datetimeFunctions: readonly FunctionDef[] = [
  def('timestamp', [], (_args, fc) => formatTimestamp({ ms: Math.floor(fc.ctx.now() / 1000) * 1000, offsetMin: 0 })),
  def('plantimestamp', [], (_args, fc) => formatTimestamp({ ms: fc.ctx.now(), offsetMin: 0 })),
  def('timeadd', [param('timestamp', T.string), param('duration', T.string)], (args) => {
    const t = parseTimestamp(str(args, 0), 0);
    return formatTimestamp({ ms: t.ms + parseDuration(str(args, 1)), offsetMin: t.offsetMin });
  }),
  def('timecmp', [param('timestamp_a', T.string), param('timestamp_b', T.string)], (args) => Math.sign(parseTimestamp(str(args, 0), 0).ms - parseTimestamp(str(args, 1), 1).ms)),
  def('formatdate', [param('spec', T.string), param('timestamp', T.string)], (args) => formatDate(str(args, 0), parseTimestamp(str(args, 1), 1))),
];
