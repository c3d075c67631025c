/** Hash functions returning lower-case hex: MD5, SHA1, SHA2(s, bits), SHA224/256/384/512 (node:crypto). */
import { createHash } from 'node:crypto';
import { stringType, withNullable } from '../types/index.js';
import type { FunctionDef } from './types.js';
import { checkArgs, defineFunction, intReader, strict } from './function-def.js';
import type { LogicalType } from '../types/index.js';

function hashOf(alg: string, v: unknown): string {
  return createHash(alg).update(typeof v === 'string' ? v : (v as Uint8Array)).digest('hex');
}

function hashFn(name: string, alg: string): FunctionDef {
  return defineFunction({
    name, signatures: [`${name}(<STRING>)`],
    bind: (site) => checkArgs(site, ['STRING_OR_BINARY']) ?? { type: withNullable(stringType(), site.argTypes[0]?.nullable === true), make: () => strict(1, (v) => hashOf(alg, v)) },
  });
}

const SHA2: Readonly<Record<number, string>> = { 224: 'sha224', 256: 'sha256', 384: 'sha384', 512: 'sha512', 0: 'sha256' };

/** Hash functions. */
export const hashFunctions: readonly FunctionDef[] = [
  hashFn('MD5', 'md5'), hashFn('SHA1', 'sha1'), hashFn('SHA224', 'sha224'), hashFn('SHA256', 'sha256'),
  hashFn('SHA384', 'sha384'), hashFn('SHA512', 'sha512'),
  defineFunction({
    name: 'SHA2', signatures: ['SHA2(<STRING>, <INTEGER> hashLength 224|256|384|512)'],
    bind: (site) => {
      const err = checkArgs(site, ['STRING_OR_BINARY', 'INTEGER']);
      if (err) return err;
      const r = intReader(site.argTypes[1] as LogicalType);
      return { type: withNullable(stringType(), true), make: () => strict(2, (v, n) => { const alg = SHA2[r(n)]; return alg === undefined ? null : hashOf(alg, v); }) };
    },
  }),
];
