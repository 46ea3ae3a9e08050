// The one catalog of errors (RFC 9457 problem details). Services throw ProblemError; the error
// handler in http/error-handler.ts turns it, and everything else, into application/problem+json.

export const PROBLEM_BASE = 'https://fazhi-api.example.gov.cn/problems/'

export const problemCatalog = {
  'validation-error': { status: 400, title: '请求参数不合法 Request is not valid' },
  unauthorized: { status: 401, title: '未认证 Missing or invalid API key' },
  forbidden: { status: 403, title: '无权操作 Not allowed for this API key' },
  'not-found': { status: 404, title: '记录不存在 Not found' },
  conflict: { status: 409, title: '唯一值冲突 Unique value already taken' },
  'rule-violation': { status: 409, title: '违反业务规则 Business rule violated' },
  'not-acceptable': { status: 406, title: '无法提供所请求的格式 Not acceptable' },
  'precondition-failed': { status: 412, title: '版本已变化 Precondition failed' },
  'payload-too-large': { status: 413, title: '请求体过大 Payload too large' },
  'unsupported-media-type': { status: 415, title: '不支持的内容类型 Unsupported media type' },
  'idempotency-key-reused': { status: 422, title: '幂等键已用于不同请求 Idempotency key reused' },
  'import-rejected': { status: 422, title: '导入数据有误 Import rejected' },
  'rate-limited': { status: 429, title: '请求过于频繁 Too many requests' },
  'internal-error': { status: 500, title: '内部错误 Internal error' },
  'service-unavailable': { status: 503, title: '服务暂不可用 Service unavailable' },
} as const

export type ProblemSlug = keyof typeof problemCatalog

export interface FieldError {
  in: 'body' | 'query' | 'path' | 'header'
  pointer: string
  message: string
}

/** A bad cell or row of a spreadsheet import: the sheet's row number, its column header, the field. */
export interface RowError {
  row: number
  column: string
  field: string
  message: string
  rule?: string
}

export interface RuleViolation {
  rule: string
  message: string
  /** The field the rule is about, as a JSON Pointer into the record, when it is about one. */
  pointer?: string
}

export interface ProblemExtras {
  /** What was invalid: values of the request, or rows of an imported sheet. */
  errors?: (FieldError | RowError)[]
  violations?: RuleViolation[]
  headers?: Record<string, string>
}

export class ProblemError extends Error {
  readonly status: number
  constructor(
    readonly slug: ProblemSlug,
    readonly detail: string,
    readonly extras: ProblemExtras = {},
  ) {
    super(detail)
    this.name = 'ProblemError'
    this.status = problemCatalog[slug].status
  }
}

export const problem = (slug: ProblemSlug, detail: string, extras?: ProblemExtras) =>
  new ProblemError(slug, detail, extras)

export const invalid = (errors: FieldError[], detail = errors.map((e) => `${e.pointer || '/'}: ${e.message}`).join('; ')) =>
  new ProblemError('validation-error', detail, { errors })

export const ruleViolation = (violations: RuleViolation[]) =>
  new ProblemError('rule-violation', violations.map((v) => `${v.rule}: ${v.message}`).join('; '), { violations })

export const notFound = (what: string, id: string) => new ProblemError('not-found', `${what} ${id} does not exist`)
