import { Type, type TObject, type TProperties, type TSchema, type Static } from 'typebox'
import { describeTransitions, type Transitions } from './lifecycle.js'

// Shared building blocks of the API schemas. Every component carries an $id so @fastify/swagger
// names it in the OpenAPI document and ajv/fast-json-stringify resolve `$ref`s to it.

export const Uuid = (options: object = {}) =>
  Type.String({ format: 'uuid', examples: ['3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f4a60'], ...options })

/** A UUID filter: no example, since Swagger UI's "Try it out" would send it and find nothing. */
export const UuidFilter = (description: string) => Type.String({ format: 'uuid', description })

export const DateTime = (options: object = {}) =>
  Type.String({ format: 'date-time', description: 'RFC 3339 date-time; answered in UTC with milliseconds.', ...options })

/** A calendar date (`YYYY-MM-DD`), reckoned in China Standard Time where it matters. */
export const Day = (options: object = {}) => Type.String({ format: 'date', description: 'A date, YYYY-MM-DD.', ...options })

/** Bounded text: every string the API takes has a maximum length. */
export const Text = (maxLength: number, options: object = {}) => Type.String({ minLength: 1, maxLength, ...options })

/** An optional field that a merge patch may clear with null. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

/** `value` 标签 · `value` 标签: the Chinese labels of an enum, for descriptions. */
export function enumLegend(values: readonly string[], labels: Partial<Record<string, string>>): string {
  return values.map((v) => (labels[v] ? `\`${v}\` ${labels[v]}` : `\`${v}\``)).join(' · ')
}

/** An English snake_case enum whose Chinese labels are written into its description. */
export function StringEnum<const V extends readonly string[]>(
  values: V,
  labels: Partial<Record<V[number], string>>,
  options: { description?: string; default?: V[number] } = {},
) {
  const legend = enumLegend(values, labels)
  return Type.Unsafe<V[number]>({
    type: 'string',
    enum: [...values],
    ...options,
    description: options.description ? `${options.description}: ${legend}` : legend,
  })
}

/**
 * A status enum whose description states its transitions, written from the graph the service
 * enforces (`more` adds what each status needs).
 */
export function StatusEnum<const V extends readonly string[]>(
  values: V,
  labels: Partial<Record<V[number], string>>,
  transitions: Transitions<V[number]>,
  more?: string,
) {
  return StringEnum(values, labels, { description: `状态 status. Transitions: ${describeTransitions(transitions)}${more ? `. ${more}` : ''}` })
}

/** A reference to a named component (`$ref` in the document), typed as the component itself. */
export const Ref = <T extends TSchema>(schema: T) => Type.Unsafe<Static<T>>(Type.Ref(idOf(schema)))

/** Marks a string as personal data: masked for keys without `pii:read`, never logged. */
export const Personal = (kind: 'phone' | 'id-number', schema: TSchema) => ({ ...schema, 'x-pii': kind }) as typeof schema

export const Phone = () =>
  Personal('phone', Type.String({ pattern: '^[0-9+\\-() *]{3,32}$', maxLength: 32, description: '电话号码 (personal data): answered masked (138****5678) to keys without `pii:read`; a masked value sent back is refused (400), so it never overwrites the real one', examples: ['13800135678'] }))

export const IdNumber = () =>
  Personal(
    'id-number',
    Type.String({ pattern: '^[0-9A-Za-z*]{6,32}$', maxLength: 32, description: '身份证号码或统一社会信用代码 (personal data): answered masked (150826********1234) to keys without `pii:read`; a masked value sent back is refused (400)', examples: ['150826198805121234'] }),
  )

export const FieldErrorSchema = Type.Object(
  {
    in: StringEnum(['body', 'query', 'path', 'header'], { body: '请求体', query: '查询参数', path: '路径参数', header: '请求头' }, { description: 'Where the value is' }),
    pointer: Type.String({ description: 'JSON Pointer (RFC 6901) to the offending value' }),
    message: Type.String(),
  },
  {
    $id: 'FieldError',
    additionalProperties: false,
    description: 'One invalid value of a request.',
    examples: [{ in: 'body', pointer: '/parties/0/name', message: 'must NOT have fewer than 1 characters' }],
  },
)

export const ImportRowErrorSchema = Type.Object(
  {
    row: Type.Integer({ minimum: 1, description: 'The spreadsheet’s own row number (the header is row 1).' }),
    column: Type.String({ description: 'The column’s header as the file has it (or its letter); empty for an error of the whole row.' }),
    field: Type.String({ description: 'The record field it fills (`parties`, `resolution.method`); empty for the whole row.' }),
    message: Type.String(),
    rule: Type.Optional(Type.String({ description: 'The business rule the row breaks (`resolution-required`, `grid-unit-exists`).' })),
  },
  {
    $id: 'ImportRowError',
    additionalProperties: false,
    description: 'One bad cell or row of an imported spreadsheet.',
    examples: [{ row: 7, column: '化解时间', field: 'resolution.resolvedAt', message: '2025-02-30 不是有效日期' }],
  },
)

