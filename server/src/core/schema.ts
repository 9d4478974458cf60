// The JSON Schema subset that settings and rule options are declared in, and the one validator that
// checks them for the command line, `.speechlintrc.json` and VS Code's settings alike. A bad field is
// reported (with a code and data, rendered by the message catalogue) and dropped; the rest applies.
import type { MessageData, Template } from './i18n/format';

export type SchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';

export interface SettingSchema {
  type?: SchemaType;
  enum?: readonly (string | number)[];
  default?: unknown;
  description?: Template;
  /** Descriptions of the enum values, in order. */
  enumDescriptions?: readonly Template[];
  /** Short names of the enum values, in order (what VS Code's settings editor shows instead of the values). */
  enumItemLabels?: readonly Template[];
  /** The description is Markdown (VS Code's `markdownDescription`). */
  markdown?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  items?: SettingSchema;
  uniqueItems?: boolean;
  properties?: Readonly<Record<string, SettingSchema>>;
  /** false (or absent): unknown keys are reported; a schema: every other key is checked against it. */
  additionalProperties?: boolean | SettingSchema;
  anyOf?: readonly SettingSchema[];
  /** Fields an object must have; without them it is dropped. */
  required?: readonly string[];
  /** What an unknown key of this object is, for the problem's message. */
  keyName?: 'field' | 'rule' | 'option';
}

export type SchemaProblemCode =
  | 'wrong-type'
  | 'not-one-of'
  | 'too-small'
  | 'too-large'
  | 'too-short'
  | 'duplicate'
  | 'unknown-field'
  | 'unknown-rule'
  | 'unknown-option'
  | 'missing';

export interface SchemaProblem {
  /** Dotted path of the field, e.g. `rules.heading-sequence.options.level3`. */
  field: string;
  code: SchemaProblemCode;
  data: MessageData;
  /** For an unknown key: the known key it most likely meant. */
  suggestion?: string;
}

const TYPE_ID: Record<SchemaType, string> = {
  string: 'settings/type.string',
  number: 'settings/type.number',
  integer: 'settings/type.integer',
  boolean: 'settings/type.boolean',
  array: 'settings/type.array',
  object: 'settings/type.object',
};

function typeOf(value: unknown): SchemaType | 'null' | 'other' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isFinite(value) ? (Number.isInteger(value) ? 'integer' : 'number') : 'other';
    case 'object':
      return 'object';
    default:
      return 'other';
  }
}

function accepts(type: SchemaType, value: unknown): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function join(field: string, key: string | number): string {
  if (typeof key === 'number') return `${field}[${key}]`;
  return field ? `${field}.${key}` : key;
}

function expectedTypes(schema: SettingSchema): SchemaType[] {
  if (schema.anyOf) return [...new Set(schema.anyOf.flatMap(expectedTypes))];
  return schema.type ? [schema.type] : [];
}

/** `"off"` for the messages' value lists. */
export function quoted(value: string | number): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** What `validate` returns for a value that must be dropped. */
export const DROPPED: unique symbol = Symbol('dropped');

/**
 * Checks `value` against `schema`. Problems go to `problems`; the result keeps what is valid: objects
 * and arrays keep their good parts, a bad scalar (or an object missing a required field) is DROPPED.
 * Object keys are looked up as own properties only, so `__proto__` or `hasOwnProperty` are unknown
 * keys like any other.
 */
export function validate(value: unknown, schema: SettingSchema, field: string, problems: SchemaProblem[]): unknown {
  if (schema.anyOf) {
    const candidates = schema.anyOf.filter((branch) => !branch.type || accepts(branch.type, value));
    if (candidates.length === 0) {
      problems.push({ field, code: 'wrong-type', data: { expected: expectedTypes(schema).map((t) => ({ id: TYPE_ID[t] })) } });
      return DROPPED;
    }
    let first: { problems: SchemaProblem[]; value: unknown } | undefined;
    for (const branch of candidates) {
      const own: SchemaProblem[] = [];
      const result = validate(value, branch, field, own);
      if (own.length === 0) return result;
      first ??= { problems: own, value: result };
    }
    problems.push(...first!.problems);
    return first!.value;
  }
  // An enum names its values, whatever the type of the wrong one.
  if (schema.enum && !schema.enum.includes(value as string | number)) {
    problems.push({ field, code: 'not-one-of', data: { values: schema.enum.map(quoted) } });
    return DROPPED;
  }
  if (schema.type && !accepts(schema.type, value)) {
    problems.push({ field, code: 'wrong-type', data: { expected: [{ id: TYPE_ID[schema.type] }] } });
    return DROPPED;
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) {
      problems.push({ field, code: 'too-small', data: { min: schema.minimum } });
      return DROPPED;
    }
    if (schema.maximum !== undefined && value > schema.maximum) {
      problems.push({ field, code: 'too-large', data: { max: schema.maximum } });
      return DROPPED;
    }
  }
  if (typeof value === 'string' && schema.minLength !== undefined && [...value].length < schema.minLength) {
    problems.push({ field, code: 'too-short', data: { min: schema.minLength } });
    return DROPPED;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < value.length; i++) {
      const at = join(field, i);
      const item: unknown = schema.items ? validate(value[i], schema.items, at, problems) : value[i];
      if (item === DROPPED) continue;
      if (schema.uniqueItems) {
        const key = JSON.stringify(item);
        if (seen.has(key)) {
          problems.push({ field: at, code: 'duplicate', data: {} });
          continue;
        }
        seen.add(key);
      }
      out.push(item);
    }
    return out;
  }
  if (typeOf(value) === 'object') {
    const input = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(input)) {
      const at = join(field, key);
      const known = schema.properties && Object.prototype.hasOwnProperty.call(schema.properties, key) ? schema.properties[key] : undefined;
      const itemSchema = known ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      if (!itemSchema) {
        const code = schema.keyName === 'rule' ? 'unknown-rule' : schema.keyName === 'option' ? 'unknown-option' : 'unknown-field';
        const suggestion = closest(key, Object.keys(schema.properties ?? {}));
        problems.push({ field: at, code, data: { name: key }, ...(suggestion ? { suggestion } : {}) });
        continue;
      }
      const checked = validate(input[key], itemSchema, at, problems);
      if (checked !== DROPPED) defineField(out, key, checked);
    }
    for (const key of schema.required ?? []) {
      if (!Object.prototype.hasOwnProperty.call(out, key)) {
        if (!Object.prototype.hasOwnProperty.call(input, key)) problems.push({ field: join(field, key), code: 'missing', data: { name: key } });
        return DROPPED;
      }
    }
    return out;
  }
  return value;
}

/** Sets a field without ever touching the prototype (a key may be `__proto__`). */
export function defineField(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Levenshtein distance (small strings only). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The closest known name, when the unknown one looks like a typo of it. */
export function closest(name: string, known: Iterable<string>): string | undefined {
  if (name.length > 64) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.min(3, Math.floor(name.length / 3))) ? best : undefined;
}
