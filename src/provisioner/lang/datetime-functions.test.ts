import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { err, table } from './lang-test-kit.test.js';

describe('date and time functions', () => {
  table(it, [
    ['${timestamp()}', '2024-01-02T03:04:05Z'],
    ['${plantimestamp()}', '2024-01-02T03:04:05.678Z'],
    ['${timeadd("2017-11-22T00:00:00Z", "10m")}', '2017-11-22T00:10:00Z'],
    ['${timeadd("2017-11-22T00:00:00Z", "-1h30m")}', '2017-11-21T22:30:00Z'],
    ['${timeadd("2017-11-22T00:00:00+02:00", "1h")}', '2017-11-22T01:00:00+02:00'],
    ['${timecmp("2017-11-22T00:00:00Z", "2017-11-22T01:00:00+01:00")}', 0],
    ['${formatdate("DD MMM YYYY hh:mm ZZZ", "2018-01-02T23:12:01Z")}', '02 Jan 2018 23:12 UTC'],
    ['${formatdate("EEEE, MMMM D, YYYY", "2018-01-02T23:12:01Z")}', 'Tuesday, January 2, 2018'],
    ['${formatdate("h:mm aa", "2018-01-02T23:12:01Z")}', '23:12 pm'],
    ['${formatdate("H:mm AA", "2018-01-02T23:12:01Z")}', '11:12 PM'],
    ["${formatdate(\"YYYY-MM-DD'T'hh:mm:ssZ\", \"2018-01-02T23:12:01-08:00\")}", '2018-01-02T23:12:01-08:00'],
  ]);
  it('rejects a bad timestamp', () => assert.match(err('${timeadd("yesterday", "1h")}').detail!, /RFC3339/));
  it('rejects a bad duration', () => assert.match(err('${timeadd("2017-11-22T00:00:00Z", "1 day")}').detail!, /invalid duration/));
});
