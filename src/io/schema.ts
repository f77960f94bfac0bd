import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AnySchemaObject, ErrorObject, ValidateFunction } from 'ajv';
import { projectRoot } from '../paths.js';
import { didYouMean } from '../suggest.js';

/** The JSON Schemas linkage publishes in schemas/ and validates user files against. */
export type SchemaName = 'report-definition' | 'groups';

/** The first problem a schema finds: where (a JSON path such as `sections[2].indicator`) and what. */
export interface SchemaProblem {
  path: string;
  /** What is wrong and what was expected, in words (e.g. `must be a string, not a number`). */
  detail: string;
  /** The ajv keyword (`type`, `required`, `additionalProperties`, `propertyNames`, …). */
  keyword: string;
  /** When a key itself is refused (`propertyNames`): that key. */
  key?: string;
}

const compiled = new Map<SchemaName, ValidateFunction>();

/** The compiled validator; ajv loads on first use only (commands that read no definition never load it). */
function validator(name: SchemaName): ValidateFunction {
  const known = compiled.get(name);
  if (known !== undefined) return known;
  const require = createRequire(import.meta.url);
  const { default: Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false });
  const schema = JSON.parse(readFileSync(join(projectRoot(), 'schemas', `${name}.schema.json`), 'utf8')) as AnySchemaObject;
  const validate = ajv.compile(schema);
  compiled.set(name, validate);
  return validate;
}

/** Check `data` against a published schema: undefined when valid, else the first problem in document order. */
export function schemaProblem(name: SchemaName, data: unknown): SchemaProblem | undefined {
  const validate = validator(name);
  if (validate(data)) return undefined;
  // The branches of an anyOf each fail on their own; the anyOf error says it once.
  const errors = (validate.errors ?? []).filter((e) => !e.schemaPath.includes('/anyOf/'));
  // At one place, an unknown key says more than a missing one or "needs one of" (a misspelt "sample").
  const here = errors.filter((e) => e.instancePath === errors[0]?.instancePath);
  const first = here.find((e) => e.keyword === 'additionalProperties') ?? here.find((e) => e.keyword !== 'anyOf') ?? errors[0];
  return first === undefined ? { path: '(top level)', detail: 'does not match the schema', keyword: 'unknown' } : describe(first);
}

/** `/sections/2/indicator` → `sections[2].indicator`; the root is `(top level)`. */
export function jsonPath(pointer: string): string {
  if (pointer === '') return '(top level)';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(seg)) out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(short(seg))}]`;
  }
  return out;
}

function short(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** What a JSON value is, in words (`null`, `a number`, `an array`). */
function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  const t = typeof v;
  return t === 'object' ? 'an object' : t === 'number' && Number.isInteger(v) ? 'a whole number' : t === 'number' ? 'a number' : t === 'string' ? 'a string' : t === 'boolean' ? 'true or false' : t;
}

const TYPE_WORDS: Record<string, string> = { string: 'a string', array: 'an array', object: 'an object', integer: 'a whole number', number: 'a number', boolean: 'true or false' };

function describe(e: ErrorObject): SchemaProblem {
  const path = jsonPath(e.instancePath);
  const p = e.params as Record<string, unknown>;
  const parent = (e.parentSchema ?? {}) as { properties?: Record<string, unknown>; description?: string };
  const detail = ((): string => {
    switch (e.keyword) {
      case 'type':
        return `must be ${String(p.type).split(',').map((t) => TYPE_WORDS[t] ?? t).join(' or ')}, not ${kindOf(e.data)}`;
      case 'required':
        return `lacks the required key "${String(p.missingProperty)}"`;
      case 'additionalProperties': {
        const key = String(p.additionalProperty);
        const known = Object.keys(parent.properties ?? {}).filter((k) => k !== '$comment');
        const hint = didYouMean(key, known);
        return `has an unknown key "${short(key)}"${hint ? ` (${hint})` : ''}; known keys: ${known.join(', ')}`;
      }
      case 'anyOf':
        return `needs one of the keys ${(e.schema as { required: string[] }[]).map((s) => `"${s.required.join('')}"`).join(', ').replace(/, ([^,]*)$/, ' or $1')}`;
      case 'const':
        return `must be ${JSON.stringify(p.allowedValue)}, not ${kindOf(e.data)}`;
      case 'enum':
        return `must be one of ${(p.allowedValues as unknown[]).map(String).join(', ')}`;
      case 'minItems':
        return `must hold at least ${String(p.limit)} item(s)`;
      case 'minLength':
        return 'must not be empty';
      case 'minimum':
      case 'maximum':
        return `must be ${e.keyword === 'minimum' ? '≥' : '≤'} ${String(p.limit)}`;
      case 'pattern':
        return parent.description ?? `must match ${String(p.pattern)}`;
      default:
        return e.message ?? 'does not match the schema';
    }
  })();
  return { path, detail, keyword: e.keyword, ...(e.propertyName !== undefined ? { key: e.propertyName } : {}) };
}
