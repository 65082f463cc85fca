/**
 * `ana export`: every format from the JSON that `ana annotate` writes, files written into -o DIR, one clear line
 * per failed input naming it, exit status 1 when any failed. Runs the command in-process on temporary folders.
 */
import { mkdtempSync, rmSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from '../src/cli/commands/export';
import { UsageError } from '../src/cli/args';
import { serialiseDocument } from '../src/emit/json';
import { importBrat } from '../src/import';
import { annotate } from '../src/pipeline';

async function ana(argv: string[]): Promise<{ code: number; stderr: string }> {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => {
    chunks.push(String(c));
    return true;
  });
  try {
    return { code: await run(argv), stderr: chunks.join('') };
  } finally {
    spy.mockRestore();
  }
}

describe('ana export', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ana-export-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const text = 'قال الرئيس 😀 إيمانويل ماكرون في باريس: "سنواصل العمل".\n\nوأضاف أن فرنسا ستبقى.';
  const doc = annotate({ text, id: 'macron' });
  // hand-placed mentions (code points, counted with Python), whatever the recognisers find today
  doc.entities = [
    { id: 'm1', type: 'PER', start: 13, end: 28, text: 'إيمانويل ماكرون', entity: 'E1', confidence: 1, component: 'rule' },
    { id: 'm2', type: 'LOC', start: 32, end: 37, text: 'باريس', confidence: 1, component: 'rule' },
  ];
  doc.entityTable = [{ id: 'E1', type: 'PER', name: { ar: 'إيمانويل ماكرون', latin: 'Emmanuel Macron' }, mentions: ['m1'] }];
  doc.quotes = [];
  const good = path.join(dir, 'macron.json');
  writeFileSync(good, serialiseDocument(doc));
  const broken = path.join(dir, 'broken.json');
  writeFileSync(broken, '{"format": "arabic-news-annotator/standoff", ');
  const shifted = path.join(dir, 'shifted.json');
  writeFileSync(shifted, serialiseDocument({ ...doc, id: 'shifted', entities: [{ id: 'm1', type: 'LOC', start: 0, end: 3, text: 'باريس', confidence: 1, component: 'rule' }] }));

  test.each([['tei', ['macron.tei.xml']], ['tei-inline', ['macron.tei-inline.xml']], ['brat', ['annotation.conf', 'macron.ann', 'macron.txt']], ['conll', ['macron.conll']], ['webanno', ['macron.jsonld']]])('--to %s writes %j', async (format, names) => {
    const out = path.join(dir, `out-${format}`);
    const r = await ana(['--to', format as string, good, '-o', out, '-q']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(names);
  });

  test('the brat files it writes read back to the same text', async () => {
    const out = path.join(dir, 'out-brat');
    const back = importBrat(readFileSync(path.join(out, 'macron.txt'), 'utf8'), readFileSync(path.join(out, 'macron.ann'), 'utf8'));
    expect(back.text).toBe(doc.text);
    expect(back.entities.map((m) => [m.start, m.end, m.type, m.text])).toEqual([[13, 28, 'PER', 'إيمانويل ماكرون'], [32, 37, 'LOC', 'باريس']]);
    expect(back.entityTable[0].name).toEqual({ ar: 'إيمانويل ماكرون', latin: 'Emmanuel Macron' });
  });

  test('bad inputs: one line each naming the file, the good one still exported, exit status 1', async () => {
    const out = path.join(dir, 'out-mixed');
    const r = await ana(['--to', 'tei', broken, good, shifted, path.join(dir, 'missing.json'), '-o', out, '-q']);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^ana export: ${path.join(dir, 'missing.json')}: no such file or folder$`));
    expect(lines[1]).toMatch(new RegExp(`^ana export: ${broken}: not JSON`));
    expect(lines[2]).toMatch(new RegExp(`^ana export: ${shifted}: m1: span 0-3 does not cover «باريس»`));
    expect(lines[3]).toMatch(/1 document\(s\) exported to tei.*3 failed$/);
    expect(readdirSync(out)).toEqual(['macron.tei.xml']); // atomic writes leave no temporary files behind
  });

  test('JSONL from "ana annotate --jsonl": one document a line, error records skipped, a bad line named by number', async () => {
    const jsonl = path.join(dir, 'batch.jsonl');
    const other = { ...doc, id: 'second' };
    writeFileSync(jsonl, [JSON.stringify(doc), JSON.stringify({ error: { path: 'x.txt', error: 'unreadable' } }), '{"format": ', JSON.stringify(other)].join('\n') + '\n');
    const out = path.join(dir, 'out-jsonl');
    const r = await ana(['--to', 'webanno', jsonl, '-o', out, '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(new RegExp(`^ana export: ${jsonl}:3: not JSON`));
    expect(readdirSync(out).sort()).toEqual(['macron.jsonld', 'second.jsonld']);
  });

  test('usage errors', async () => {
    await expect(run([good])).rejects.toThrow(UsageError);
    await expect(run(['--to', 'docx', good])).rejects.toThrow(/unknown format "docx"/);
  });
});
