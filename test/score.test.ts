import { readAnercorp } from '../src/score/gold/anercorp';
import { readWojood } from '../src/score/gold/wojood';
import { Scorer, matchSpans } from '../src/score';
import { annotate } from '../src';
import type { GoldDocument } from '../src/score/types';

const spanText = (g: GoldDocument, s: { start: number; end: number }) => [...g.text].slice(s.start, s.end).join('');

describe('gold readers', () => {
  test('ANERcorp: sentences end after «.», tokens joined by spaces, MISC left out, direction marks dropped', () => {
    const content = ['قال O', 'جون B-PERS', 'ماتزي I-PERS', '\u200fفي O', 'واشنطن B-LOC', '. O', 'أعلنت O', 'جوجل B-ORG', 'عن O', 'أندرويد B-MISC', '. O'].join('\n');
    const [doc] = readAnercorp(content);
    expect(doc.text).toBe('قال جون ماتزي في واشنطن .\nأعلنت جوجل عن أندرويد .');
    expect(doc.entities.map((e) => [e.type, spanText(doc, e)])).toEqual([
      ['PER', 'جون ماتزي'],
      ['LOC', 'واشنطن'],
      ['ORG', 'جوجل'],
    ]);
    expect(doc.layers).toEqual({ entities: true, timex: false, quotes: false });
    expect(doc.tokens).toHaveLength(11);
  });

  test('Wojood: nested layers, $#$ segment ends, GPE/FAC to LOC, DATE and TIME kept', () => {
    const content = ['مجلس B-ORG', 'الأمن I-ORG', 'ضد I-ORG', 'الأسد I-ORG B-PERS', 'في O', 'دمشق B-GPE', 'يوم B-DATE', 'الأحد I-DATE', '$#$ O', '', 'سكرتير B-OCC', 'اللجنة I-OCC B-ORG', 'في I-OCC', 'نابلس I-OCC B-GPE', 'صباحا B-TIME'].join('\n');
    const [doc] = readWojood(content);
    expect(doc.text).toBe('مجلس الأمن ضد الأسد في دمشق يوم الأحد\nسكرتير اللجنة في نابلس صباحا');
    expect(doc.entities.map((e) => [e.type, spanText(doc, e)]).sort()).toEqual(
      [
        ['ORG', 'مجلس الأمن ضد الأسد'],
        ['PER', 'الأسد'],
        ['LOC', 'دمشق'],
        ['ORG', 'اللجنة'],
        ['LOC', 'نابلس'],
      ].sort(),
    );
    expect(doc.timex.map((e) => [e.type, spanText(doc, e)])).toEqual([
      ['DATE', 'يوم الأحد'],
      ['TIME', 'صباحا'],
    ]);
  });
});

describe('matching', () => {
  const sys = [
    { start: 0, end: 5, type: 'PER' },
    { start: 10, end: 20, type: 'ORG' },
    { start: 30, end: 35, type: 'LOC' },
  ];
  const gold = [
    { start: 0, end: 5, type: 'PER' },
    { start: 12, end: 20, type: 'ORG' },
    { start: 30, end: 35, type: 'ORG' },
  ];
  test('exact match needs the same boundaries and type', () => {
    expect(matchSpans(sys, gold, 'exact')).toEqual([[0, 0]]);
  });
  test('overlap match pairs each gold span once, same type', () => {
    expect(matchSpans(sys, gold, 'overlap').sort()).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(matchSpans([{ start: 0, end: 10, type: 'X' }, { start: 2, end: 4, type: 'X' }], [{ start: 1, end: 3, type: 'X' }], 'overlap')).toHaveLength(1);
  });
});

describe('the Scorer on a hand-checked document', () => {
  // «قال ماتزي: "نعم". وأضاف ماتزي: "لا".» with a gold quote per sentence, both by Matze.
  const text = 'قال ماتزي: "نعم". وأضاف ماتزي: "لا".';
  const gold: GoldDocument = {
    id: 'g',
    text,
    layers: { entities: true, timex: true, quotes: true },
    entities: [
      { start: 4, end: 9, type: 'PER', ref: 'matze' },
      { start: 24, end: 29, type: 'PER', ref: 'matze' },
    ],
    timex: [],
    quotes: [
      { start: 12, end: 15, kind: 'speech', speaker: { start: 4, end: 9, ref: 'matze' } },
      { start: 32, end: 34, kind: 'speech', speaker: { start: 24, end: 29, ref: 'matze' } },
    ],
  };
  test('report keys and counts follow ARCHITECTURE §6', () => {
    const system = annotate({ text });
    // a system that found the first name only, one quote, attributed to the first mention
    system.entities = [{ id: 'm1', type: 'PER', start: 4, end: 9, text: 'ماتزي', entity: 'E1', confidence: 1, component: 'model' }];
    system.entityTable = [{ id: 'E1', type: 'PER', name: { ar: 'ماتزي' }, mentions: ['m1'] }];
    system.quotes = [
      { id: 'q1', kind: 'speech', start: 32, end: 34, text: 'لا', open: { start: 31, end: 32, text: '"' }, speaker: { start: 4, end: 9, text: 'ماتزي', entity: 'E1', via: 'explicit' }, confidence: 1 },
    ];
    const s = new Scorer();
    s.add(gold, system);
    const r = s.report();
    // no gold timex value here, so timex_value is left out
    expect(Object.keys(r).sort()).toEqual(['documents', 'entities', 'entities_overlap', 'quotes', 'speakers', 'timex', 'timex_overlap']);
    expect(r.entities!.PER).toMatchObject({ tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 });
    expect(r.entities!.micro.f1).toBeCloseTo(2 / 3, 4);
    expect(r.quotes).toMatchObject({ tp: 1, fp: 0, fn: 1 });
    // the speaker is another mention of the same entity as the gold speaker: right
    expect(r.speakers).toEqual({ accuracy: 1, matched: 1 });
  });
});
