/** The table of built-in functions, by name. */
import { collectionFunctions } from './collection-functions.js';
import { datetimeFunctions } from './datetime-functions.js';
import { encodingFunctions } from './encoding-functions.js';
import { filesystemFunctions } from './filesystem-functions.js';
import { formatFunctions } from './format-function.js';
import type { FunctionDef } from './function-def.js';
import { hashFunctions } from './hash-functions.js';
import { numericFunctions } from './numeric-functions.js';
import { regexFunctions } from './regex-functions.js';
import { setFunctions } from './set-functions.js';
import { stringFunctions } from './string-functions.js';
import { typeFunctions } from './type-functions.js';

const ALL: readonly FunctionDef[] = [
  ...stringFunctions, ...formatFunctions, ...regexFunctions, ...collectionFunctions, ...setFunctions,
  ...numericFunctions, ...encodingFunctions, ...hashFunctions, ...filesystemFunctions, ...typeFunctions,
  ...datetimeFunctions,
];

const BY_NAME: ReadonlyMap<string, FunctionDef> = new Map(ALL.map((f) => [f.name, f]));

/** Finds a built-in function by name. */
export function lookupFunction(name: string): FunctionDef | undefined {
  return BY_NAME.get(name);
}

/** All built-in function names, sorted. */
export function functionNames(): string[] {
  return [...BY_NAME.keys()].sort();
}

/** Name, arity and variadic-ness of every built-in, sorted by name. */
export function listFunctions(): { readonly name: string; readonly params: readonly string[]; readonly variadic?: string; readonly special: boolean }[] {
  return functionNames().map((n) => {
    const f = BY_NAME.get(n);
    const params = f?.params.map((p) => p.name) ?? [];
    return f?.variadic ? { name: n, params, variadic: f.variadic.name, special: f.special === true } : { name: n, params, special: f?.special === true };
  });
}
