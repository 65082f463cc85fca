export class UsageError extends Error {}

/**
 * Run an argument parser (node:util parseArgs) and turn its errors into UsageError, which `ana` prints with the
 * command's help and exit status 2.
 */
export function parsing<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
