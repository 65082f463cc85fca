/**
 * `ana annotate --export FORMAT`: each article is also written in the named formats, into OUT/FORMAT/, and the
 * export formats count in what makes an output current (adding one redoes the articles; the same run again skips).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ana, tempDir } from './batch-helpers';

const SEED_DIR = resolve(__dirname, '..', 'corpus');

describe('ana annotate --export', () => {
  test('writes TEI, brat and CoNLL beside the JSON; a rerun skips; a new format redoes', () => {
    const out = tempDir('export-on-annotate');
    let r = ana(['annotate', SEED_DIR, '-o', out, '--export', 'tei,brat', '--export', 'conll']);
    expect(r.status).toBe(0);
    expect(readdirSync(join(out, 'tei'))).toEqual(['000_d696bc9f1b5d4abe.tei.xml']);
    expect(readdirSync(join(out, 'brat')).sort()).toEqual(['000_d696bc9f1b5d4abe.ann', '000_d696bc9f1b5d4abe.txt', 'annotation.conf']);
    expect(readdirSync(join(out, 'conll'))).toEqual(['000_d696bc9f1b5d4abe.conll']);
    // the brat text is the article, and the .ann holds the seed's entities (Parler = بارلر among them)
    expect(readFileSync(join(out, 'brat', '000_d696bc9f1b5d4abe.txt'), 'utf8')).toBe(readFileSync(join(SEED_DIR, '000_d696bc9f1b5d4abe.txt'), 'utf8'));
    expect(readFileSync(join(out, 'brat', '000_d696bc9f1b5d4abe.ann'), 'utf8')).toMatch(/^T\d+\tORG 59 64\tبارلر$/m);
    expect(readFileSync(join(out, 'tei', '000_d696bc9f1b5d4abe.tei.xml'), 'utf8')).toContain('xml:lang="ar"');

    r = ana(['annotate', SEED_DIR, '-o', out, '--export', 'tei,brat', '--export', 'conll']);
    expect(r.stderr).toMatch(/0 article\(s\).*1 already current/);
    r = ana(['annotate', SEED_DIR, '-o', out, '--export', 'webanno']);
    expect(r.stderr).toMatch(/1 article\(s\)/);
    expect(readdirSync(join(out, 'webanno'))).toHaveLength(1);
  });

  test('an unknown format, or --export with --jsonl, is a usage error', () => {
    expect(ana(['annotate', SEED_DIR, '-o', tempDir('export-bad'), '--export', 'docx']).stderr).toMatch(/--export takes tei, tei-inline, brat, conll, webanno, not "docx"/);
    expect(ana(['annotate', '--jsonl', '--export', 'tei', '-'], { input: '' }).status).toBe(2);
  });
});
