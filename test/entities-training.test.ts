import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mapTag, readAnercorp, readWojood, toTrainingDocs } from '../scripts/lib/ner-data';
import { defaultGazetteer, defaultModel, viewTokens } from '../src/recognise/entities';
import { extractFeatures, lookups, MAX_FEATURES, type Clusters } from '../src/recognise/entities/features';
import { compileGazetteer, matchAt } from '../src/recognise/entities/gazetteer';
import { TAGS } from '../src/recognise/entities/model';

describe('training data readers', () => {
  test('Wojood and ANERcorp types map onto PER/ORG/LOC; other types are dropped', () => {
    expect(['B-PERS', 'I-ORG', 'B-GPE', 'I-LOC', 'B-FAC', 'B-OCC', 'I-DATE', 'B-MISC', 'O'].map(mapTag)).toEqual(['B-PER', 'I-ORG', 'B-LOC', 'I-LOC', 'B-LOC', undefined, undefined, undefined, undefined]);
  });

  test('Wojood: the first mapped layer wins (an ORG inside an OCC phrase), $#$ markers are skipped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ana-ner-'));
    const file = join(dir, 'w.txt');
    writeFileSync(file, ['سكرتير B-OCC', 'اللجنة I-OCC B-ORG', 'القومية I-OCC I-ORG', 'في O', 'نابلس B-GPE', '$#$ O', '', 'مجلس B-ORG', 'الأمن I-ORG', 'ضد I-ORG', 'الأسد I-ORG B-PERS', ''].join('\n'));
    const sents = readWojood(file);
    expect(sents).toHaveLength(2);
    expect(sents[0]).toEqual({ tokens: ['سكرتير', 'اللجنة', 'القومية', 'في', 'نابلس'], tags: ['O', 'B-ORG', 'I-ORG', 'O', 'B-LOC'] });
    expect(sents[1].tags).toEqual(['B-ORG', 'I-ORG', 'I-ORG', 'I-ORG']);
  });

  test('ANERcorp: sentences end after «.»; gold tags are projected onto the pipeline tokens, proclitics included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ana-ner-'));
    const file = join(dir, 'a.txt');
    writeFileSync(file, ['فرانكفورت B-LOC', '(د O', 'ب O', 'أ) O', 'أعلن O', 'اتحاد B-ORG', 'صناعة I-ORG', 'السيارات I-ORG', 'في O', 'ألمانيا B-LOC', '. O', 'وقال O', 'جورج B-PERS', 'بوش I-PERS', '. O'].join('\n'));
    const sents = readAnercorp(file);
    expect(sents.map((s) => s.tokens.length)).toEqual([11, 4]);
    const [{ doc, gold }] = toTrainingDocs(sents);
    const tagged = doc.tokens.map((t) => `${t.text}/${TAGS[gold[t.index]]}`);
    // «(د» and «أ)» are split by the tokeniser: the brackets take the gold token's tag (O)
    expect(tagged.slice(0, 5)).toEqual(['فرانكفورت/B-LOC', '(/O', 'د/O', 'ب/O', 'أ/O']);
    expect(tagged).toEqual(expect.arrayContaining(['اتحاد/B-ORG', 'صناعة/I-ORG', 'السيارات/I-ORG', 'ألمانيا/B-LOC', 'جورج/B-PER', 'بوش/I-PER']));
  });
});

describe('the compiled gazetteer', () => {
  const g = defaultGazetteer();
  test('holds the project lists with canonical Latin names, keyed by folded forms', () => {
    expect(g.byKey.get('ابل')?.[0]).toMatchObject({ type: 'ORG', hand: true, latin: 'Apple' });
    expect(g.byKey.get('parler')?.[0]).toMatchObject({ type: 'ORG', hand: true, latin: 'Parler' });
    expect(g.byKey.get('المملكه المتحده')?.[0]).toMatchObject({ type: 'LOC', latin: 'United Kingdom' });
  });
  test('holds ANERGazet names (as keys only) and the trigger roles', () => {
    const anerOnly = [...g.byKey.values()].filter((es) => es.every((e) => !e.hand)).length;
    expect(anerOnly).toBeGreaterThan(3000);
    for (const role of ['org-head', 'org-head-short', 'per-title', 'org-inside', 'loc-head']) expect(g.triggers.get(role)?.size).toBeGreaterThan(3);
    expect(g.triggers.get('per-title')?.has('الرييس التنفيذي')).toBe(true);
  });
});

describe('gazetteer matching', () => {
  test('a long entry is found through its word prefixes, and matching stops where no entry goes on', () => {
    const g = compileGazetteer({ entries: 'ORG\th\tالاتحاد الدولي لكره القدم\tFIFA\nORG\th\tالاتحاد الاوروبي\tEU', triggers: {} });
    expect([...g.prefixes].sort()).toEqual(['الاتحاد الدولي', 'الاتحاد الدولي لكره']);
    const [{ doc }] = toTrainingDocs([{ tokens: ['قرر', 'الاتحاد', 'الدولي', 'لكرة', 'القدم', 'أمس'], tags: ['O', 'O', 'O', 'O', 'O', 'O'] }]);
    const views = viewTokens(doc.tokens);
    expect(matchAt(g, doc.tokens, views, 1, doc.tokens.length)).toMatchObject({ from: 1, to: 5, key: 'الاتحاد الدولي لكره القدم' });
    expect(matchAt(g, doc.tokens, views, 2, doc.tokens.length)).toBeUndefined();
  });
});

describe('dense word-vector classes (models/wordvecs.txt, 4th part of a cluster entry)', () => {
  test('add three features for the word and one for each neighbour; the shipped model carries them', () => {
    const [{ doc }] = toTrainingDocs([{ tokens: ['زار', 'كوالالمبور', 'أمس'], tags: ['O', 'B-LOC', 'O'] }]);
    const views = viewTokens(doc.tokens);
    const g = defaultGazetteer();
    const n = doc.tokens.length;
    const counts = (clusters: Clusters) => {
      const out = new Int32Array(n * MAX_FEATURES);
      const c = new Int32Array(n);
      extractFeatures(doc.tokens, views, 0, n, lookups(g, doc.tokens, views, 0, n), clusters, 20, out, c);
      return [...c];
    };
    const plain = counts(new Map());
    const dense = counts(new Map([[views[1].core, ';;;1,2,3']]));
    expect(dense.map((x, i) => x - plain[i])).toEqual([1, 3, 1]);
    expect(defaultModel().clusters?.get('لندن')?.split(';')[3]).toMatch(/^[0-9a-z]+,[0-9a-z]+,[0-9a-z]+$/);
  });
});
