import { createHash } from 'node:crypto';

/** The sha256 (hex) of a value's JSON: how a record kept between runs is checked against its content. */
export function jsonSum(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}
