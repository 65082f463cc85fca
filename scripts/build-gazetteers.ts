/**
 * Compile the entity gazetteers into resources/entities/gazetteer.json.
 *   npx tsx scripts/build-gazetteers.ts [--shared DIR]
 * Sources: the ANERGazet lists in ../shared/data/anercorp/ANERGazet (read, never copied; only folded keys are
 * written), the project's own lists in resources/entities/lists/ (org.txt, loc.txt, per.txt: "Latin | Arabic |
 * …" per line; triggers.txt: "[role]" sections of words), and Unicode CLDR's Arabic names of countries, regions and
 * time-zone cities (devDependencies cldr-localenames-full and cldr-dates-full, read here only: the compiled JSON is
 * committed, nothing is read at run time).
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

// ---- Unicode CLDR: Arabic (ar) names of countries, regions and time-zone cities, English (en) names as Latin ----

interface CldrPlace {
  arabic: string;
  /** Canonical English name (the linker's). */
  latin: string;
  /** English spellings that are keys too (the canonical one, and the English alt form of an alt entry). */
  english: string[];
  source: 'territories' | 'cities';
  /** Region code or time-zone id: the alt forms of a country share it. */
  id: string;
}

/** The `main.<locale>` object of one CLDR JSON file. */
function cldrMain(pkg: string, locale: string, file: string): any {
  return JSON.parse(readFileSync(require.resolve(`${pkg}/main/${locale}/${file}`), 'utf8')).main[locale];
}

/**
 * Region codes that name no place: the world (العالم is a common noun), organisations (EU, UN: the own ORG list
 * has them), the Eurozone, CLDR's statistical bucket "Outlying Oceania", the unknown region and the pseudo-locale
 * codes. The other numeric groups are kept: they are real region names (أفريقيا، غرب آسيا، أمريكا اللاتينية).
 */
const TERRITORY_SKIP = new Set(['001', 'EU', 'EZ', 'UN', 'QO', 'ZZ', 'XA', 'XB']);

/**
 * Time zones that name no news place: Etc/* (CLDR's "unknown city") and Antarctica/* (research stations named
 * after people: Davis, Casey, Palmer, Mawson…).
 */
const ZONE_SKIP = /^(Etc|Antarctica)\//;

/**
 * CLDR spellings that news mostly uses for something else, found by counting every new key in the news corpus
 * (ant-news.jsonl.gz, with the proclitics the matcher peels) and reading the contexts of the frequent ones and of
 * every one-word name of four letters or fewer.
 */
const ARABIC_SKIP = new Set([
  'مالي', // Mali: «مالي» is the adjective "financial" (دعم مالي); «جمهورية مالي» is in loc.txt
  'بنين', // Benin: "sons, boys" (مدارس البنين)
  'بوتان', // Bhutan: butane gas
  'ترك', // Chuuk: "he left"
  'سمراء', // Samara: "dark-skinned" (fem.)
  'نوم', // Nome: "sleep"
  'ماهي', // Mahé: «ما هي» "what is" written as one word
  'كناري', // Canaries: the canary bird
  'كريسماس', // Christmas Island: Christmas
  'العيون', // El Aaiún: "the eyes"
  'ديلي', // Dili: "Daily" in newspaper names (ديلي ميل، ديلي تلغراف)
  'سنتر', // Center, North Dakota: "centre" in mall and company names
  'جوني', // Juneau: Johnny
  'أداك', // Adak: «أداءك» "your performance"
  'دارون', // Darwin: the naturalist
  'ريجينا', // Regina: a woman's name
  'استانلي', // Stanley (Falklands): a man's name
  'ماكسار', // Makassar: Maxar, the satellite-imagery company news cites
  'ليندمان', // Lindeman: a surname
  'مدينة تل، إنديانا', // Tell City: «مدينة تل» would start «مدينة تل أبيب»
  // person names that outnumber the place in the news corpus
  'صوفيا', // Sofia: a woman's name (films, actresses)
  'سانتياغو', // Santiago: the Santiago Bernabéu stadium, first names
  'باكو', // Baku: as often Paco (López, Alcácer)
  'ليما', // Lima: as often a footballer's surname
  'تيرانا', // Tirana: mostly Tirana Hassan (Amnesty)
  'فارو', // Faroes: Ronan Farrow
  'بليز', // Belize (city): Blaise Matuidi
  'أندير', // Anadyr: Ander Herrera
  'جوجو', // Jujuy: Joko (Widodo), a nickname
  'كانتون', // Canton Island: a surname
  'ثيل', // Thule: a surname
  'سارك', // Sark: a first name
  // words or names that are a proclitic + another word (the matcher peels و / ل / ب off long words)
  'أكرا', // Accra: «باكرا» "early"
  'لومي', // Lomé: «بلومي» (Lakhdar Belloumi)
  'بلم', // Belém: «بلم شمل» "to reunite"
  'سان لويس', // San Luis: «لسان لويس» "the tongue of Luis"
  'واليس', // Wallis: «كواليس» "backstage"
  'نيوي', // Niue (island and town, same spelling): «بنيوي» "structural"
  'أندورا', // Andorra (country and town, same spelling): «باندورا» Pandora
  'استر', // Easter Island: «كاستر»
  'واك', // Wake Island: «كواك» (a Korean surname)
  // common words
  'أبيا', // Apia: «أبيًّا» "proud"
  'سيشل', // Seychelles: «سيشلّ» "will paralyse"
  'سيتا', // Ceuta: SITA, the air-transport IT company
  // organisations
  'موناكو', // Monaco: mostly AS Monaco, the football club (an ORG, as برشلونة in org.txt)
  'باهيا', // Bahia: mostly EC Bahia, the football club
  'تشاثام', // Chatham: Chatham House
  'أوكلا', // Eucla: Ookla, the network-speed company
]);

