import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { sharedPath } from './shared';

export interface NewsArticle {
  id: string;
  text: string;
  title?: string;
  published?: string;
}

/** The first `n` articles of the news corpus (../shared/data/news/ant-news.jsonl.gz). */
export async function firstNewsArticles(n: number): Promise<NewsArticle[]> {
  const out: NewsArticle[] = [];
  const rl = createInterface({ input: createReadStream(sharedPath('data/news/ant-news.jsonl.gz')).pipe(createGunzip()) });
  for await (const line of rl) {
    if (!line.trim()) continue;
    out.push(JSON.parse(line) as NewsArticle);
    if (out.length >= n) {
      rl.close();
      break;
    }
  }
  return out;
}
