// Types read off the generated `paths`, so every helper takes exactly the paths, queries and
// bodies the contract has — and a collection added to the contract is in the helpers at once.
import type { paths } from '../schema.js'

type Method = 'get' | 'post' | 'patch' | 'delete'

/** The operation of a path and method (`never` when the path has no such method). */
export type Op<P, M extends Method> = P extends keyof paths ? (paths[P] extends { [K in M]: infer O } ? O : never) : never

export type PathWith<M extends Method> = { [P in keyof paths]: paths[P] extends { [K in M]: object } ? P : never }[keyof paths]

type JsonContent<R> = R extends { content: { 'application/json': infer B } } ? B : never

/** The JSON body of a 200 or 201 answer. */
export type SuccessJson<O> = O extends { responses: infer R } ? JsonContent<R[Extract<keyof R, 200 | 201>]> : never

export type Params<O> = O extends { parameters: infer X } ? X : never
export type Query<O> = Params<O> extends { query?: infer Q } ? NonNullable<Q> : never

/** GET paths that are keyset lists: they take `cursor` and answer `{items, nextCursor}`. */
export type ListPath = {
  [P in PathWith<'get'>]: 'cursor' extends keyof Query<Op<P, 'get'>> ? (SuccessJson<Op<P, 'get'>> extends { items: unknown[] } ? P : never) : never
}[PathWith<'get'>]

export type ListItem<P extends ListPath> = SuccessJson<Op<P, 'get'>> extends { items: (infer I)[] } ? I : never
export type ListQuery<P extends ListPath> = Omit<Query<Op<P, 'get'>>, 'cursor'>

/** POST paths that take a JSON body: the collections. */
export type CreatePath = { [P in PathWith<'post'>]: CreateBody<P> extends never ? never : P }[PathWith<'post'>]
export type CreateBody<P> = Op<P, 'post'> extends { requestBody: { content: { 'application/json': infer B } } } ? B : never
export type Created<P> = SuccessJson<Op<P, 'post'>>

type RecordPath = { [P in keyof paths]: P extends `${string}/{id}` ? (paths[P] extends { get: object; patch: object } ? P : never) : never }[keyof paths]
type CollectionOf<P> = P extends `${infer C}/{id}` ? C : never

/** A collection whose records can be read and patched by id: `/v1/disputes`, … */
export type Collection = CollectionOf<RecordPath>
export type RecordOf<C extends Collection> = SuccessJson<Op<`${C}/{id}`, 'get'>>
export type PatchOf<C extends Collection> = Op<`${C}/{id}`, 'patch'> extends { requestBody: { content: { 'application/merge-patch+json': infer B } } } ? B : never

/** The parameters of a path's operation, without the headers the helpers set themselves. */
export type RequestParams<P, M extends Method> = Omit<Params<Op<P, M>>, 'header' | 'cookie'>

/** openapi-fetch's answer, seen without the path's generics (the helpers' own types are precise). */
export interface RawResult {
  data?: unknown
  error?: unknown
  response: Response
}
export type RawCall = (path: string, init?: Record<string, unknown>) => Promise<RawResult>
