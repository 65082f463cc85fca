import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { renderNested, latinRuns, escapeHtml, jsonForScript, renderArticlePage, summarise, type Mark } from '../src/view';
import { articleMarks } from '../src/view/marks';
import { foldForSearch, foldTable } from '../src/view/search-fold';
import { annotate } from '../src/pipeline';
import { run } from '../src/cli/commands/view';
import { astralDoc, hostileDoc, emptyDoc, ASTRAL_TEXT, haveSeedGold, seedGoldDoc } from './fixtures/view/docs';
import { schemaErrors } from './helpers/spans';

const mark = (start: number, end: number, name: string, rank = 1): Mark => ({ start, end, rank, open: `<${name}>`, close: `</${name}>` });

describe('renderNested: overlapping spans become nested elements', () => {
  test('a span crossing another is split at its boundary', () => {
    expect(renderNested('abcdef', [mark(0, 4, 'a'), mark(2, 6, 'b')], (s) => s)).toBe('<a>ab<b>cd</b></a><b>ef</b>');
  });
  test('contained spans nest; equal spans nest by rank; empty spans are dropped', () => {
    expect(renderNested('abcdef', [mark(1, 5, 'q', 1), mark(2, 3, 't', 6), mark(1, 5, 'e', 5), mark(3, 3, 'z')], (s) => s)).toBe('a<q><e>b<t>c</t>de</e></q>f');
  });
  test('text runs are escaped by the callback, tags are not', () => {
    expect(renderNested('<x>&', [mark(1, 2, 'b')], escapeHtml)).toBe('&lt;<b>x</b>&gt;&amp;');
  });
  test('any set of spans: well-formed, text unchanged, each span covers exactly its characters', () => {
    const arb = fc.string({ maxLength: 24 }).chain((text) =>
      fc.tuple(
        fc.constant(text),
        fc.array(fc.tuple(fc.nat(text.length), fc.nat(text.length), fc.integer({ min: 0, max: 9 })), { maxLength: 8 }),
      ),
    );
    fc.assert(
      fc.property(arb, ([text, raw]) => {
        const marks = raw.map(([a, b, rank], i) => ({ ...mark(Math.min(a, b), Math.max(a, b), `m${i}`), rank }));
        const html = renderNested(text, marks, (s) => s.replace(/[<>]/g, (c) => (c === '<' ? '\u0001' : '\u0002')));
        const stack: number[] = [];
        const covered = marks.map(() => '');
        let plain = '';
        for (const tok of html.split(/(<\/?m\d+>)/)) {
          const tag = /^<(\/?)m(\d+)>$/.exec(tok);
          if (tag) {
            const i = Number(tag[2]);
            if (tag[1]) expect(stack.pop()).toBe(i);
            else stack.push(i);
            continue;
          }
          const t = tok.replace(/\u0001/g, '<').replace(/\u0002/g, '>');
          plain += t;
          for (const i of new Set(stack)) covered[i] += t;
        }
        expect(stack).toEqual([]);
        expect(plain).toBe(text);
        marks.forEach((m, i) => expect(covered[i]).toBe(text.slice(m.start, m.end)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('latinRuns', () => {
  test('whole Latin names, digits inside, no trailing full stop', () => {
    const t = 'شبكة بارلر Parler الاجتماعية لدى Donald J. Trump. وعلقت Google أولاً ثم Apple، و Windows 10.';
    expect(latinRuns(t).map((r) => t.slice(r.start, r.end))).toEqual(['Parler', 'Donald J. Trump', 'Google', 'Apple', 'Windows 10']);
  });
});

describe('escaping', () => {
  test('escapeHtml leaves no markup characters', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });
  test('jsonForScript cannot close its script element and parses back to the same value', () => {
    const v = { s: '</script><script>alert(1)</script><!-- \u2028 &' };
    const j = jsonForScript(v);
    expect(j).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(j)).toEqual(v);
  });
  test('a hostile document: no tag from its content survives in the page markup', () => {
    const html = renderArticlePage(hostileDoc(), { indexHref: 'index.html' });
    const body = html.slice(html.indexOf('<body>'));
    expect(body).not.toMatch(/<script>window|<img|<b>|<i>|<\/textarea>|<\/td><\/tr><script/);
    expect(html.match(/<script>/g)).toHaveLength(1); // ours only
    expect(html).toContain('&lt;/title&gt;&lt;script&gt;window.__pwned=4&lt;/script&gt;عنوان');
  });
});

describe('articleMarks', () => {
  test('code-point spans after astral characters land on the right UTF-16 characters', () => {
    const doc = astralDoc();
    const { marks, problems } = articleMarks(doc);
    expect(problems).toEqual([]);
    const entity = marks.find((m) => m.open.includes('data-m="m2"'))!;
    expect(ASTRAL_TEXT.slice(entity.start, entity.end)).toBe('تيم كوك');
    expect(doc.entities[1].start).toBe(Array.from(ASTRAL_TEXT.slice(0, ASTRAL_TEXT.indexOf('تيم كوك'))).length);
    expect(entity.start).toBe(ASTRAL_TEXT.indexOf('تيم كوك'));
  });
  test('a span that does not match its text is left out and reported', () => {
    const doc = emptyDoc('bad', 'قال الرئيس');
    doc.entities = [
      { id: 'm1', type: 'PER', start: 4, end: 10, text: 'الوزير', confidence: 1, component: 'rule' },
      { id: 'm2', type: 'PER', start: 4, end: 40, text: 'الرئيس', confidence: 1, component: 'rule' },
    ];
    const { marks, problems } = articleMarks(doc);
    expect(marks.filter((m) => m.open.includes('data-m'))).toEqual([]);
    expect(problems).toHaveLength(2);
    expect(renderArticlePage(doc)).toContain('2 span(s) not shown');
  });
});

describe('summaries and search folding', () => {
  test('an article without title is listed by its first line after the dateline and byline', () => {
    const text = readFileSync(path.resolve(__dirname, '../corpus/000_d696bc9f1b5d4abe.txt'), 'utf8');
    const doc = annotate({ text, id: '000_d696bc9f1b5d4abe' }, { tokens: false });
    const s = summarise(doc, 'x.html');
    expect(s.untitled).toBe(true);
    // By hand from the text: line 1 is "القاهرة : الأمير كمال فرج." (dateline, byline), line 2 the lede.
    expect(doc.metadata.byline?.text).toBe('الأمير كمال فرج');
    expect(s.title.startsWith('بعد ساعات من حظر جوجل وأبل شبكة بارلر Parler')).toBe(true);
    expect(s.title.length).toBeLessThanOrEqual(111);
  });
  test('names fold like the analysis view: hamza forms, ة/ه, diacritics, case', () => {
    expect(foldForSearch('أمازون')).toBe(foldForSearch('امازون'));
    expect(foldForSearch('Parler')).toBe('parler');
    expect(foldForSearch('مُؤسَّسة')).toBe(foldForSearch('مؤسسه'));
    const table = foldTable();
    const foldInPage = (s: string) => [...s].map((c) => table[c] ?? c).join('').toLowerCase();
    for (const n of ['أمازون', 'إيلون ماسك', 'آبل', 'مؤسَّسة النقد', 'ﺑﺎﺭﻟﺮ']) expect(foldInPage(n)).toBe(foldForSearch(n));
  });
});

describe('ana view', () => {
  test('writes one page per document and an index, reports unreadable input and goes on', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ana-view-'));
    const out = path.join(dir, 'out');
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify(astralDoc()));
    writeFileSync(path.join(dir, 'b.jsonl'), [JSON.stringify(hostileDoc()), JSON.stringify({ error: { path: 'x', error: 'failed' } }), '{not json'].join('\n') + '\n');
    writeFileSync(path.join(dir, 'c.json'), JSON.stringify({ hello: 'world' }));
    writeFileSync(path.join(dir, 'd.jsonl.gz'), gzipSync(JSON.stringify({ ...astralDoc(), id: 'astral/gz' }) + '\n'));
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const code = await run([dir, '-o', out, '-q']);
    const messages = err.mock.calls.map((c) => String(c[0])).join('');
    err.mockRestore();
    expect(code).toBe(1);
    expect(messages).toContain('b.jsonl:3: not JSON');
    expect(messages).toContain('c.json: not an arabic-news-annotator/standoff document');
    const files = readdirSync(out).sort();
    expect(files).toEqual(['astral.html', 'astral_gz.html', 'hostile___script_window.__pwned=3__script_.html', 'index.html'].sort());
    const index = readFileSync(path.join(out, 'index.html'), 'utf8');
    for (const f of files.filter((f) => f !== 'index.html')) {
      expect(index).toContain(`href="${escapeHtml(encodeURIComponent(f))}"`);
      expect(existsSync(path.join(out, f))).toBe(true);
    }
    rmSync(dir, { recursive: true, force: true });
  });
});

const withGold = haveSeedGold() ? describe : describe.skip;
if (!haveSeedGold()) console.log('seed gold fixture test skipped: ../shared (or $ANA_SHARED) not found');
withGold('the seed gold fixture', () => {
  test('is a valid annotation document whose spans cover their text', () => {
    const doc = seedGoldDoc();
    expect(schemaErrors(doc)).toEqual([]);
    expect(articleMarks(doc).problems).toEqual([]);
    expect([doc.entities.length, doc.timex.length, doc.quotes.length, doc.quotes.filter((q) => q.speaker).length]).toEqual([39, 7, 11, 11]);
    // Spot checks against the text, by hand: the first quote's marks and the Amazon quote's cue.
    expect([doc.quotes[0].open.text, doc.quotes[0].close!.text, doc.quotes[0].speaker!.text]).toEqual(['"', '"', 'Forbes']);
    expect(doc.quotes[1].cue!.text).toBe('قالت');
  });
});