/** English names that are common English words: the Arabic spellings are kept, the Latin is not a key. */
const LATIN_SKIP = new Set(['Jersey', 'Oral', 'Chita']);

/** CLDR's Arabic territory names with their English names (alt-short / alt-variant forms included). */
function cldrTerritories(): CldrPlace[] {
  const ar = cldrMain('cldr-localenames-full', 'ar', 'territories.json').localeDisplayNames.territories;
  const en = cldrMain('cldr-localenames-full', 'en', 'territories.json').localeDisplayNames.territories;
  const out: CldrPlace[] = [];
  for (const [code, arabic] of Object.entries<string>(ar)) {
    const base = code.replace(/-alt-.*$/, '');
    if (TERRITORY_SKIP.has(base)) continue;
    // one canonical name per country: كوت ديفوار (CI-alt-variant) and ساحل العاج (CI) both link to Côte d’Ivoire
    out.push({ arabic, latin: en[base], english: [...new Set([en[base], en[code] ?? en[base]])], source: 'territories', id: base });
  }
  return out;
}

/** CLDR's Arabic exemplar cities of the time zones (timeZoneNames.zone.*.*.exemplarCity), with English names. */
function cldrCities(): CldrPlace[] {
  const ar = cldrMain('cldr-dates-full', 'ar', 'timeZoneNames.json').dates.timeZoneNames.zone;
  const en = cldrMain('cldr-dates-full', 'en', 'timeZoneNames.json').dates.timeZoneNames.zone;
  const out: CldrPlace[] = [];
  const walk = (node: any, path: string[]) => {
    for (const [k, v] of Object.entries<any>(node)) {
      if (typeof v !== 'object' || v === null) continue;
      const p = [...path, k];
      if (typeof v.exemplarCity === 'string' && !ZONE_SKIP.test(p.join('/'))) {
        // English has an exemplar city only where it differs from the zone id (America/New_York -> New York)
        const english = p.reduce((o, key) => o?.[key], en)?.exemplarCity ?? k.replace(/_/g, ' ');
        out.push({ arabic: v.exemplarCity, latin: english, english: [english], source: 'cities', id: p.join('/') });
      }
      walk(v, p);
    }
  };
  walk(ar, []);
  return out;
}

/** All CLDR places, without the hand-checked collisions. */
function cldrPlaces(): CldrPlace[] {
  return [...cldrTerritories(), ...cldrCities()].filter((p) => !ARABIC_SKIP.has(p.arabic));
}

/**
 * The names in one CLDR string: the part before an Arabic comma («بيولا، داكوتا الشمالية»: city, state); a
 * parenthesis gives a second name («ميانمار (بورما)», «هيبرون (مدينة الخليل)» -> الخليل: news spans leave the
 * word «مدينة» out) unless it describes («(منطقة إدارية خاصة)»); « - » joins
 * two names: the whole is kept with and without the dash, and each side of two or more words is a name of its own
 * («جزر فوكلاند - جزر مالفيناس»; a one-word side may be ambiguous: الكونغو, تيمور is also a man's name).
 */
function cldrNames(s: string): string[] {
  s = s.split('،')[0].trim();
  const out: string[] = [];
  const paren = /^(.*?)\s*\((.+)\)\s*$/.exec(s);
  if (paren) {
    s = paren[1];
    if (!paren[2].startsWith('منطقة')) out.push(paren[2].replace(/^مدينة /, ''));
  }
  const sides = s.split(' - ');
  if (sides.length > 1) {
    out.push(sides.join(' '));
    for (const side of sides) if (side.includes(' ')) out.push(side);
  }
  out.push(s);
  return out;
}

