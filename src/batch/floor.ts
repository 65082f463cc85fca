/**
 * The I/O floor of a corpus run, for the benchmark: everything `ana annotate --jsonl` does except the NLP, that is
 * read, decompress, parse (the same ingest code) and write one JSON line per article.
 * Usage: node dist/batch/floor.js INPUT.jsonl[.gz] > OUT
 */
import { readArticles } from '../ingest';

export async function ioFloor(path: string, out: NodeJS.WritableStream): Promise<{ articles: number; chars: number }> {
  let articles = 0;
  let chars = 0;
  for await (const r of readArticles(path, { jsonl: true })) {
    const line = 'article' in r ? JSON.stringify(r.article) : JSON.stringify({ error: r.error.message });
    if ('article' in r) {
      articles++;
      chars += r.article.text.length;
    }
    if (!out.write(line + '\n')) await new Promise((res) => out.once('drain', res));
  }
  return { articles, chars };
}

if (require.main === module) {
  ioFloor(process.argv[2] ?? '-', process.stdout).then(
    ({ articles, chars }) => process.stderr.write(`floor: ${articles} articles, ${chars} characters\n`),
    (e) => {
      process.stderr.write(`floor: ${(e as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
