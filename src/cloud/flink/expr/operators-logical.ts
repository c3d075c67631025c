/** Logical operators with three-valued logic: AND, OR, NOT, IS [NOT] TRUE/FALSE/UNKNOWN. */
import { booleanType } from '../types/index.js';
import type { FunctionDef, ScalarFn } from './types.js';
import { anyNullable, checkArgs, defineFunction } from './function-def.js';

const and2: ScalarFn = (a, b) => (a === false || b === false ? false : a === null || b === null ? null : true);
const or2: ScalarFn = (a, b) => (a === true || b === true ? true : a === null || b === null ? null : false);

function andOr(name: 'AND' | 'OR'): FunctionDef {
  const isAnd = name === 'AND';
  return defineFunction({
    name, signatures: [`<BOOLEAN> ${name} <BOOLEAN>`],
    bind: (site) => {
      const err = checkArgs(site, ['BOOLEAN', 'BOOLEAN'], { rest: 'BOOLEAN' });
      if (err) return err;
      return {
        type: booleanType({ nullable: anyNullable(site) }),
        make: () => {
          if (site.argTypes.length === 2) return isAnd ? and2 : or2;
          const dominant = !isAnd;
          return (...xs) => {
            let sawNull = false;
            for (const x of xs) { if (x === dominant) return dominant; if (x === null) sawNull = true; }
            return sawNull ? null : !dominant;
          };
        },
      };
    },
  });
}

function truthTest(name: string, f: (x: unknown) => boolean): FunctionDef {
  return defineFunction({
    name, signatures: [`<BOOLEAN> ${name}`],
    bind: (site) => checkArgs(site, ['BOOLEAN']) ?? { type: booleanType({ nullable: false }), make: () => f },
  });
}

/** Logical operators. */
export const logicalFunctions: readonly FunctionDef[] = [
  andOr('AND'), andOr('OR'),
  defineFunction({
    name: 'NOT', signatures: ['NOT <BOOLEAN>'],
    bind: (site) => checkArgs(site, ['BOOLEAN']) ?? { type: booleanType({ nullable: anyNullable(site) }), make: () => (x) => (x === null ? null : !x) },
  }),
  truthTest('IS TRUE', (x) => x === true), truthTest('IS NOT TRUE', (x) => x !== true),
  truthTest('IS FALSE', (x) => x === false), truthTest('IS NOT FALSE', (x) => x !== false),
  truthTest('IS UNKNOWN', (x) => x === null), truthTest('IS NOT UNKNOWN', (x) => x !== null),
];
