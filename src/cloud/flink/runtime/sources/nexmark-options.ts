/**
 * The `nexmark` connector's WITH options (nexmark.md §1): every key with its default, parsed from a
 * table's option map into a NexmarkConfig. Unknown keys and malformed values are user mistakes:
 * one Diagnostic each, naming the key.
 */
import { errorDiag, suggestion, type Diagnostic, type Outcome } from '../../../../shared/index.js';
import { parseDuration, parseMemorySize } from '../../catalog/index.js';
import type { NexmarkConfig, RateShape } from './types.js';

/** The defaults of every option (nexmark.md §1 table). */
export const DEFAULT_NEXMARK_CONFIG: NexmarkConfig = {
  firstEventRate: 10_000,
  nextEventRate: 10_000,
  rateShape: 'SQUARE',
  ratePeriodMs: 600_000,
  rateLimited: false,
  eventsNum: 0,
  personProportion: 1,
  auctionProportion: 3,
  bidProportion: 46,
  personAvgSize: 200,
  auctionAvgSize: 500,
  bidAvgSize: 100,
  hotAuctionRatio: 2,
  hotBidderRatio: 4,
  hotSellerRatio: 4,
  keepAlive: false,
  stopAt: -1,
  maxEmitSpeed: true,
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Parser = (text: string, cfg: Mutable<NexmarkConfig>) => string | undefined;

/** Integer parser with a lower bound; returns the error text or undefined. */
function int(field: keyof NexmarkConfig, min: number): Parser {
  return (text, cfg) => {
    const t = text.trim();
    if (!/^-?\d+$/.test(t) || Number(t) < min || !Number.isSafeInteger(Number(t))) return `must be an integer ≥ ${min}`;
    (cfg as Record<string, unknown>)[field] = Number(t);
    return undefined;
  };
}

function bool(field: keyof NexmarkConfig): Parser {
  return (text, cfg) => {
    const t = text.trim().toLowerCase();
    if (t !== 'true' && t !== 'false') return "must be 'true' or 'false'";
    (cfg as Record<string, unknown>)[field] = t === 'true';
    return undefined;
  };
}

function size(field: keyof NexmarkConfig): Parser {
  return (text, cfg) => {
    const bytes = parseMemorySize(text);
    if (bytes === undefined) return "must be a memory size such as '200' or '1 kb'";
    (cfg as Record<string, unknown>)[field] = bytes;
    return undefined;
  };
}

const PARSERS: Readonly<Record<string, Parser>> = {
  'first-event.rate': int('firstEventRate', 1),
  'next-event.rate': int('nextEventRate', 1),
  'rate.shape': (text, cfg) => {
    const t = text.trim().toUpperCase();
    if (t !== 'SQUARE' && t !== 'SINE') return "must be 'SQUARE' or 'SINE'";
    cfg.rateShape = t satisfies RateShape;
    return undefined;
  },
  'rate.period': (text, cfg) => {
    const ms = parseDuration(text);
    if (ms === undefined || ms <= 0) return "must be a positive duration such as '10 min'";
    cfg.ratePeriodMs = ms;
    return undefined;
  },
  'rate.limited': bool('rateLimited'),
  'events.num': int('eventsNum', 0),
  'person.proportion': int('personProportion', 0),
  'auction.proportion': int('auctionProportion', 0),
  'bid.proportion': int('bidProportion', 0),
  'person.avg-size': size('personAvgSize'),
  'auction.avg-size': size('auctionAvgSize'),
  'bid.avg-size': size('bidAvgSize'),
  'bid.hot-ratio.auctions': int('hotAuctionRatio', 1),
  'bid.hot-ratio.bidders': int('hotBidderRatio', 1),
  'auction.hot-ratio.sellers': int('hotSellerRatio', 1),
  'keep-alive': bool('keepAlive'),
  'stop-at': int('stopAt', -1),
  'max-emit-speed': bool('maxEmitSpeed'),
  'base-time': (text, cfg) => {
    const ms = parseBaseTime(text.trim());
    if (ms === undefined) return "must be epoch milliseconds such as '1700000000000' or a UTC timestamp such as '2023-11-14 22:13:20'";
    cfg.baseTime = ms;
    return undefined;
  },
};

/** `base-time`: epoch millis (a non-negative integer) or `yyyy-MM-dd HH:mm:ss[.SSS]` read as UTC. */
function parseBaseTime(t: string): number | undefined {
  if (/^\d+$/.test(t)) return Number.isSafeInteger(Number(t)) ? Number(t) : undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z?$/.exec(t);
  if (m === null) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s, Number((m[7] ?? '0').padEnd(3, '0')));
  const back = new Date(ms);
  // Reject dates Date.UTC rolls over (2023-02-30) and out-of-range fields.
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || back.getUTCHours() !== h || back.getUTCMinutes() !== mi || back.getUTCSeconds() !== s) return undefined;
  return ms;
}

/** Every option key the connector accepts, sorted (including `connector`). */
export const NEXMARK_OPTION_KEYS: readonly string[] = ['connector', ...Object.keys(PARSERS)].sort();

/** Parses a `'connector' = 'nexmark'` table's WITH options; defaults fill absent keys. */
export function parseNexmarkOptions(options: Readonly<Record<string, string>>): Outcome<NexmarkConfig> {
  const cfg: Mutable<NexmarkConfig> = { ...DEFAULT_NEXMARK_CONFIG };
  const diagnostics: Diagnostic[] = [];
  for (const key of Object.keys(options).sort()) {
    const text = options[key] as string;
    if (key === 'connector') {
      if (text !== 'nexmark') diagnostics.push(errorDiag('nexmark-invalid-option', `Option 'connector' must be 'nexmark', got '${text}'.`));
      continue;
    }
    const parse = PARSERS[key];
    if (parse === undefined) {
      diagnostics.push(errorDiag('nexmark-unknown-option', `Unsupported option '${key}' for connector 'nexmark'.${suggestion(key, NEXMARK_OPTION_KEYS)}`, {
        detail: `Supported options: ${NEXMARK_OPTION_KEYS.join(', ')}`,
      }));
      continue;
    }
    const problem = parse(text, cfg);
    if (problem !== undefined) diagnostics.push(errorDiag('nexmark-invalid-option', `Invalid value '${text}' for option '${key}': ${problem}.`));
  }
  if (diagnostics.length === 0 && cfg.personProportion + cfg.auctionProportion + cfg.bidProportion === 0) {
    diagnostics.push(errorDiag('nexmark-invalid-option', "The options 'person.proportion', 'auction.proportion' and 'bid.proportion' must not all be 0."));
  }
  return diagnostics.length > 0 ? { diagnostics } : { value: cfg, diagnostics };
}
