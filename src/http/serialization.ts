import { SerializerSelector, type SerializerFactory } from '@fastify/fast-json-stringify-compiler'

/**
 * Fastify compiles a serializer for every route, status and media type, and most of them are the
 * same schema: every route's problem answers are `{ $ref: 'Problem' }`, a collection's routes answer
 * the same record. Each compiled serializer keeps its own resolver over all the shared schemas
 * (about 20 KB), so a thousand copies held 22 MiB of the service's heap. One per distinct schema.
 */
export function sharedSerializers(): SerializerFactory {
  const buildCompiler = SerializerSelector()
  return (externalSchemas, options) => {
    const compile = buildCompiler(externalSchemas, options)
    const compiled = new Map<string, ReturnType<typeof compile>>()
    return (route) => {
      const key = JSON.stringify(route.schema)
      let serializer = compiled.get(key)
      if (!serializer) {
        serializer = compile(route)
        compiled.set(key, serializer)
      }
      return serializer
    }
  }
}
