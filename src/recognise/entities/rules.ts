import type { EntityType, Token } from '../../types';
import type { TokenView } from './text';
import { matchAt, triggerEndingAt, type Gazetteer } from './gazetteer';
import { tokenAt, type Candidate } from './candidates';

/*
 * Rules beside the tagger: heads and titles outside spans, Latin-script names, quoted names after a head,
 * institutions (وزارة الصحة، الشرطة الفلبينية), nationality adjectives, and where a name starts.
 */

/** Name particles whose first letter looks like a proclitic (فان نيستلروي، فون). */
const WHOLE_NAME_WORDS = new Set(['فان', 'فون', 'فال', 'لا', 'لي', 'لو', 'بن', 'بو', 'كي']);

/**
 * Where a name starting at token i begins: after its proclitics, unless the segmenter split a name whose first
 * letter only looks like one (ليون is Lyon, not ل + يون): the whole word is a known name and the rest is not.
 */
export function nameStart(gaz: Gazetteer, tokens: readonly Token[], views: readonly TokenView[], i: number): number {
  const v = views[i];
  if (!v.pre) return v.spanStart;
  if (WHOLE_NAME_WORDS.has(v.w) || (gaz.byKey.has(v.w) && !gaz.byKey.has(v.core))) return tokens[i].start;
  return v.spanStart;
}

const HEAD_ROLES: Record<EntityType, string> = { ORG: 'org-head', LOC: 'loc-head', PER: 'per-title' };

/** First token of a tagged span after a generic head or title the span starts with (شركة، مجلة، الرئيس …). */
export function stripHead(gaz: Gazetteer, views: readonly TokenView[], from: number, to: number, type: EntityType): number {
  let f = from;
  // a person's name does not start with a nationality adjective (الرئيس الفلبيني دوتيرتي)
  const nationalityAt = (k: number) => type === 'PER' && views[k].def && !views[k].pre && isNationality(gaz, views[k]);
  // «منظمة أوبك» -> «أوبك», but «منظمة التحرير الفلسطينية» keeps its head
  if (type === 'ORG' && to - from === 2 && triggerEndingAt(gaz, views, from, 'org-head-short', from) === 1) return from + 1;
  // titles can stack (الرئيس التنفيذي): strip while the longest trigger at the span start matches
  for (let guard = 0; guard < 3 && f < to - 1; guard++) {
    let len = 0;
    for (let j = f; j < to - 1 && j < f + 4; j++) if (triggerEndingAt(gaz, views, j, HEAD_ROLES[type], f) === j - f + 1) len = j - f + 1;
    if (!len && nationalityAt(f)) len = 1;
    if (!len) break;
    f += len;
  }
  return f;
}

const LATIN_STOP = new Set(['the', 'of', 'and', 'a', 'an', 'in', 'on', 'for', 'to', 'is', 'at', 'by', 'with', 'from']);

/**
 * Latin-script names inside Arabic text (Parler, Forbes, AWS, Zendesk): a run of capitalised Latin words (inner
 * "of", "and"… allowed). Typed by the gazetteer when it knows the name, PER after a title, otherwise ORG: in
 * Arabic news a Latin name is most often a company, outlet or brand.
 */
export function latinNames(gaz: Gazetteer, tokens: readonly Token[], views: readonly TokenView[], from: number, to: number, out: Candidate[]): void {
  let arabic = 0;
  for (let i = from; i < to; i++) if (tokens[i].kind === 'arabic') arabic++;
  if (arabic === 0) return; // an English sentence: not our business
  let i = from;
  while (i < to) {
    const t = tokens[i];
    if (t.kind !== 'latin' || !/^[A-Z]/.test(t.text)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < to) {
      const n = tokens[j];
      if (n.kind === 'latin' && /^[A-Z0-9]/.test(n.text) && n.start - tokens[j - 1].end <= 1) j++;
      else if (n.kind === 'latin' && LATIN_STOP.has(n.text.toLowerCase()) && j + 1 < to && tokens[j + 1].kind === 'latin' && /^[A-Z]/.test(tokens[j + 1].text)) j += 2;
      else if (n.kind === 'number' && tokens[j - 1].end === n.start - 1 && j - i === 1) j++;
      else break;
    }
    const key = views.slice(i, j).map((v) => v.w).join(' ');
    // a model number or product code (F35, A4) is no organisation unless a list names it
    if (/[0-9]/.test(t.text) && !gaz.byKey.has(key)) {
      i = j;
      continue;
    }
    const entries = gaz.byKey.get(key);
    let type: EntityType = 'ORG';
    if (entries?.length) type = entries[0].type;
    else if (i > from && triggerEndingAt(gaz, views, i - 1, 'per-title', from)) type = 'PER';
    const single = j - i === 1;
    // a lone lower-information word (I, A) is no name
    if (!(single && t.text.length < 2)) {
      out.push({ start: t.start, end: tokens[j - 1].end, type, component: entries?.length ? 'gazetteer' : 'rule', confidence: entries?.length ? 0.9 : 0.6, rank: 3, tokens: j - i });
    }
    i = j;
  }
}

