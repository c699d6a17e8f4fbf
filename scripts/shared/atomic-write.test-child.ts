// A process in the middle of an atomic write, for atomic-write.test.ts: it prints the temporary file's name once
// that file exists, then keeps the write from finishing (the one thread-pool thread is busy), waiting to be killed.
import { pbkdf2 } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';

const target = process.argv[2]!;
void writeFileAtomic(target, Buffer.alloc(64 * 1024 * 1024, 0x61));
const wait = () => {
  const temp = readdirSync(dirname(target)).find((name) => name.endsWith('.tmp'));
  if (!temp) return setImmediate(wait);
  pbkdf2('x', 'y', 50_000_000, 32, 'sha256', () => undefined);
  process.stdout.write(`${temp}\n`);
};
wait();
// Never outlive a test that failed before killing it.
setTimeout(() => process.exit(3), 30_000);
