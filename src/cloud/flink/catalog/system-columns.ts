/** The system column every Confluent table has: `$rowtime`, carrying the default watermark. */
import { timestampLtzType } from '../types/index.js';
import type { MetadataColumn, TableWatermark } from './types.js';

/** Name of the system rowtime column. */
export const ROWTIME = '$rowtime';

/** `SOURCE_WATERMARK()` as DESCRIBE EXTENDED prints it. */
export const SOURCE_WATERMARK_EXPR = '`SOURCE_WATERMARK`()';

/** The hidden `` `$rowtime` TIMESTAMP_LTZ(3) NOT NULL METADATA FROM 'timestamp' VIRTUAL COMMENT 'SYSTEM' `` column. */
export function rowtimeColumn(): MetadataColumn {
  return { kind: 'metadata', name: ROWTIME, type: timestampLtzType(3, { nullable: false }), key: 'timestamp', virtual: true, comment: 'SYSTEM' };
}

/** The implicit `WATERMARK FOR $rowtime AS SOURCE_WATERMARK()`. */
export function defaultWatermark(): TableWatermark {
  return { column: ROWTIME, expr: SOURCE_WATERMARK_EXPR, isDefault: true };
}
