/**
 * Failures a running statement reports to its user (confluent-flink.md §11): they fail the
 * statement (FAILING → FAILED) with the message as `status.detail`. Internal bugs use invariant().
 */

/** A record that cannot be read as a row of the table: fails the statement (error-handling.mode = fail). */
export class DeserializationError extends Error {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;

  constructor(opts: { readonly topic: string; readonly partition: number; readonly offset: number; readonly reason: string }) {
    super(`Failed to deserialize a record of topic '${opts.topic}' at partition ${opts.partition}, offset ${opts.offset}: ${opts.reason}`);
    this.name = 'DeserializationError';
    this.topic = opts.topic;
    this.partition = opts.partition;
    this.offset = opts.offset;
  }
}

/** A row the sink cannot write (serialization failure, topic gone). */
export class SinkWriteError extends Error {
  readonly topic: string;

  constructor(topic: string, reason: string) {
    super(`Failed to write to topic '${topic}': ${reason}`);
    this.name = 'SinkWriteError';
    this.topic = topic;
  }
}