const OPEN_QUOTES = new Set(['"', '«', '“', "'"]);
const CLOSE_QUOTES = new Set(['"', '»', '”', "'"]);

/** A quoted name right after a generic organisation head: شركة "أردينت أدفايسوري أند أكاونتنج". */
export function quotedAfterHead(gaz: Gazetteer, tokens: readonly Token[], views: readonly TokenView[], from: number, to: number, out: Candidate[]): void {
  for (let i = from + 1; i < to - 2; i++) {
    if (tokens[i].kind !== 'punct' || !OPEN_QUOTES.has(tokens[i].text)) continue;
    if (!triggerEndingAt(gaz, views, i - 1, 'org-head', from)) continue;
    let j = i + 1;
    while (j < to && j - i <= 6 && !(tokens[j].kind === 'punct' && CLOSE_QUOTES.has(tokens[j].text))) j++;
    if (j >= to || j - i > 6 || j === i + 1) continue;
    if (tokens.slice(i + 1, j).some((t) => t.kind !== 'arabic' && t.kind !== 'latin' && t.kind !== 'number')) continue;
    out.push({ start: views[i + 1].spanStart === tokens[i + 1].start ? tokens[i + 1].start : tokens[i + 1].start, end: tokens[j - 1].end, type: 'ORG', component: 'rule', confidence: 0.7, rank: 3, tokens: j - i - 1 });
  }
}

/** Is this token a nationality adjective (الأمريكي، الصينية، البلجيكية)? Its stem must name a known place. */
export function isNationality(gaz: Gazetteer, v: TokenView): boolean {
  const m = /^(.{2,}?)(يه|يين|ييه|يون|ي)$/.exec(v.bare);
  if (!m) return false;
  const st = m[1];
  for (const form of [st, 'ال' + st, st + 'ا', st + 'يا', st + 'يه', 'ال' + st + 'يه']) {
    if (gaz.byKey.get(form)?.some((e) => e.type === 'LOC')) return true;
  }
  return false;
}

/** A definite nisba adjective after a definite noun (الحكومة السعودية) is no place, whatever the tagger said. */
export function isNationalityAdjective(gaz: Gazetteer, tokens: readonly Token[], views: readonly TokenView[], c: Candidate): boolean {
  if (c.type !== 'LOC' || c.component === 'header') return false;
  const i = tokenAt(tokens, c.start);
  if (i < 0 || tokens[i].end !== c.end) return false; // single-token mentions only
  const v = views[i];
  if (!v.def || v.pre || !/(ي|يه|يين|ييه)$/.test(v.bare)) return false;
  if (!isNationality(gaz, v) && !/(ي|يه)$/.test(v.bare)) return false;
  const p = i > 0 ? views[i - 1] : undefined;
  return !!p && tokens[i - 1].kind === 'arabic' && p.def && tokens[i - 1].sentence === tokens[i].sentence;
}

/**
 * Institutions named by a head and what follows it (ORG): وزارة الصحة، مجلس حقوق الإنسان، الشرطة الفلبينية،
 * البنك المركزي الصيني، موانئ دبي العالمية، المؤسسة الوطنية للنفط. An indefinite head (وزارة، مجلس، موانئ) takes a
 * definite noun, an idafa pair (حقوق الإنسان) or a place; a definite head (الشرطة، الجيش) needs a nisba adjective
 * (a bare «الشرطة» is no name). Then nisba adjectives, places and «لل» + noun may follow.
 */
/** Heads that name an institution only with a place or nationality in the phrase (سوق الأسهم السعودية). */
const WEAK_HEADS = new Set(['سوق', 'السوق', 'بورصه', 'البورصه', 'ميناء', 'موانء', 'موانيء', 'بنك', 'البنك', 'الخطوط', 'الشرطه', 'الجيش', 'القوات', 'الحرس']);
/** Adjectives that end institution names besides nationalities. */
const INSTITUTION_ADJ = new Set(['المركزي', 'المركزيه', 'الوطني', 'الوطنيه', 'العالمي', 'العالميه', 'الدولي', 'الدوليه', 'الاتحادي', 'الاتحاديه', 'العربي', 'العربيه', 'الاسلامي', 'الاسلاميه', 'الشعبي', 'الشعبيه', 'الفيدرالي', 'الفيدراليه', 'الاوروبي', 'الاوروبيه', 'الافريقي', 'الافريقيه', 'الخليجي', 'الخليجيه', 'الجويه', 'العليا', 'الاعلي', 'المتحده']);
const NOT_NAME_WORDS = new Set(['اداره', 'الاداره', 'رييس', 'مدير', 'اعضاء', 'عضو', 'الوزراء', 'الانباء']);

