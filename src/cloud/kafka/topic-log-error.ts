/** The one typed error of the topic-log store: a stable code the REST edge maps to Kafka's codes. */
import { errorDiag, type Diagnostic } from '../../shared/index.js';

/** Stable codes for the mistakes a caller can make against the topic log. */
export type TopicLogErrorCode =
  | 'invalid-topic-name'
  | 'topic-already-exists'
  | 'unknown-topic'
  | 'unknown-partition'
  | 'invalid-partitions'
  | 'unknown-config'
  | 'invalid-config'
  | 'read-only-config'
  | 'record-too-large'
  | 'invalid-record'
  | 'invalid-timestamp'
  | 'offset-out-of-range';

/** A caller mistake (not a bug): carries a stable code and converts to a Diagnostic. */
export class TopicLogError extends Error {
  readonly code: TopicLogErrorCode;
  /** The config, topic or field the error is about, when there is one. */
  readonly subject?: string;
  constructor(code: TopicLogErrorCode, message: string, subject?: string) {
    super(message);
    this.name = 'TopicLogError';
    this.code = code;
    if (subject !== undefined) this.subject = subject;
  }

  /** The same error as a Diagnostic, for callers that collect them. */
  toDiagnostic(): Diagnostic {
    return errorDiag(`kafka-${this.code}`, this.message);
  }
}
