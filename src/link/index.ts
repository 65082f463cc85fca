import type { EntityEntry, EntityMention, EntityType, LinkedDoc, Quote, RecognisedDoc } from '../types';
import { defaultGazetteer, fold, type Gazetteer } from '../recognise/entities';
import { isArabic, isLatin, skeleton } from './translit';

export { skeleton } from './translit';

/**
 * Stage function: group the entity mentions of a document into an entity table, and point quote speakers at it.
 * A mention joins an earlier entity when
 *   - it has the same folded name (one name, one entity: the entity's majority type is then given to all of them);
 *   - the project's gazetteer gives both the same canonical name (أبل، آبل، Apple);
 *   - one is Arabic, the other Latin, and their consonant skeletons agree (بارلر = Parler, جوجل = Google);
 *   - it is a short form of a longer name of the same type: a word sequence inside it (ماتزي -> جون ماتزي),
 *     whichever comes first in the text.
 */
export function link(doc: RecognisedDoc, gazetteer: Gazetteer = defaultGazetteer()): LinkedDoc {
  const infos = doc.entities.map((m) => mentionInfo(m, gazetteer));
  const groups: Group[] = [];
  doc.entities.forEach((m, i) => {
    const info = infos[i];
    let g = groups.find((x) => x.keys.has(info.key));
    if (!g && info.latin) g = groups.find((x) => x.type === m.type && x.latin === info.latin);
    if (!g && info.skel.length >= 2) {
      g = groups.find((x) => x.type === m.type && ((info.script === 'latin' && x.arSkels.has(info.skel)) || (info.script === 'arabic' && x.laSkels.has(info.skel))));
    }
    if (!g) g = shortFormOf(groups, m.type, info.words);
    if (!g) {
      g = { type: m.type, keys: new Set(), words: [], arSkels: new Set(), laSkels: new Set(), mentions: [] };
      groups.push(g);
    }
    g.keys.add(info.key);
    // a longer name after a short one (ماتزي … جون ماتزي) becomes the group's full name
    if (info.words.length > g.words.length) g.words = info.words;
    if (info.latin && !g.latin) g.latin = info.latin;
    (info.script === 'latin' ? g.laSkels : g.arSkels).add(info.skel);
    g.mentions.push(i);
  });

  // one sense per document: mentions of one name take the type most of them have (ties: the most confident)
  const entities: EntityMention[] = doc.entities.map((m) => ({ ...m }));
  const table: EntityEntry[] = groups.map((g, gi) => {
    const votes = new Map<EntityType, number>();
    for (const i of g.mentions) votes.set(entities[i].type, (votes.get(entities[i].type) ?? 0) + 1 + entities[i].confidence / 10);
    const type = [...votes].sort((a, b) => b[1] - a[1])[0][0];
    const id = `E${gi + 1}`;
    let nameAr: string | undefined;
    let nameLatin: string | undefined = g.latin;
    for (const i of g.mentions) {
      const m = entities[i];
      m.type = type;
      m.entity = id;
      if (isArabic(m.text) && (!nameAr || m.text.length > nameAr.length)) nameAr = m.text;
      if (isLatin(m.text) && !g.latin && (!nameLatin || m.text.length > nameLatin.length)) nameLatin = m.text;
    }
    return { id, type, ...(nameAr ? { nameAr } : {}), ...(nameLatin ? { nameLatin } : {}), mentions: [...g.mentions] };
  });
  const quotes = doc.quotes.map((q) => linkSpeaker(q, entities, table, infos));
  return { ...doc, entities, quotes, entityTable: table };
}

interface MentionInfo {
  key: string;
  words: string[];
  script: 'arabic' | 'latin';
  skel: string;
  /** Canonical Latin name from the project's gazetteer. */
  latin?: string;
}

interface Group {
  type: EntityType;
  keys: Set<string>;
  /** Words of the longest name. */
  words: string[];
  arSkels: Set<string>;
  laSkels: Set<string>;
  latin?: string;
  mentions: number[];
}

function mentionInfo(m: EntityMention, gaz: Gazetteer): MentionInfo {
  const key = fold(m.text.replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g, '')).replace(/\s+/g, ' ').trim();
  const entry = gaz.byKey.get(key)?.find((e) => e.hand && e.latin);
  return { key, words: key.split(' '), script: isLatin(m.text) ? 'latin' : 'arabic', skel: skeleton(key), ...(entry?.latin ? { latin: entry.latin } : {}) };
}

/** A group whose longest name contains `words` as a contiguous word sequence (or the reverse), same type. */
function shortFormOf(groups: Group[], type: EntityType, words: string[]): Group | undefined {
  for (let gi = groups.length - 1; gi >= 0; gi--) {
    const g = groups[gi];
    if (g.type !== type || g.words.length === words.length) continue;
    const [short, long] = words.length < g.words.length ? [words, g.words] : [g.words, words];
    if (short.join('').length < 3) continue;
    for (let s = 0; s + short.length <= long.length; s++) {
      if (short.every((w, k) => long[s + k] === w)) return g;
    }
  }
  return undefined;
}

/** Point a quote's speaker at an entity: a mention inside or overlapping the speaker span, or a name it ends with. */
function linkSpeaker(q: Quote, entities: EntityMention[], table: EntityEntry[], infos: MentionInfo[]): Quote {
  const sp = q.speaker;
  if (!sp || sp.entity) return q;
  let found: string | undefined;
  // the last mention inside the speaker span (الرئيس التنفيذي جون ماتزي), else any overlapping one
  const inside = entities.filter((m) => m.start >= sp.start && m.end <= sp.end);
  const overlapping = entities.filter((m) => m.start < sp.end && sp.start < m.end);
  const m = inside[inside.length - 1] ?? overlapping[overlapping.length - 1];
  if (m) found = m.entity;
  if (!found) {
    const key = fold(sp.text).replace(/\s+/g, ' ').trim();
    // the nearest mention before the speaker whose name the speaker text equals or ends with
    let best = -1;
    entities.forEach((e, i) => {
      const k = infos[i].key;
      if (key === k || key.endsWith(' ' + k)) {
        if (best < 0 || (e.start <= sp.start && (entities[best].start > sp.start || e.start > entities[best].start))) best = i;
      }
    });
    if (best >= 0) found = entities[best].entity;
  }
  if (!found || !table.some((t) => t.id === found)) return q;
  return { ...q, speaker: { ...sp, entity: found } };
}
