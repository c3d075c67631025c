/**
 * Per-partition watermark generators: the plug-in point for a table's WATERMARK clause. A generator
 * sees every record's rowtime and answers its current watermark; the source emits it periodically
 * (after each poll) and only forwards increases. SOURCE_WATERMARK() is the histogram generator in
 * histogram-watermark-generator.ts.
 */
import { NO_WATERMARK } from './types.js';

/** Observes rowtimes of one partition and proposes a watermark. */
export interface WatermarkGenerator {
  /** One record with rowtime `timestamp` (epoch millis) was read. */
  onEvent(timestamp: number): void;
  /** The current watermark proposal (−∞ before any record). */
  current(): number;
}

/** Creates one generator per partition. */
export type WatermarkGeneratorFactory = () => WatermarkGenerator;

/** `WATERMARK FOR ts AS ts - INTERVAL …`: max rowtime seen minus a fixed delay. */
export function boundedOutOfOrderness(delayMs: number): WatermarkGeneratorFactory {
  return () => {
    let max = NO_WATERMARK;
    return {
      onEvent(ts) { if (ts > max) max = ts; },
      current() { return max - delayMs; },
    };
  };
}

/** `WATERMARK FOR ts AS ts` (strictly ascending; the examples catalog's SOURCE_WATERMARK()). */
export function ascendingTimestamps(): WatermarkGeneratorFactory {
  return boundedOutOfOrderness(0);
}

/** No watermarks at all (processing-time only queries). */
export function noWatermarks(): WatermarkGeneratorFactory {
  return () => ({ onEvent() { /* ignored */ }, current() { return NO_WATERMARK; } });
}
