/**
 * Precomputed strings and BIGINT values for the Nexmark generator, so generating an event picks
 * existing values by index instead of building strings or bigints. Built once per process, lazily,
 * from a fixed seed: every run sees the same pools.
 */
import { SeededRandom } from './seeded-random.js';

/** Every pool the generator picks from; sizes are powers of two (index with `& (size − 1)`). */
export interface NexmarkPools {
  /** "First Last" (256). */
  readonly names: readonly string[];
  readonly emails: readonly string[];
  readonly creditCards: readonly string[];
  readonly cities: readonly string[];
  readonly states: readonly string[];
  readonly itemNames: readonly string[];
  readonly descriptions: readonly string[];
  /** Log-uniform prices in cents from $1 to $1M (4096). */
  readonly prices: readonly bigint[];
  /** FIRST_CATEGORY_ID.. as bigints. */
  readonly categories: readonly bigint[];
  /** The four hot channels and urls without a channel id (256 urls). */
  readonly hotChannels: readonly string[];
  readonly hotUrls: readonly string[];
  /** Numbered channels `channel-<k>` and their urls carrying `&channel_id=<k>` (1024). */
  readonly channels: readonly string[];
  readonly channelUrls: readonly string[];
  /** Random lowercase text to cut `extra` padding from. */
  readonly padding: string;
}

const FIRST_NAMES = ['Peter', 'Paul', 'Luke', 'John', 'Saul', 'Vicky', 'Kate', 'Julie', 'Sarah', 'Deiter', 'Walter', 'Maria', 'Ahmed', 'Mei', 'Olga', 'Ravi'];
const LAST_NAMES = ['Shultz', 'Abrams', 'Spencer', 'White', 'Bartels', 'Walton', 'Smith', 'Jones', 'Noris', 'Garcia', 'Chen', 'Okafor', 'Novak', 'Ito', 'Silva', 'Kumar'];
const CITIES = ['Phoenix', 'Los Angeles', 'San Francisco', 'Boise', 'Portland', 'Bend', 'Redmond', 'Seattle', 'Kent', 'Cheyenne'];
const STATES = ['AZ', 'CA', 'ID', 'OR', 'WA', 'WY'];
const ADJECTIVES = ['antique', 'vintage', 'rare', 'signed', 'mint', 'used', 'handmade', 'classic', 'large', 'small', 'golden', 'wooden', 'silver', 'retro', 'limited', 'original'];
const NOUNS = ['watch', 'guitar', 'lamp', 'camera', 'bicycle', 'vase', 'painting', 'clock', 'chair', 'record', 'comic', 'stamp', 'coin', 'poster', 'radio', 'teapot'];
const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'ne', 'to', 'su', 'vi', 'da', 'pe', 'zo', 'ri', 'an', 'el', 'or', 'us'];
/** The named channels of the bid table. */
export const HOT_CHANNELS = ['Google', 'Facebook', 'Baidu', 'Apple'];

let pools: NexmarkPools | undefined;

/** The process-wide pools (built on first use). */
export function nexmarkPools(): NexmarkPools {
  pools ??= buildPools(new SeededRandom(0x6e65786d));
  return pools;
}

function buildPools(r: SeededRandom): NexmarkPools {
  const pick = <T>(xs: readonly T[]): T => xs[r.intBetween(0, xs.length - 1)] as T;
  const word = (): string => {
    let w = '';
    for (let i = r.intBetween(2, 4); i > 0; i--) w += pick(SYLLABLES);
    return w;
  };
  const digits = (k: number): string => {
    let s = '';
    for (let i = 0; i < k; i++) s += String(r.intBetween(0, 9));
    return s;
  };
  const times = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
  const url = (): string => `https://www.nexmark.com/${word()}/${word()}/item.htm?query=1`;
  let padding = '';
  for (let i = 0; i < 8192; i++) padding += String.fromCharCode(97 + r.intBetween(0, 25));
  return {
    names: FIRST_NAMES.flatMap((f) => LAST_NAMES.map((l) => `${f} ${l}`)),
    emails: times(1024, () => `${word()}@${word()}.com`),
    creditCards: times(1024, () => `${digits(4)} ${digits(4)} ${digits(4)} ${digits(4)}`),
    cities: CITIES,
    states: STATES,
    itemNames: ADJECTIVES.flatMap((a) => NOUNS.map((n) => `${a} ${n}`)),
    descriptions: times(1024, () => times(r.intBetween(4, 14), word).join(' ')),
    prices: times(4096, (i) => BigInt(Math.round(Math.pow(10, ((i + 0.5) / 4096) * 6) * 100))),
    categories: times(5, (i) => BigInt(10 + i)),
    hotChannels: HOT_CHANNELS,
    hotUrls: times(256, url),
    channels: times(1024, (k) => `channel-${k}`),
    channelUrls: times(1024, (k) => `${url()}&channel_id=${k}`),
    padding,
  };
}
