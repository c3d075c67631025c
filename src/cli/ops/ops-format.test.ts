import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bar, bytes, compactCount, duration } from './ops-format.js';

test('compact counts, durations, byte sizes and bars', () => {
  assert.deepEqual([0, 999, 1234, 5_600_000].map(compactCount), ['0', '999', '1.2k', '5.6M']);
  assert.deepEqual([null, 850, 12_300, 245_000, 7_800_000, 90_000_000].map(duration), ['-', '850ms', '12.3s', '4m05s', '2h10m', '1d01h']);
  assert.deepEqual([512, 1536, 3 * 1024 * 1024].map(bytes), ['512B', '1.5KiB', '3.0MiB']);
  assert.deepEqual([bar(0, 5, 5), bar(3, 5, 5), bar(9, 5, 5), bar(1, 0, 3)], ['[-----]', '[###--]', '[#####]', '[---]']);
});
