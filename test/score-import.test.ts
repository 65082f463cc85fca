import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { annotate } from '../src';
import { exportDocument } from '../src/export';
import { loadGold } from '../src/score/load';
import { Scorer } from '../src/score';

const SEED = readFileSync(resolve(__dirname, '../corpus/000_d696bc9f1b5d4abe.txt'), 'utf8');

/**
 * A researcher exports the pipeline's output, corrects it in brat or a TEI editor, and scores against it.
 * Uncorrected, the files must score the pipeline perfectly; with one entity deleted, recall drops by exactly one.
 */
describe('corrected annotations come back as gold (--gold-format brat|tei|json)', () => {
  const doc = annotate({ text: SEED, id: 'seed', meta: { published: '2021-01-10' } });
  const dir = mkdtempSync(join(tmpdir(), 'ana-score-import-'));
  const write = (format: 'brat' | 'tei') => {
    for (const f of exportDocument(doc, format).files) writeFileSync(join(dir, f.name), f.content);
  };
  write('brat');
  write('tei');
  writeFileSync(join(dir, 'seed.json'), JSON.stringify(doc));

  const score = (path: string, format: 'brat' | 'tei' | 'json') => {
    const s = new Scorer();
    for (const g of loadGold(path, format)) s.add(g, doc);
    return s.report();
  };

  test.each([
    ['brat', 'seed.ann'],
    ['tei', 'seed.tei.xml'],
    ['json', 'seed.json'],
  ] as const)('%s: the pipeline scores 1.0 against its own exported output', (format, file) => {
    const r = score(join(dir, file), format);
    expect(doc.entities.length).toBeGreaterThan(30);
    expect(r.entities!.micro).toMatchObject({ f1: 1, fn: 0, fp: 0, tp: doc.entities.length });
    expect(r.timex!.micro).toMatchObject({ f1: 1, tp: doc.timex.length });
    expect(r.quotes).toMatchObject({ f1: 1, tp: doc.quotes.filter((q) => q.kind === 'speech').length });
  });

  test('brat: an ORG deleted from the corrected file makes the system span spurious (one fp)', () => {
    const ann = readFileSync(join(dir, 'seed.ann'), 'utf8').split('\n');
    const firstOrg = ann.findIndex((l) => /^T\d+\tORG /.test(l));
    const edited = ann.filter((_, i) => i !== firstOrg).filter((l) => !l.includes(` ${ann[firstOrg].split('\t')[0]}`) || l.startsWith('T'));
    writeFileSync(join(dir, 'edited.ann'), edited.join('\n'));
    writeFileSync(join(dir, 'edited.txt'), readFileSync(join(dir, 'seed.txt')));
    const r = score(join(dir, 'edited.ann'), 'brat');
    expect(r.entities!.ORG).toMatchObject({ fp: 1, fn: 0 });
  });
});
