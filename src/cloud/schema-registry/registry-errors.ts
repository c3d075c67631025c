/** Schema Registry failures with Confluent's error codes and message wording, and schema parse errors. */

/** A problem in a schema text: a message that points at the place (field path, line:col). */
export class SchemaParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaParseError';
  }
}

/** A registry error: `code` is Confluent's error_code (40401, 42201, 409…), `status` its HTTP status. */
export class SchemaRegistryError extends Error {
  readonly code: number;
  readonly status: number;
  constructor(code: number, message: string) {
    super(message);
    this.name = 'SchemaRegistryError';
    this.code = code;
    this.status = code >= 10000 ? Math.floor(code / 100) : code;
  }
}

/** Constructors for each error, so the wording lives in one place. */
export const srErrors = {
  subjectNotFound: (s: string) => new SchemaRegistryError(40401, `Subject '${s}' not found.`),
  versionNotFound: (v: number | string) => new SchemaRegistryError(40402, `Version ${v} not found.`),
  schemaNotFound: (detail?: string) => new SchemaRegistryError(40403, detail ?? 'Schema not found'),
  subjectSoftDeleted: (s: string) => new SchemaRegistryError(40404, `Subject '${s}' was soft deleted.Set permanent=true to delete permanently`),
  subjectNotSoftDeleted: (s: string) => new SchemaRegistryError(40405, `Subject '${s}' was not deleted first before being permanently deleted`),
  versionSoftDeleted: (s: string, v: number) => new SchemaRegistryError(40406, `Subject '${s}' Version ${v} was soft deleted.Set permanent=true to delete permanently`),
  versionNotSoftDeleted: (s: string, v: number) => new SchemaRegistryError(40407, `Subject '${s}' Version ${v} was not deleted first before being permanently deleted`),
  subjectCompatNotConfigured: (s: string) => new SchemaRegistryError(40408, `Subject '${s}' does not have subject-level compatibility configured`),
  subjectModeNotConfigured: (s: string) => new SchemaRegistryError(40409, `Subject '${s}' does not have subject-level mode configured`),
  incompatible: (subject: string, messages: readonly string[]) =>
    new SchemaRegistryError(409, `Schema being registered is incompatible with an earlier schema for subject "${subject}", details: [${messages.join(', ')}]`),
  invalidSchema: (detail: string) => new SchemaRegistryError(42201, detail),
  invalidVersion: (v: string) => new SchemaRegistryError(42202, `The specified version '${v}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string "latest"`),
  invalidCompatibility: (v: unknown) => new SchemaRegistryError(42203, `Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive (got ${JSON.stringify(v)})`),
  invalidMode: (v: unknown) => new SchemaRegistryError(42204, `Invalid mode. Valid values are READWRITE, READONLY, READONLY_OVERRIDE and IMPORT (got ${JSON.stringify(v)})`),
  notPermitted: (detail: string) => new SchemaRegistryError(42205, detail),
  referenceExists: (s: string, v: number) => new SchemaRegistryError(42206, `One or more references exist to the schema {subject=${s},version=${v}}.`),
  registryNotFound: (id: string) => new SchemaRegistryError(40401, `Schema Registry cluster '${id}' not found.`),
  internal: (detail: string) => new SchemaRegistryError(50001, `Error in the backend data store - ${detail}`),
};
