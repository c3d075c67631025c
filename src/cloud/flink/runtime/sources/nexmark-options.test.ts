import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_NEXMARK_CONFIG, NEXMARK_OPTION_KEYS, parseNexmarkOptions } from './nexmark-options.js';

describe('parseNexmarkOptions', () => {
  it('applies the documented defaults', () => {
    const out = parseNexmarkOptions({ connector: 'nexmark' });
    assert.deepEqual(out.diagnostics, []);
    assert.deepEqual(out.value, DEFAULT_NEXMARK_CONFIG);
    assert.equal(DEFAULT_NEXMARK_CONFIG.firstEventRate, 10_000);
    assert.equal(DEFAULT_NEXMARK_CONFIG.bidProportion, 46);
    assert.equal(DEFAULT_NEXMARK_CONFIG.maxEmitSpeed, true);
  });

  it('parses every key', () => {
    const out = parseNexmarkOptions({
      connector: 'nexmark',
      'first-event.rate': '100000', 'next-event.rate': '50000', 'rate.shape': 'sine', 'rate.period': '10 min',
      'rate.limited': 'true', 'events.num': '1000000', 'person.proportion': '2', 'auction.proportion': '4',
      'bid.proportion': '44', 'person.avg-size': '1 kb', 'auction.avg-size': '300', 'bid.avg-size': '120b',
      'bid.hot-ratio.auctions': '3', 'bid.hot-ratio.bidders': '5', 'auction.hot-ratio.sellers': '6',
      'keep-alive': 'TRUE', 'stop-at': '500', 'max-emit-speed': 'false',
    });
    assert.deepEqual(out.diagnostics, []);
    assert.deepEqual(out.value, {
      firstEventRate: 100_000, nextEventRate: 50_000, rateShape: 'SINE', ratePeriodMs: 600_000, rateLimited: true,
      eventsNum: 1_000_000, personProportion: 2, auctionProportion: 4, bidProportion: 44,
      personAvgSize: 1024, auctionAvgSize: 300, bidAvgSize: 120,
      hotAuctionRatio: 3, hotBidderRatio: 5, hotSellerRatio: 6, keepAlive: true, stopAt: 500, maxEmitSpeed: false,
    });
    assert.equal(NEXMARK_OPTION_KEYS.length, 20);
  });

  it("reads 'base-time' as epoch millis or a UTC timestamp, and rejects anything else", () => {
    assert.equal(parseNexmarkOptions({ 'base-time': '1700000000000' }).value?.baseTime, 1_700_000_000_000);
    assert.equal(parseNexmarkOptions({ 'base-time': '2023-11-14 22:13:20' }).value?.baseTime, 1_700_000_000_000);
    assert.equal(parseNexmarkOptions({ 'base-time': '2023-11-14T22:13:20.5Z' }).value?.baseTime, 1_700_000_000_500);
    for (const bad of ['yesterday', '-5', '2023-02-30 00:00:00', '2023-11-14 25:00:00']) {
      const out = parseNexmarkOptions({ 'base-time': bad });
      assert.equal(out.value, undefined, bad);
      assert.match(out.diagnostics[0]?.summary ?? '', new RegExp(`Invalid value '${bad}' for option 'base-time': must be epoch milliseconds`));
    }
  });

  it('rejects an unknown key, naming it and suggesting the closest one', () => {
    const out = parseNexmarkOptions({ connector: 'nexmark', 'events.number': '10', 'tps': '5' });
    assert.equal(out.value, undefined);
    assert.deepEqual(out.diagnostics.map((d) => d.code), ['nexmark-unknown-option', 'nexmark-unknown-option']);
    assert.match(out.diagnostics[0]?.summary ?? '', /'events\.number'.*Did you mean "events\.num"\?/);
    assert.match(out.diagnostics[1]?.summary ?? '', /'tps'/);
    assert.match(out.diagnostics[1]?.detail ?? '', /first-event\.rate/);
  });

  it('rejects malformed values with the key in the message', () => {
    const out = parseNexmarkOptions({
      connector: 'nexmark', 'events.num': '-1', 'first-event.rate': 'fast', 'rate.shape': 'TRIANGLE',
      'keep-alive': 'yes', 'rate.period': '0 s', 'bid.avg-size': 'big', 'stop-at': '-2',
    });
    assert.equal(out.value, undefined);
    const keys = out.diagnostics.map((d) => /option '([^']+)'/.exec(d.summary)?.[1]);
    assert.deepEqual(keys, ['bid.avg-size', 'events.num', 'first-event.rate', 'keep-alive', 'rate.period', 'rate.shape', 'stop-at']);
    assert.ok(out.diagnostics.every((d) => d.code === 'nexmark-invalid-option' && d.severity === 'error'));
  });

  it('rejects a wrong connector and an all-zero mix', () => {
    assert.equal(parseNexmarkOptions({ connector: 'datagen' }).diagnostics[0]?.code, 'nexmark-invalid-option');
    const zero = parseNexmarkOptions({ 'person.proportion': '0', 'auction.proportion': '0', 'bid.proportion': '0' });
    assert.match(zero.diagnostics[0]?.summary ?? '', /must not all be 0/);
  });
});
