import type { ValidateFunction } from 'ajv'
import type { SchemaResolver } from '../core/documents.js'
import type { Db, Executor } from '../db/client.js'

/** What the engine needs from the app: the database and the registered schemas. */
export interface EngineContext {
  db: Db
  resolve: SchemaResolver
  /** The body validator of a registered schema, the same one request bodies are checked with. */
  bodyValidator(id: string): ValidateFunction
  /** The computations snapshot fields name (`Snapshot.source`), given the document of the record. */
  snapshotSources: Record<string, (ex: Executor, doc: Record<string, unknown>) => Promise<unknown>>
}
