/**
 * Compile the entity gazetteers into resources/entities/gazetteer.json.
 *   npx tsx scripts/build-gazetteers.ts [--shared DIR]
 * Sources: the ANERGazet lists in ../shared/data/anercorp/ANERGazet (read, never copied; only folded keys are
 * written) and the project's own lists in resources/entities/lists/ (org.txt, loc.txt, per.txt: "Latin | Arabic |
 * …" per line; triggers.txt: "[role]" sections of words).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sharedDir } from './lib/shared';
import { nameKey } from './lib/ner-keys';

const root = resolve(__dirname, '..');
const listsDir = join(root, 'resources/entities/lists');
const out = join(root, 'resources/entities/gazetteer.json');

const lines = new Set<string>();
const add = (type: string, source: 'a' | 'h', name: string, latin = '') => {
  const key = nameKey(name);
  if (!key || key.length < 2) return;
  lines.add(`${type}\t${source}\t${key}\t${latin}`);
};

// ANERGazet: one name per line, with "====" / "****" group separators and a few stray punctuation lines.
const aner = join(sharedDir(), 'data/anercorp/ANERGazet');
const anerFiles: [string, string][] = [['LOC', 'AlignedLocGazetteer.txt'], ['ORG', 'AlignedOrgGazetteer.txt'], ['PER', 'AlignedPersGazetteer.txt']];
for (const [type, file] of anerFiles) {
  for (const raw of readFileSync(join(aner, file), 'utf8').split(/\r?\n/)) {
    const name = raw.trim();
    if (!/[\u0621-\u064AA-Za-z]/.test(name)) continue;
    add(type, 'a', name);
  }
}

// Own lists: the first field is the canonical Latin name and is itself a spelling.
for (const [type, file] of [['ORG', 'org.txt'], ['LOC', 'loc.txt'], ['PER', 'per.txt']]) {
  for (const raw of readFileSync(join(listsDir, file), 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const names = line.split('|').map((s) => s.trim()).filter(Boolean);
    for (const n of names) add(type, 'h', n, names[0]);
  }
}

const triggers: Record<string, string[]> = {};
let role = '';
for (const raw of readFileSync(join(listsDir, 'triggers.txt'), 'utf8').split('\n')) {
  const line = raw.trim();
  if (!line || line.startsWith('#')) continue;
  const section = /^\[(.+)\]$/.exec(line);
  if (section) {
    role = section[1];
    triggers[role] = [];
    continue;
  }
  const key = nameKey(line);
  if (key && !triggers[role].includes(key)) triggers[role].push(key);
}

const entries = [...lines].sort();
writeFileSync(out, JSON.stringify({ about: 'Compiled by scripts/build-gazetteers.ts; do not edit.', entries: entries.join('\n'), triggers }) + '\n');
console.log(`${entries.length} entries, ${Object.keys(triggers).length} trigger roles -> ${out}`);
