import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** ../shared beside the project (or $ANA_SHARED). Tests that need it skip, saying why, when it is absent. */
export const SHARED = process.env.ANA_SHARED ?? resolve(__dirname, '..', '..', '..', 'shared');

export function sharedPath(...parts: string[]): string {
  return resolve(SHARED, ...parts);
}

/** `describe` when every named shared file exists, else `describe.skip` with a printed reason. */
export function describeWithShared(name: string, files: string[], fn: () => void): void {
  const missing = files.filter((f) => !existsSync(sharedPath(f)));
  if (missing.length) {
    // eslint-disable-next-line no-console
    console.log(`skipping "${name}": ${missing.map((f) => sharedPath(f)).join(', ')} not found`);
    describe.skip(name, fn);
  } else {
    describe(name, fn);
  }
}
