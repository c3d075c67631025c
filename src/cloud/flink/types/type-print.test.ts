import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  arrayType, bigintType, bytesType, dayTimeIntervalType, decimalType, fromDataTypeJson, intType, mapType, printType,
  rowType, stringType, timestampLtzType, timestampType, toDataTypeJson, varcharType, yearMonthIntervalType,
  leastRestrictive, canImplicitCast, supportsExplicitCast, explicitCastError, nullType, floatType, doubleType,
  tinyintType, charType, dateType, decimalDivideType, decimalMultiplyType, decimalAddType,
} from './index.js';

test('summary printing matches DESCRIBE', () => {
  const cases: [ReturnType<typeof stringType> | Parameters<typeof printType>[0], string][] = [
    [stringType(), 'STRING'],
    [varcharType(10, { nullable: false }), 'VARCHAR(10) NOT NULL'],
    [bytesType(), 'BYTES'],
    [decimalType(10, 2), 'DECIMAL(10, 2)'],
    [intType(), 'INT'],
    [timestampLtzType(3, { timeAttribute: 'rowtime', nullable: false }), 'TIMESTAMP_LTZ(3) *ROWTIME* NOT NULL'],
    [timestampType(3, { timeAttribute: 'proctime' }), 'TIMESTAMP(3) *PROCTIME*'],
    [rowType([['a', intType()], ['b', stringType()]]), 'ROW<`a` INT, `b` STRING>'],
    [mapType(stringType(), arrayType(bigintType({ nullable: false }))), 'MAP<STRING, ARRAY<BIGINT NOT NULL>>'],
    [yearMonthIntervalType(), 'INTERVAL YEAR(2) TO MONTH'],
    [dayTimeIntervalType('DAY_TO_SECOND', 2, 3), 'INTERVAL DAY(2) TO SECOND(3)'],
    [rowType([{ name: 'x`y', type: intType(), description: "it's" }]), "ROW<`x``y` INT 'it''s'>"],
  ];
  for (const [t, s] of cases) assert.equal(printType(t), s);
});

test('serializable printing spells the full SQL type', () => {
  assert.equal(printType(stringType(), 'serializable'), 'VARCHAR(2147483647)');
  assert.equal(printType(timestampLtzType(3, { timeAttribute: 'rowtime' }), 'serializable'), 'TIMESTAMP(3) WITH LOCAL TIME ZONE');
  assert.equal(printType(rowType([['a', stringType({ nullable: false })]]), 'serializable'), 'ROW<`a` VARCHAR(2147483647) NOT NULL>');
});

test('DataType JSON round-trips', () => {
  const t = rowType([['id', bigintType({ nullable: false })], ['tags', arrayType(stringType())], ['ts', timestampLtzType(3)], ['amt', decimalType(10, 2)]]);
  const j = toDataTypeJson(t);
  assert.deepEqual(j.fields?.[0], { name: 'id', field_type: { type: 'BIGINT', nullable: false } });
  assert.deepEqual(j.fields?.[1]?.field_type, { type: 'ARRAY', nullable: true, element_type: { type: 'VARCHAR', nullable: true, length: 2147483647 } });
  assert.deepEqual(j.fields?.[2]?.field_type, { type: 'TIMESTAMP_WITH_LOCAL_TIME_ZONE', nullable: true, precision: 3 });
  assert.deepEqual(fromDataTypeJson(j), t);
  assert.match(String(fromDataTypeJson({ type: 'RAW', nullable: true })), /unsupported/);
});

test('least restrictive common type', () => {
  assert.deepEqual(leastRestrictive([intType(), bigintType({ nullable: false })]), bigintType());
  assert.deepEqual(leastRestrictive([intType({ nullable: false }), decimalType(10, 2, { nullable: false })]), decimalType(12, 2, { nullable: false }));
  assert.deepEqual(leastRestrictive([floatType(), decimalType(10, 2)]), doubleType());
  assert.deepEqual(leastRestrictive([tinyintType(), floatType()]), floatType());
  assert.deepEqual(leastRestrictive([charType(1), charType(3)]), varcharType(3));
  assert.deepEqual(leastRestrictive([nullType(), stringType({ nullable: false })]), stringType());
  assert.deepEqual(leastRestrictive([dateType(), timestampType(3)]), timestampType(3));
  assert.equal(leastRestrictive([intType(), stringType()]), undefined);
});

test('implicit and explicit cast rules', () => {
  assert.equal(canImplicitCast(intType(), bigintType()), true);
  assert.equal(canImplicitCast(bigintType(), intType()), false);
  assert.equal(canImplicitCast(intType(), doubleType()), true);
  assert.equal(canImplicitCast(stringType(), intType()), false);
  assert.equal(canImplicitCast(intType(), decimalType(10, 0)), true);
  assert.equal(canImplicitCast(intType(), decimalType(5, 0)), false);
  assert.equal(supportsExplicitCast(stringType(), intType()), true);
  assert.equal(supportsExplicitCast(intType(), dateType()), false);
  assert.equal(explicitCastError(intType(), dateType()), 'Cast function cannot convert value of type INT to type DATE'.replace('INT ', 'INTEGER '));
  assert.match(String(explicitCastError(bigintType(), timestampType(3))), /TO_TIMESTAMP\(FROM_UNIXTIME/);
  assert.equal(supportsExplicitCast(bigintType(), timestampLtzType(3)), true);
});

test('decimal arithmetic result types follow Flink', () => {
  assert.deepEqual(decimalAddType(decimalType(10, 2), decimalType(5, 3)), decimalType(12, 3));
  assert.deepEqual(decimalMultiplyType(decimalType(10, 2), decimalType(5, 3)), decimalType(16, 5));
  assert.deepEqual(decimalDivideType(decimalType(10, 2), decimalType(5, 3)), decimalType(19, 8));
  assert.deepEqual(decimalMultiplyType(decimalType(38, 10), decimalType(38, 10)), decimalType(38, 6));
});
