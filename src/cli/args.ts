import { ENTITY_GUIDELINES, type EntityGuidelines } from '../types';

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

/** The value of a --guidelines option (undefined when absent). */
export function guidelinesArg(value: string | undefined): EntityGuidelines | undefined {
  if (value === undefined) return undefined;
  if (!(ENTITY_GUIDELINES as readonly string[]).includes(value)) throw new UsageError(`--guidelines takes ${ENTITY_GUIDELINES.join(' or ')}, not "${value}"`);
  return value as EntityGuidelines;
}