/**
 * Systematic spelling variants news uses beside CLDR's: أمريكا / أميركا (both current, in names such as ساموا
 * الأمريكية), and the Central Asian «…ستان» names written without a long vowel before the suffix (طاجيكستان /
 * طاجكستان, تركمانستان / تركمنستان, قيرغيزستان / قرغيزستان). Other letters (غ / ج / ك for g…) vary per name and
 * are not generated.
 */
function variants(name: string): string[] {
  const out: string[] = [];
  if (/أمري?كي?/.test(name)) out.push(name.replace(/أمريك/g, 'أميرك'));
  const stan = /^(\S+)ستان$/.exec(name);
  if (stan) {
    const stem = stan[1];
    for (let i = 1; i < stem.length; i++) if (stem[i] === 'ي' || stem[i] === 'ا') out.push(stem.slice(0, i) + stem.slice(i + 1) + 'ستان');
  }
  return out;
}

/** The Arabic spellings of one CLDR place. */
function arabicSpellings(s: string): string[] {
  const out = new Set<string>();
  for (const n of cldrNames(s)) {
    out.add(n);
    for (const v of variants(n)) out.add(v);
  }
  return [...out];
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

/**
 * A person's form that starts with a title (per-title triggers: «الملك سلمان», «الشيخ محمد بن زايد») is listed
 * without it, as the guidelines of both golds draw the span: «الملك عبد الله الثاني» had given the span
 * «الملك عبد الله الثاني» where the news gold has «عبد الله الثاني». A single word left after the title
 * («الملكة إليزابيث» -> إليزابيث) is too common a first name to list alone and is dropped.
 */
function withoutTitle(name: string): string | undefined {
  const words = nameKey(name).split(' ');
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    if (triggers['per-title']?.includes(words.slice(0, n).join(' '))) {
      const rest = name.trim().split(/\s+/).slice(n);
      return rest.length >= 2 ? rest.join(' ') : undefined;
    }
  }
  return name;
}

// Own lists: the first field is the canonical Latin name and is itself a spelling.
const ownKeys = new Set<string>();
const ownLocLatin = new Map<string, string>();
for (const [type, file] of [['ORG', 'org.txt'], ['LOC', 'loc.txt'], ['PER', 'per.txt']]) {
  for (const raw of readFileSync(join(listsDir, file), 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const names = line.split('|').map((s) => s.trim()).filter(Boolean);
    for (const form of names) {
      const n = type === 'PER' ? withoutTitle(form) : form;
      if (!n) continue;
      add(type, 'h', n, names[0]);
      ownKeys.add(nameKey(n));
      if (type === 'LOC') ownLocLatin.set(nameKey(n), names[0]);
    }
  }
}

// CLDR places, after the own lists: a key the own lists hold (of any type) keeps its own entry, so an own ORG or
// PER is never retyped and an own LOC keeps its Latin name (عمان stays Amman, not CLDR's Oman عُمان).
// A country the own list names keeps the own Latin for all its CLDR forms (التشيك is Czech Republic there, so
// جمهورية التشيك links to Czech Republic too, not to CLDR's Czechia).
const places = cldrPlaces();
const ownLatinOf = new Map<string, string>();
for (const place of places) {
  for (const name of arabicSpellings(place.arabic)) {
    const latin = ownLocLatin.get(nameKey(name));
    if (latin && !ownLatinOf.has(place.id)) ownLatinOf.set(place.id, latin);
  }
}
const cldr = { territories: 0, cities: 0 };
for (const place of places) {
  const latin = ownLatinOf.get(place.id) ?? place.latin;
  for (const name of [...arabicSpellings(place.arabic), ...place.english.filter((e) => !LATIN_SKIP.has(e))]) {
    const key = nameKey(name);
    if (ownKeys.has(key)) continue;
    const before = lines.size;
    add('LOC', 'h', name, latin);
    if (lines.size > before) cldr[place.source]++;
  }
}
console.log(`CLDR: ${cldr.territories} territory and ${cldr.cities} city entries added`);

const entries = [...lines].sort();
writeFileSync(out, JSON.stringify({ about: 'Compiled by scripts/build-gazetteers.ts; do not edit.', entries: entries.join('\n'), triggers }) + '\n');
console.log(`${entries.length} entries, ${Object.keys(triggers).length} trigger roles -> ${out}`);
