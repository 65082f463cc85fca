import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Value of a `--name value` command-line argument. */
export function argValue(name: string, argv: string[] = process.argv): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** The ../shared folder beside the project (or --shared / ANA_SHARED), where the data sets live. */
export function sharedDir(): string {
  const dir = resolve(argValue('--shared') ?? process.env.ANA_SHARED ?? resolve(__dirname, '..', '..', '..', 'shared'));
  if (!existsSync(dir)) throw new Error(`shared data folder not found: ${dir} (pass --shared DIR)`);
  return dir;
}
