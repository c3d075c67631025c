/** A schema the generator cannot use: bad Avro, or a bad `arg.properties` annotation (a user mistake). */
export class DatagenSchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatagenSchemaError';
  }
}
