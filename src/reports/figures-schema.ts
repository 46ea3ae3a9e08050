import { Type, type TInteger, type TObject } from 'typebox'

// Building blocks of the statistics schema: counts, rates and maps that list every enum value.

export const Count = (description: string) => Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description })

export const Rate = (description: string) =>
  Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], { description: `${description} A fraction 0..1; null when there is nothing to divide.` })

/** One count per enum value, zeros included, so a caller never has to guess a missing key. */
export function CountMap<const V extends readonly string[]>(values: V, labels: Partial<Record<V[number], string>>, description: string) {
  const properties = Object.fromEntries(values.map((v) => [v, Count(labels[v as V[number]] ?? v)])) as Record<V[number], TInteger>
  return Type.Object(properties, { additionalProperties: false, description: `${description}; every value is listed, zeros included.` }) as TObject<
    Record<V[number], TInteger>
  >
}