export const RuleViolationSchema = Type.Object(
  {
    rule: Type.String({ description: 'Stable id of the rule', examples: ['min-two-certified-officers'] }),
    message: Type.String(),
    pointer: Type.Optional(
      Type.String({
        description: 'The field the rule is about, as a JSON Pointer into the record (`/resolution/resolvedAt`), when it is about one; an import names its column from it.',
        examples: ['/officers'],
      }),
    ),
  },
  {
    $id: 'RuleViolation',
    additionalProperties: false,
    description: 'One broken business rule or status transition.',
    examples: [{ rule: 'min-two-certified-officers', pointer: '/officers', message: 'a case in investigating needs at least two officers with distinct certificate numbers' }],
  },
)

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ format: 'uri', examples: ['https://fazhi-api.example.gov.cn/problems/validation-error'] }),
    title: Type.String(),
    status: Type.Integer({ minimum: 400, maximum: 599 }),
    detail: Type.String(),
    instance: Type.String({ description: 'The request path' }),
    requestId: Type.String(),
    errors: Type.Optional(
      Type.Array(Type.Union([Type.Ref('FieldError'), Type.Ref('ImportRowError')]), {
        description: 'Every invalid value (`FieldError`); for an import (`import-rejected`, or a dry run), every bad row (`ImportRowError`).',
      }),
    ),
    violations: Type.Optional(Type.Array(Type.Ref('RuleViolation'))),
  },
  {
    $id: 'Problem',
    additionalProperties: false,
    description: 'RFC 9457 problem details. `errors` lists every invalid value; `violations` every broken business rule.',
    examples: [
      {
        type: 'https://fazhi-api.example.gov.cn/problems/validation-error',
        title: '请求参数不合法 Request is not valid',
        status: 400,
        detail: '/stauts: is not a known field',
        instance: '/v1/disputes',
        requestId: 'req-7f3a',
        errors: [{ in: 'body', pointer: '/stauts', message: 'is not a known field' }],
      },
    ],
  },
)

export const sharedSchemas: TSchema[] = [FieldErrorSchema, ImportRowErrorSchema, RuleViolationSchema, ProblemSchema]

export const IdParams = Type.Object({ id: Uuid({ description: 'Record id (UUID)' }) }, { additionalProperties: false })
export type IdParams = Static<typeof IdParams>

export const DateOrDateTime = (description: string) =>
  Type.Union([Type.String({ format: 'date' }), Type.String({ format: 'date-time' })], {
    description: `${description} A plain date (YYYY-MM-DD) means that whole day in China Standard Time (UTC+8); both ends are inclusive.`,
  })

/** Query parameters every list shares; each resource adds its own filters and sort fields. */
export function listQueryProperties<const S extends readonly string[]>(sortFields: S, defaultSort: string) {
  const sorts = sortFields.flatMap((f) => [f, `-${f}`])
  return {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Page size, 1..100.' })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512, description: 'Opaque cursor: the `nextCursor` of the previous page, used with the same `sort`.' })),
    sort: Type.Optional(Type.Unsafe<string>({
      type: 'string',
      enum: sorts,
      default: defaultSort,
      description: `Sort field; a leading \`-\` sorts descending. Ties are broken by id. Default \`${defaultSort}\`.`,
    })),
    gridUnitId: Type.Optional(UuidFilter('Only records of this grid unit and every unit below it.')),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Case-insensitive substring search over the text fields (Chinese included).' })),
    updatedSince: Type.Optional(DateTime({ description: 'Only records changed after this instant.' })),
  }
}

/** A list's query: the parameters every list shares, then the resource's own filters; closed to others. */
export function ListQuery<const F extends TProperties>(sortFields: readonly string[], defaultSort: string, filters: F) {
  return Type.Object({ ...listQueryProperties(sortFields, defaultSort), ...filters }, { additionalProperties: false })
}
export type CommonListQuery = Static<TObject<ReturnType<typeof listQueryProperties>>>

/** An enum filter that may repeat (`status=reported&status=mediating`); its labels go into the description. */
export const RepeatableEnum = <const V extends readonly string[]>(values: V, description: string, labels: Partial<Record<V[number], string>> = {}) =>
  Type.Optional(
    Type.Array(Type.Unsafe<V[number]>({ type: 'string', enum: [...values] }), {
      minItems: 1,
      maxItems: values.length,
      description: Object.keys(labels).length > 0 ? `${description}: ${enumLegend(values, labels)}` : description,
    }),
  )

/**
 * A stored record's schema: identity, version (its ETag) and times, then the resource's own fields;
 * closed to anything else.
 */
export function RecordOf<P extends TProperties>(id: string, properties: P, options: { description: string; example: unknown }) {
  return Type.Object(
    { id: Uuid(), version: Type.Integer({ minimum: 1 }), createdAt: DateTime(), updatedAt: DateTime(), ...properties },
    { $id: id, additionalProperties: false, description: options.description, examples: [options.example] },
  )
}

export function ListOf(itemRef: string, id: string, example?: unknown) {
  return Type.Object(
    {
      items: Type.Array(Type.Ref(itemRef)),
      nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Cursor of the next page; null on the last page.' }),
    },
    {
      $id: id,
      additionalProperties: false,
      description: `One page of \`${itemRef}\` records, in the requested order, and the cursor of the next page.`,
      ...(example ? { examples: [{ items: [example], nextCursor: null }] } : {}),
    },
  )
}

/** The $id a component schema was declared with. */
export function idOf(schema: TSchema): string {
  const id = (schema as { $id?: unknown }).$id
  if (typeof id !== 'string') throw new Error('schema has no $id')
  return id
}
