import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { normalise } from '../src/normalise';
import { segment, segmentWord, defaultLexicon } from '../src/segment';
import { toArticle } from '../src/pipeline';
import type { SegmentedDoc } from '../src/types';

const SEED = readFileSync(resolve(__dirname, '../corpus/000_d696bc9f1b5d4abe.txt'), 'utf8');

function seg(text: string): SegmentedDoc {
  return segment(normalise(toArticle({ text })));
}

const sentenceTexts = (d: SegmentedDoc) => d.sentences.map((s) => d.text.slice(s.start, s.end));
const tokenTexts = (d: SegmentedDoc) => d.tokens.map((t) => t.text);
/** A word's clitic parts as written, joined with +. */
const parts = (w: string) => segmentWord(w, defaultLexicon()).map((p) => w.slice(p.start, p.end)).join('+');

describe('paragraphs and sentences', () => {
  const d = seg(SEED);

  test('the seed has 10 paragraphs (its non-blank lines)', () => {
    expect(d.paragraphs).toHaveLength(10);
    expect(d.text.slice(d.paragraphs[0].start, d.paragraphs[0].end)).toBe('القاهرة : الأمير كمال فرج.');
  });

  test('a full stop inside a quotation that goes on does not end the sentence', () => {
    // «… تعديل المحتوى. حيث يقوم …» is one quotation: the sentence runs to its closing mark and the full stop
    const s = sentenceTexts(d).find((x) => x.startsWith('وأضافت'));
    expect(s).toBe('وأضافت "يبدو أيضًا أن بارلر لا يزال يحاول تحديد موقفه من تعديل المحتوى. حيث يقوم بإزالة بعض المحتوى الضار عند الاتصال بنا أو من قبل الآخرين ، ولكن ليس دائمًا بشكل عاجل".');
  });

  test('sentences end at full stops outside quotes, and closing quotes stay with their sentence', () => {
    const ss = sentenceTexts(d);
    expect(ss).toContain('وأضاف ماتزي: "بارلر هو موقفي الأخير على الإنترنت".');
    expect(ss).toContain('"لن أقوم بإنشاء حساب على أي مواقع اجتماعية. بارلر هو بيتي ".');
    expect(ss).toContain('لكن كان قرار أمازون وقف استضافة الشبكة ، اعتبارًا من الساعة 8 صباحًا يوم الاثنين بتوقيت المملكة المتحدة ، بمثابة الضربة القاتلة.');
    // sentences never cross a paragraph
    for (const s of d.sentences) expect(d.text.slice(s.start, s.end)).not.toContain('\n');
  });

  test('؟ ! and … end sentences; decimals, single-letter and Latin abbreviations do not', () => {
    const t = seg('هل انتهى الأمر؟ نعم! ارتفع المؤشر 6.3 بالمئة… وقال د. محمد إن Mr. Smith وصل. انتهى');
    expect(sentenceTexts(t)).toEqual(['هل انتهى الأمر؟', 'نعم!', 'ارتفع المؤشر 6.3 بالمئة…', 'وقال د. محمد إن Mr. Smith وصل.', 'انتهى']);
  });

  test('a newline ends a sentence', () => {
    expect(sentenceTexts(seg('السطر الأول بلا نقطة\nالسطر الثاني'))).toEqual(['السطر الأول بلا نقطة', 'السطر الثاني']);
  });
});

describe('tokens', () => {
  test('Arabic comma and other punctuation split off, Arabic-Indic numbers kept whole', () => {
    const d = seg('قال ترامب، في ١٥ رمضان ١٤٣٩ هـ: «نعم»؛ وارتفع 3.5٪');
    expect(tokenTexts(d)).toEqual(['قال', 'ترامب', '،', 'في', '١٥', 'رمضان', '١٤٣٩', 'هـ', ':', '«', 'نعم', '»', '؛', 'وارتفع', '3.5', '٪']);
    expect(d.tokens.find((t) => t.text === '١٤٣٩')).toMatchObject({ kind: 'number', norm: '1439' });
  });

  test('Latin words, URLs, hashtags, mentions and emails are single tokens', () => {
    const d = seg('نشرت Forbes على https://www.forbes.com/sites/x?id=1. وسم #بارلر و@Parler والبريد info@parler.com');
    expect(tokenTexts(d)).toEqual(['نشرت', 'Forbes', 'على', 'https://www.forbes.com/sites/x?id=1', '.', 'وسم', '#بارلر', 'و', '@Parler', 'والبريد', 'info@parler.com']);
    expect(d.tokens.map((t) => t.kind)).toEqual(['arabic', 'latin', 'arabic', 'url', 'punct', 'arabic', 'hashtag', 'arabic', 'mention', 'arabic', 'email']);
  });

  test('every token text is exactly the original slice, even with diacritics, tatweel and bidi marks', () => {
    const text = 'وَأَمَازُونُ \u200Fقالـــت: "نعم"';
    const d = seg(text);
    for (const t of d.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokenTexts(d)).toEqual(['وَأَمَازُونُ', 'قالـــت', ':', '"', 'نعم', '"']);
    expect(d.tokens[1].norm).toBe('قالت');
  });
});

