import fc from 'fast-check';

/** The part of JSON Schema (as @hono/zod-openapi writes it) that the generators read. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

export type Resolve = (ref: string) => JsonSchema;

const DAY = 86_400_000;
const isoInstant = fc.integer({ min: -400, max: 400 }).map((days) => new Date(Date.now() + days * DAY).toISOString());
const isoDate = isoInstant.map((instant) => instant.slice(0, 10));
const WORDS = ['读书会', '3-201', 'library', 'hub', 'association'];
const text = (minLength: number, maxLength: number) => {
  const words = WORDS.filter((s) => s.length >= minLength && s.length <= maxLength);
  return fc.oneof(
    fc.string({ minLength, maxLength }),
    fc.string({ minLength, maxLength, unit: 'grapheme' }),
    ...(words.length > 0 ? [fc.constantFrom(...words)] : []),
  );
};

function matching(pattern: string): fc.Arbitrary<string> | null {
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return null;
  }
}

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  return [];
}

/** A value the schema accepts (as far as JSON Schema says; zod refinements may still refuse it). */
export function valid(schema: JsonSchema | undefined, resolve: Resolve, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 8) return fc.constant(null);
  if (schema.$ref) return valid(resolve(schema.$ref), resolve, depth + 1);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => valid(s, resolve, depth + 1)));
  if (schema.allOf) {
    return fc.tuple(...schema.allOf.map((s) => valid(s, resolve, depth + 1))).map((parts) => Object.assign({}, ...parts));
  }
  const types = typesOf(schema);
  const nonNull = types.filter((t) => t !== 'null');
  const value = nonNull.length === 0 ? fc.constant(null) : fc.oneof(...nonNull.map((t) => validOfType(t, schema, resolve, depth)));
  return types.includes('null') ? fc.oneof(value, fc.constant(null)) : value;
}

function validOfType(type: string, schema: JsonSchema, resolve: Resolve, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'object': {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const fields = Object.fromEntries(Object.entries(properties).map(([key, s]) => [key, valid(s, resolve, depth + 1)]));
      const requiredKeys = Object.keys(properties).filter((key) => required.has(key));
      return fc.record(fields, { requiredKeys });
    }
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 3, 3));
      return fc.array(valid(schema.items, resolve, depth + 1), { minLength, maxLength });
    }
    case 'integer': {
      const min = Math.max(schema.minimum ?? (schema.exclusiveMinimum ?? -1_000_001) + 1, -1_000_000_000);
      const max = Math.min(schema.maximum ?? (schema.exclusiveMaximum ?? 1_000_000_001) - 1, 1_000_000_000);
      const small = fc.integer({ min: Math.max(min, 1), max: Math.max(Math.min(max, 4), Math.max(min, 1)) });
      return min <= max ? fc.oneof(small, fc.integer({ min, max })) : fc.constant(min);
    }
    case 'number': {
      const min = schema.minimum ?? schema.exclusiveMinimum ?? -1e6;
      const max = schema.maximum ?? schema.exclusiveMaximum ?? 1e6;
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    default: {
      if (schema.format === 'date-time') return isoInstant;
      if (schema.format === 'date') return isoDate;
      const fromPattern = schema.pattern ? matching(schema.pattern) : null;
      const minLength = schema.minLength ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 40));
      // Cut to length rather than filter: a filter that nothing passes never ends.
      return fromPattern ? fromPattern.map((s) => s.slice(0, schema.maxLength ?? s.length)) : text(minLength, maxLength);
    }
  }
}

const MEGABYTE = 1 << 20;

/** Values that break assumptions: huge, empty, odd unicode, markup, SQL, and numbers no column holds. */
export const hostileString = fc.constantFrom(
  'x'.repeat(MEGABYTE),
  '互'.repeat(MEGABYTE / 3),
  '',
  ' ',
  '\u0000',
  '\uD800',
  '\u202Eevil',
  '💥'.repeat(2000),
  "'; DROP TABLE members; --",
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '%00',
  '9'.repeat(400),
  '1e400',
  'NaN',
  '2026-02-30',
  '2026-13-01T25:61:00Z',
  '0000-00-00',
  '-1',
);

export const hostileNumber = fc.constantFrom(
  0,
  -1,
  1.5,
  -0,
  1e308,
  -1e308,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  2 ** 63,
  Number.MIN_VALUE,
  2147483648,
);

/** An array nested `depth` deep, e.g. `[[[[]]]]`. */
export const deepNesting = (depth: number) => {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

/** Something of the wrong kind for any schema. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.constant(deepNesting(200)),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A valid object with one field replaced by a wrong value, or left out though required. */
export function brokenObject(schema: JsonSchema, resolve: Resolve): fc.Arbitrary<unknown> {
  const resolved = schema.$ref ? resolve(schema.$ref) : schema;
  const keys = Object.keys(resolved.properties ?? {});
  const base = valid(resolved, resolve);
  if (keys.length === 0)
    return fc.oneof(
      wrongValue,
      base.map((value) => ({ value, unexpected: 'x'.repeat(MEGABYTE) })),
    );
  return fc.tuple(base, fc.constantFrom(...keys), wrongValue, fc.boolean()).map(([value, key, wrong, drop]) => {
    const copy: Record<string, unknown> = typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : {};
    if (drop) delete copy[key];
    else copy[key] = wrong;
    return copy;
  });
}
