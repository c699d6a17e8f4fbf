/** A plain object, as parsed JSON or YAML gives it: the check before reading its keys. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
