import { readFileSync } from 'node:fs';

/** One line of a `token tag [tag …]` file (ANERcorp, Wojood). */
export interface TokenTagLine {
  token: string;
  tags: string[];
}

/** Read a whitespace-separated `token tag…` file; blank lines are skipped. */
export function readTokenTagFile(path: string): TokenTagLine[] {
  const out: TokenTagLine[] = [];
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 2 || !parts[0]) continue;
    out.push({ token: parts[0], tags: parts.slice(1) });
  }
  return out;
}