export function institutionNames(gaz: Gazetteer, tokens: readonly Token[], views: readonly TokenView[], from: number, to: number, out: Candidate[]): void {
  const nation = (k: number) => k < to && tokens[k].kind === 'arabic' && views[k].def && !views[k].pre && isNationality(gaz, views[k]);
  const nisba = (k: number) => k < to && tokens[k].kind === 'arabic' && !views[k].pre && (INSTITUTION_ADJ.has(views[k].core) || nation(k));
  const place = (k: number) => (k < to ? matchAt(gaz, tokens, views, k, to) : undefined)?.entries.some((e) => e.type === 'LOC');
  const plain = (k: number) => k < to && tokens[k].kind === 'arabic' && !views[k].pre;
  for (let i = from; i < to - 1; i++) {
    if (tokens[i].kind !== 'arabic' || !gaz.triggerLast.has(views[i].core) || !triggerEndingAt(gaz, views, i, 'org-inside', i)) continue;
    const head = views[i];
    let j = i + 1;
    if (head.def) {
      if (!nisba(j)) continue;
    } else if (plain(j) && views[j].def && !NOT_NAME_WORDS.has(views[j].core)) j++;
    else if (plain(j) && !views[j].def && !NOT_NAME_WORDS.has(views[j].core) && !/(ي|يه)$/.test(views[j].bare) && plain(j + 1) && views[j + 1].def && !nisba(j + 1)) j += 2;
    else if (place(j)) {
      const m = matchAt(gaz, tokens, views, j, to)!;
      j = m.to;
    } else continue;
    let grounded = false;
    for (let k = i + 1; k < j; k++) if (place(k) || nation(k)) grounded = true;
    // the tail: nisba adjectives, places, «لل» + noun after an adjective
    for (;;) {
      if (nisba(j)) j++;
      else if (j < to && tokens[j].kind === 'arabic' && views[j].pre === 'ل' && views[j].def && nisba(j - 1)) j++;
      else break;
      if (nation(j - 1)) grounded = true;
    }
    if (WEAK_HEADS.has(head.core) && !grounded) continue;
    out.push({ start: head.spanStart, end: tokens[j - 1].end, type: 'ORG', component: 'rule', confidence: 0.65, rank: 3, tokens: j - i });
  }
}

/**
 * A descriptive ORG or LOC name followed by a nationality adjective takes it (الكابيتول الأمريكي، مجلس النواب
 * الأميركي): names that start with the article or a generic head (مجلس، وزارة …). A proper name keeps it out, as
 * both golds do (مجاهدي خلق الإيرانية, ريال مدريد الإسباني, نوكيا الفنلندية, كاليفورنيا الأمريكية).
 */
export function extendByNationality(gaz: Gazetteer, tokens: readonly Token[], views: readonly TokenView[], kept: Candidate[]): void {
  for (let c = 0; c < kept.length; c++) {
    const m = kept[c];
    if (m.type === 'PER' || m.component === 'header') continue;
    const first = tokenAt(tokens, m.start);
    if (first < 0 || !(views[first].def || triggerEndingAt(gaz, views, first, 'org-head', first) || triggerEndingAt(gaz, views, first, 'loc-head', first))) continue;
    const last = tokenAt(tokens, m.end - 1);
    const k = last + 1;
    if (last < 0 || k >= tokens.length || tokens[k].sentence !== tokens[last].sentence || tokens[k].kind !== 'arabic') continue;
    if (tokens[k].start - m.end > 1) continue;
    const v = views[k];
    if (!v.def || v.pre || !isNationality(gaz, v)) continue;
    // a feminine adjective does not agree with a name that is one masculine nisba word: in «ميليشيات الحوثي
    // الإيرانية» it describes ميليشيات (broken plurals, which take feminine adjectives, do not end in ي)
    if (first === last && /ي$/.test(views[first].core) && /ه$/.test(v.core)) continue;
    if (c + 1 < kept.length && kept[c + 1].start < tokens[k].end) continue;
    kept[c] = { ...m, end: tokens[k].end, tokens: m.tokens + 1 };
  }
}
