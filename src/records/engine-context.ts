import type { ValidateFunction } from 'ajv'
import type { SchemaResolver } from '../core/documents.js'
import type { Db } from '../db/client.js'

/** What the engine needs from the app: the database and the registered schemas. */
export interface EngineContext {
  db: Db
  resolve: SchemaResolver
  /** The body validator of a registered schema, the same one request bodies are checked with. */
  bodyValidator(id: string): ValidateFunction
}