describe('clitic segmentation', () => {
  test('words whose first letter looks like a clitic stay whole (lexicon)', () => {
    for (const w of ['وزير', 'فيلم', 'بارلر', 'وزارة', 'بيان', 'كبير', 'لبنان', 'ولد', 'إلغاء', 'حكومة', 'الذي', 'كان', 'بنك', 'عربي']) {
      expect(parts(w)).toBe(w);
    }
  });

  test('proclitics: conjunctions, prepositions, future, article and the «لل» contraction', () => {
    expect(parts('وأمازون')).toBe('و+أمازون');
    expect(parts('لأمازون')).toBe('ل+أمازون');
    expect(parts('وجوجل')).toBe('و+جوجل');
    expect(parts('وآبل')).toBe('و+آبل');
    expect(parts('للصين')).toBe('ل+ل+صين');
    expect(parts('بالفعل')).toBe('ب+ال+فعل');
    expect(parts('الإنترنت')).toBe('ال+إنترنت');
    expect(parts('وسيقطع')).toBe('و+س+يقطع');
    expect(parts('وأضافت')).toBe('و+أضافت');
  });

  test('enclitic pronouns, with teh marbuta restored for the look-up', () => {
    expect(parts('كتابه')).toBe('كتاب+ه');
    expect(parts('حكومتها')).toBe('حكومت+ها');
    expect(parts('لاستضافتنا')).toBe('ل+استضافت+نا');
    expect(parts('دعمهم')).toBe('دعم+هم');
    expect(parts('لها')).toBe('ل+ها');
    expect(parts('بيانًا')).toBe('بيانًا'); // tanwin, not the pronoun نا
    expect(parts('أدائه')).toBe('أدائ+ه'); // hamza seat: looked up as أداء
    expect(parts('القانوني')).toBe('ال+قانوني'); // nisba adjective, not القانون + ي
  });

  test('segments in a document carry original offsets and the article form', () => {
    const d = seg('بعد حظر وأبل للصين');
    const tok = d.tokens.find((t) => t.text === 'للصين')!;
    expect(tok.segments!.map((s) => [d.text.slice(s.start, s.end), s.role, s.form])).toEqual([
      ['ل', 'proclitic', 'ل'],
      ['ل', 'proclitic', 'ال'],
      ['صين', 'stem', 'صين'],
    ]);
    const abl = d.tokens.find((t) => t.text === 'وأبل')!;
    expect(abl.segments!.map((s) => [d.text.slice(s.start, s.end), s.form])).toEqual([
      ['و', 'و'],
      ['أبل', 'ابل'],
    ]);
  });
});

describe('dateline and byline', () => {
  test('the seed: place «القاهرة» and author «الأمير كمال فرج»', () => {
    const d = seg(SEED);
    expect(d.header.dateline).toEqual({ start: 0, end: 7, text: 'القاهرة' });
    expect(d.header.byline).toEqual({ start: 10, end: 25, text: 'الأمير كمال فرج' });
  });
  test('a dateline with an agency before the story', () => {
    const d = seg('بيروت (رويترز) - قال مسؤولون إن الاجتماع تأجل.');
    expect(d.header.dateline?.text).toBe('بيروت');
    expect(d.header.byline).toBeUndefined();
  });
  test('an ordinary first sentence is no dateline', () => {
    expect(seg('قالت الوزارة: إن الاجتماع تأجل.').header).toEqual({});
    expect(seg('أعلنت الحكومة المصرية اليوم عن خطة جديدة.').header).toEqual({});
  });
});
