/**
 * Rebuilds models/wordvecs.txt, the dense-vector word classes of the entity tagger (see scripts/lib/ner-vectors.ts):
 * truncated SVD of a PPMI matrix over ../shared/data/news/ant-news.jsonl.gz, leaving out the articles of the news
 * dev gold, then nested spherical k-means. One "word<TAB>c1,c2,c3" line per word (class ids in base 36).
 *   npx tsx scripts/build-wordvecs.ts [--vocab 60000] [--contexts 1500] [--dim 64] [--ks 64,8,4] [--out PATH]
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildVectorClasses } from './lib/ner-vectors';
import { argValue } from './lib/shared';

const root = resolve(__dirname, '..');
const shared = resolve(root, '../shared');
const goldDir = join(shared, 'data/news-gold');
const exclude = new Set(readdirSync(goldDir).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, '')));
const out = argValue('--out') ?? join(root, 'models/wordvecs.txt');
const classes = buildVectorClasses(join(shared, 'data/news/ant-news.jsonl.gz'), {
  vocab: Number(argValue('--vocab') ?? 60000),
  contexts: Number(argValue('--contexts') ?? 1500),
  dim: Number(argValue('--dim') ?? 64),
  ks: (argValue('--ks') ?? '64,8,4').split(',').map(Number),
  exclude,
  log: (s) => console.log(s),
});
writeFileSync(out, [...classes].map(([w, c]) => `${w}\t${c}`).join('\n') + '\n');
console.log(`wrote ${classes.size} words -> ${out}`);
