/** Pattern functions: LIKE, SIMILAR TO (and NOT forms), REGEXP, REGEXP_EXTRACT, REGEXP_REPLACE. */
import { booleanType, stringType, withNullable } from '../types/index.js';
import type { CallSite, FunctionDef, ScalarFn } from './types.js';
import { anyNullable, checkArgs, defineFunction, literalString, strict } from './function-def.js';
import { intArg } from './functions-string.js';
import { javaRegex } from './java-regex.js';
import { likeRegex, similarRegex } from './like-pattern.js';

function patternFn(name: string, compile: (p: string, e?: string) => RegExp, negate: boolean): FunctionDef {
  return defineFunction({
    name, signatures: [`<STRING> ${name} <STRING>`, `<STRING> ${name} <STRING> ESCAPE <STRING>`],
    bind: (site) => {
      const err = checkArgs(site, ['STRING', 'STRING', 'STRING'], { min: 2 });
      if (err) return err;
      const lit = literalString(site, 1);
      const esc = literalString(site, 2);
      const escFixed = site.argTypes.length === 2 || esc !== undefined;
      return {
        type: booleanType({ nullable: anyNullable(site) }),
        make: (): ScalarFn => {
          if (lit !== undefined && escFixed) {
            const re = compile(lit, esc);
            const prefix = fastPrefix(name, lit, site.argTypes.length);
            if (prefix !== undefined) return (s) => (s === null ? null : (s as string).startsWith(prefix) !== negate);
            return (s) => (s === null ? null : re.test(s as string) !== negate);
          }
          return strict(site.argTypes.length, (s, p, e) => compile(p as string, e as string | undefined).test(s as string) !== negate);
        },
      };
    },
  });
}

/** 'abc%' without other wildcards is a startsWith test. */
function fastPrefix(name: string, pattern: string, nargs: number): string | undefined {
  if (!name.endsWith('LIKE') || nargs !== 2) return undefined;
  const m = /^([^%_]*)%$/.exec(pattern);
  return m ? m[1] : undefined;
}

function regexArg(site: CallSite, i: number): (p: unknown) => RegExp | null {
  const lit = literalString(site, i);
  if (lit !== undefined) { const re = javaRegex(lit); return () => re; }
  return (p) => javaRegex(p as string);
}

function globalRegexArg(site: CallSite, i: number): (p: unknown) => RegExp | null {
  const lit = literalString(site, i);
  if (lit !== undefined) { const re = javaRegex(lit, 'g'); return () => re; }
  return (p) => javaRegex(p as string, 'g');
}

/** Pattern functions. */
export const regexFunctions: readonly FunctionDef[] = [
  patternFn('LIKE', likeRegex, false), patternFn('NOT LIKE', likeRegex, true),
  patternFn('SIMILAR TO', similarRegex, false), patternFn('NOT SIMILAR TO', similarRegex, true),
  defineFunction({
    name: 'REGEXP', signatures: ['REGEXP(<STRING>, <STRING> regex)'],
    bind: (site) => {
      const err = checkArgs(site, ['STRING', 'STRING']);
      if (err) return err;
      const rx = regexArg(site, 1);
      return { type: booleanType({ nullable: anyNullable(site) }), make: () => strict(2, (s, p) => { const re = (p as string) === '' ? null : rx(p); return re === null ? false : re.test(s as string); }) };
    },
  }),
  defineFunction({
    name: 'REGEXP_EXTRACT', signatures: ['REGEXP_EXTRACT(<STRING>, <STRING> regex)', 'REGEXP_EXTRACT(<STRING>, <STRING> regex, <INTEGER> group)'],
    bind: (site) => {
      const err = checkArgs(site, ['STRING', 'STRING', 'INTEGER'], { min: 2 });
      if (err) return err;
      const rx = regexArg(site, 1);
      const gi = intArg(site, 2);
      return {
        type: withNullable(stringType(), true),
        make: () => strict(site.argTypes.length, (s, p, g) => {
          const re = rx(p);
          if (re === null) return null;
          const m = re.exec(s as string);
          if (!m) return null;
          const idx = g === undefined ? 0 : gi(g);
          if (idx < 0 || idx >= m.length) return null;
          return m[idx] ?? null;
        }),
      };
    },
  }),
  defineFunction({
    name: 'REGEXP_REPLACE', signatures: ['REGEXP_REPLACE(<STRING>, <STRING> regex, <STRING> replacement)'],
    bind: (site) => {
      const err = checkArgs(site, ['STRING', 'STRING', 'STRING']);
      if (err) return err;
      const rx = globalRegexArg(site, 1);
      return {
        type: withNullable(stringType(), true),
        make: () => strict(3, (s, p, r) => {
          const re = rx(p);
          if (re === null) return null;
          // Flink quotes the replacement (Matcher.quoteReplacement): '$1' is literal text.
          return (s as string).replace(re, () => r as string);
        }),
      };
    },
  }),
];
