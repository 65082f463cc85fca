import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import nlp from 'compromise';
import fc from 'fast-check';
import { normalise } from '../src/normalise';
import { segment } from '../src/segment';
import { recogniseQuotes, findQuotations } from '../src/recognise/quotes';
import { verbCue } from '../src/recognise/quotes/cues';
import type { EntityMention, Quote, SegmentedDoc } from '../src/types';
import { describeWithShared, sharedPath } from './helpers/shared';

function seg(text: string): SegmentedDoc {
  return segment(normalise({ id: 't', text, meta: {}, source: { path: '-', encoding: 'UTF-8', format: 'api' } }));
}

function quotes(text: string, entities: EntityMention[] = []): Quote[] {
  return recogniseQuotes({ ...seg(text), entities });
}

/** Code-point offset -> UTF-16 offset (gold files count code points). */
function cpToUnit(text: string): (cp: number) => number {
  const units: number[] = [];
  let u = 0;
  for (const ch of text) {
    units.push(u);
    u += ch.length;
  }
  units.push(u);
  return (cp) => units[cp];
}

const SEED = readFileSync(resolve(__dirname, '../corpus/000_d696bc9f1b5d4abe.txt'), 'utf8');
const SEED_GOLD = 'gold/000_d696bc9f1b5d4abe.gold.json';

interface GoldSpeaker { start: number; end: number; text: string; ref: string | null }
interface GoldQ { start: number; end: number; text: string; speaker?: GoldSpeaker; cue?: { start: number; end: number; text: string } }

describeWithShared('quotes on the seed article', [SEED_GOLD], () => {
  const gold = JSON.parse(readFileSync(sharedPath(SEED_GOLD), 'utf8')) as { quotes: GoldQ[]; entities: { type: string; start: number; end: number; text: string; ref?: string }[] };
  const u = cpToUnit(SEED);
  const goldQuotes = gold.quotes.map((q) => ({ ...q, start: u(q.start), end: u(q.end), speaker: q.speaker && { ...q.speaker, start: u(q.speaker.start), end: u(q.speaker.end) } }));
  const goldEntities: EntityMention[] = gold.entities
    .filter((e) => e.type === 'PER' || e.type === 'ORG' || e.type === 'LOC')
    .map((e) => ({ type: e.type as EntityMention['type'], start: u(e.start), end: u(e.end), text: SEED.slice(u(e.start), u(e.end)), confidence: 1, component: 'gazetteer' }));
  const refOf = (s: { start: number; end: number }) => gold.entities.find((e) => u(e.start) < s.end && u(e.end) > s.start)?.ref;

  for (const [label, entities] of [['without entity mentions', [] as EntityMention[]], ['with the gold entity mentions', goldEntities]] as const) {
    describe(label, () => {
      const found = quotes(SEED, entities);
      const speech = found.filter((q) => q.kind === 'speech');

      it('finds the 11 quotations with the gold inner spans, all speech', () => {
        expect(found).toHaveLength(11);
        expect(speech.map((q) => [q.start, q.end, q.text])).toEqual(goldQuotes.map((q) => [q.start, q.end, q.text]));
      });

      it('attributes all 11 to the gold speaker (same mention, or a mention of the same entity)', () => {
        speech.forEach((q, i) => {
          const g = goldQuotes[i].speaker!;
          expect(q.speaker).toBeDefined();
          const s = q.speaker!;
          const overlaps = s.start < g.end && s.end > g.start;
          const sameEntity = g.ref !== null && refOf(s) === g.ref;
          if (!overlaps && !sameEntity) throw new Error(`quote ${i}: speaker ${s.text} (${s.start}) vs gold ${g.text} (${g.start})`);
        });
      });

      it('records marks, cues and the way each speaker was found', () => {
        // `بذلك "`: the closing mark after a space is still the closing mark
        const q4 = speech[3];
        expect(q4.text.endsWith('بذلك')).toBe(true);
        expect(q4.close?.text).toBe('"');
        expect(SEED.slice(q4.close!.start, q4.close!.start + 2)).toBe('".');
        expect(speech[1].cue?.text).toBe('قالت');
        expect(speech[1].speaker).toMatchObject({ text: 'أمازون', via: 'explicit' });
        // وأضافت: feminine, dropped subject -> Amazon, not Parler named in between (رسالة إلى بارلر)
        expect(speech[2].cue?.text).toBe('وأضافت');
        expect(speech[2].speaker).toMatchObject({ text: 'أمازون', via: 'agreement' });
        // unnamed speaker kept as a description
        expect(speech[3].speaker).toMatchObject({ text: 'الرئيس التنفيذي لأمازون', description: 'الرئيس التنفيذي لأمازون' });
        expect(speech[4].cue?.text).toBe('وخلصت');
        // appositive name between commas
        expect(speech[5].speaker).toMatchObject({ text: 'جون ماتزي', via: 'explicit' });
        // لكنه أضاف: the pronoun's referent
        expect(speech[8].cue?.text).toBe('أضاف');
        expect(speech[8].speaker?.via).toBe('pronoun');
        expect(speech[8].speaker?.text).toContain('ماتزي');
        // no cue: continues the quotation before it
        expect(speech[10].cue).toBeUndefined();
        expect(speech[10].speaker).toMatchObject({ text: 'ماتزي', via: 'continuation' });
      });
    });
  }

  it("beats compromise's quotation finder (the baseline of PACKAGES.md)", () => {
    const baseline = (nlp(SEED).quotations().json({ offset: true }) as { offset: { start: number; length: number } }[])
      .map((q) => ({ start: q.offset.start, end: q.offset.start + q.offset.length }));
    const hits = (spans: { start: number; end: number }[]) => goldQuotes.filter((g) => spans.some((s) => s.start < g.end && s.end > g.start)).length;
    const theirs = hits(baseline);
    const ours = hits(quotes(SEED).filter((q) => q.kind === 'speech'));
    console.log(`seed quotations found: compromise ${theirs}/11, ours ${ours}/11`);
    expect(ours).toBe(11);
    expect(ours).toBeGreaterThan(theirs);
  });
});

describe('quotation marks', () => {
  it('pairs guillemets and keeps both marks', () => {
    const text = 'وتعد محطة «دوراليه للحاويات» التي قامت موانئ دبي العالمية بتصميمها وبنائها وتشغيلها.';
    const [q] = quotes(text);
    expect(q).toMatchObject({ text: 'دوراليه للحاويات', kind: 'term', open: { text: '«' }, close: { text: '»' } });
  });

  it('pairs curly quotes', () => {
    const [q] = quotes('وقالت الشرطة: “تم القبض على المشتبه به صباح اليوم في العاصمة”.');
    expect(q).toMatchObject({ text: 'تم القبض على المشتبه به صباح اليوم في العاصمة', kind: 'speech', open: { text: '“' }, close: { text: '”' } });
    expect(q.speaker?.text).toBe('الشرطة');
  });

  it('keeps a straight-quoted term nested in a guillemet quotation', () => {
    const text = 'وقال الوزير: «نرفض ما يسمى "صفقة القرن" جملة وتفصيلا».';
    const qs = quotes(text);
    expect(qs.map((q) => q.text)).toEqual(['نرفض ما يسمى "صفقة القرن" جملة وتفصيلا', 'صفقة القرن']);
    expect(qs[0]).toMatchObject({ kind: 'speech', speaker: { text: 'الوزير' } });
  });

  it('flags an unmatched opening mark and cuts the quotation at the end of its paragraph', () => {
    const text = 'وقال المتحدث: "لن نتراجع عن قرارنا مهما كانت الضغوط\nوفي سياق آخر، ارتفعت الأسعار في الأسواق.\nوأضاف "الأسعار مستقرة".';
    const qs = quotes(text);
    expect(qs[0]).toMatchObject({ text: 'لن نتراجع عن قرارنا مهما كانت الضغوط', partial: true });
    expect(qs[0].close).toBeUndefined();
    expect(qs[0].end).toBe(text.indexOf('\n'));
    // the next paragraph's pair is not disturbed
    expect(qs[1]).toMatchObject({ text: 'الأسعار مستقرة', kind: 'speech' });
    expect(qs[1].partial).toBeUndefined();
  });

  it('joins a quotation re-opened at the start of the next paragraph', () => {
    const text = 'وقال الرئيس: «هذه هي الفقرة الأولى من الكلام.\n«وهذه الفقرة الثانية منه».';
    const qs = quotes(text);
    expect(qs).toHaveLength(1);
    expect(qs[0].open.start).toBe(text.indexOf('«'));
    expect(qs[0].close?.start).toBe(text.lastIndexOf('»'));
    expect(qs[0].partial).toBeUndefined();
  });

  it('leaves apostrophes inside Latin words alone', () => {
    expect(findQuotations('Zeid Ra’ad al-Hussein said', [{ index: 0, start: 0, end: 26 }])).toEqual([]);
  });
});

describe('cue lexicon', () => {
  const tok = (w: string) => seg(w).tokens[0];
  it('knows every form with its agreement', () => {
    expect(verbCue(tok('قالت'))).toMatchObject({ agreement: 'f', form: 'past' });
    expect(verbCue(tok('وأضافت'))).toMatchObject({ agreement: 'f' });
    expect(verbCue(tok('يقول'))).toMatchObject({ agreement: 'm', form: 'imperf' });
    expect(verbCue(tok('مضيفاً'))).toMatchObject({ agreement: 'm', form: 'part' });
    expect(verbCue(tok('ادعت'))).toMatchObject({ agreement: 'f' });
    expect(verbCue(tok('اتهموا'))).toMatchObject({ agreement: 'pl' });
    expect(verbCue(tok('بين'))).toBeUndefined();
  });
});

describe('attribution on news sentences', () => {
  it('takes the appositive name after a title (VSO)', () => {
    const [q] = quotes('وقال رئيس الوزراء الأسترالي، مالكولم تورنبول، إن الأمر يتعلق بـ"عنصري استخبارات غير مصرح بهما"، موضحاً أن أمامها 7 أيام للمغادرة.');
    expect(q).toMatchObject({ kind: 'speech', text: 'عنصري استخبارات غير مصرح بهما', cue: { text: 'وقال' }, speaker: { text: 'مالكولم تورنبول', via: 'explicit' } });
  });

  it('resolves a dropped subject to the last speaker named before the verb (SVO, then وقال)', () => {
    const text = 'غير أن وزير الخزانة الأميركي، ستيفن منوتشين، رأى، السبت، أن التوتر التجاري قد يكون جيدا للاقتصاد العالمي.\nوقال إن "علاقة أكثر توازنا وإنصافا ستكون جيدة للشركات الأميركية".';
    const [q] = quotes(text);
    expect(q.speaker).toMatchObject({ text: 'ستيفن منوتشين', via: 'agreement' });
  });

  it('reads وفقا لـ with the speaker after the proclitic', () => {
    const [q] = quotes('ووفقاً لتورنبول، فإن هذا الهجوم جزء من "سلوك خطير ومتعمد من الدولة الروسية يشكل تهديداً متزايداً للأمن الدولي".');
    expect(q.kind).toBe('speech');
    expect(q.speaker).toMatchObject({ text: 'تورنبول' });
    expect(q.cue?.text).toBe('ووفقاً ل');
  });

  it('takes a post-posed cue (بحسب ما أعلن) and the name closing a description', () => {
    const [q] = quotes('تبحث الصين عن "حل بناء" لتفادي حرب تجارية مع الولايات المتحدة ستضر بالاقتصاد العالمي، بحسب ما أعلن حاكم البنك المركزي الصيني يي غانغ، الأحد، في إندونيسيا.');
    expect(q).toMatchObject({ kind: 'speech', text: 'حل بناء', cue: { text: 'بحسب ما أعلن' }, speaker: { text: 'يي غانغ' } });
  });

  it('keeps an unnamed speaker as its description', () => {
    const [q] = quotes('أعلن المتحدث باسم المدعية العامة في لوس أنجلس أنها ستنظر في الاتهامات التي وجهت إلى الممثل الأمريكي كيفين سبايسي، بارتكاب "سلوكيات جنسية غير ملائمة".');
    expect(q.kind).toBe('speech');
    expect(q.speaker).toMatchObject({ text: 'المتحدث باسم المدعية العامة', description: 'المتحدث باسم المدعية العامة' });
  });

  it('tells a quoted name (term) from the quotation it then speaks (speech)', () => {
    const qs = quotes('وأشار موقع "تي إم زي" المتخصص في أخبار المشاهير إلى أن الملف لن يفضي إلى ملاحقات لأنه يتناول أحداثا "حصلت في التسعينات وسقطت بمرور الزمن".');
    expect(qs.map((q) => [q.text, q.kind])).toEqual([['تي إم زي', 'term'], ['حصلت في التسعينات وسقطت بمرور الزمن', 'speech']]);
    expect(qs[1].speaker?.text).toBe('تي إم زي');
  });

  it('makes a newspaper title a term', () => {
    const qs = quotes('وولد الطفل في ديسمبر لأم بديلة من جمهورية لاو، وكانت صحيفة "بيكين نيوز" أول ما نشر القضية هذا الأسبوع.');
    expect(qs).toHaveLength(1);
    expect(qs[0]).toMatchObject({ kind: 'term', text: 'بيكين نيوز' });
    expect(qs[0].speaker).toBeUndefined();
  });

  it('reads «وقال المجلس» as the council named in full before', () => {
    const text = 'واتهم "المجلس الوطني للمقاومة الإيرانية" المعارض في المنفى النظام الإيراني بالوقوف وراء محاولة تفجير التجمع.\nوقال المجلس، الذي يضم العديد من المنظمات الإيرانية المعارضة، في بيان إن "الإرهابيين من نظام الملالي خططوا لهذا الهجوم".';
    const qs = quotes(text);
    expect(qs[0]).toMatchObject({ kind: 'term', text: 'المجلس الوطني للمقاومة الإيرانية' });
    expect(qs[1].kind).toBe('speech');
    expect(qs[1].speaker).toMatchObject({ start: qs[0].start, end: qs[0].end });
  });

  it('resolves a definite description to the person it named before', () => {
    const text = 'وقال زيد في مؤتمر صحفي إن "هذه الهجمات لا يمكن أن تمر دون رد عليها".\nواعتبر المسؤول الأممي أن هجمات الرئيس الفلبيني على أنصار حقوق الإنسان "غير مقبولة على الإطلاق".';
    const qs = quotes(text);
    expect(qs[1].speaker?.text).toBe('زيد');
  });

  it('snaps a speaker to an overlapping entity mention, preferring the person', () => {
    const text = 'وأكد حاكم البنك المركزي الصيني يي غانغ أن الخلافات التجارية "تولد توقعات سلبية وغموضا سلبيا".';
    const ent = (s: string, type: EntityMention['type']): EntityMention => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s, type, confidence: 1, component: 'model' });
    const [q] = quotes(text, [ent('البنك المركزي الصيني', 'ORG'), ent('يي غانغ', 'PER')]);
    expect(q.speaker).toMatchObject({ text: 'يي غانغ', via: 'explicit' });
  });

  it('reads a quoted name between the verb and the reported words as the speaker', () => {
    const qs = quotes('وقالت "ستاندارد اند بورز" إن "استقرارا سياسيا أكبر يفترض أن يدعم اقتصاد اليونان ومصارفها".');
    expect(qs.map((q) => [q.text, q.kind])).toEqual([['ستاندارد اند بورز', 'term'], ['استقرارا سياسيا أكبر يفترض أن يدعم اقتصاد اليونان ومصارفها', 'speech']]);
    expect(qs[1].speaker).toMatchObject({ start: qs[0].start, end: qs[0].end });
  });

  it('gives the words to the one quoted, not to the agency relaying them (نقلت … عن)', () => {
    const [q] = quotes('ونقلت وكالة رويترز عن أوليفييه جاكوب محلل النفط لدى بتروماتركس "المخزونات تتعزز... إنه اتجاه مستمر. أسبوع بعد أسبوع، بدأ الأثر يظهر".');
    expect(q.kind).toBe('speech');
    expect(q.speaker?.text).toBe('أوليفييه جاكوب');
  });

  it('makes a bare one-word name and a source after بحسب terms', () => {
    expect(quotes('ونقلت وكالة الإعلام الروسية عن مصدر قوله إن روسيا قررت تعليق كل رحلات الفضاء المأهولة بعد حادث "سويوز".')[0]).toMatchObject({ text: 'سويوز', kind: 'term' });
    expect(quotes('ما جرى سابقا، بحسب "البوابة العربية للأخبار التقنية"، هو تعطيل التحميل التلقائي.')[0]).toMatchObject({ kind: 'term' });
    // a one-word quotation with a preposition attached is still someone's word
    expect(quotes('وفي منتصف عام 2016، هدد الرئيس الفلبيني "بالانفصال" عن الأمم المتحدة بعد انتقادها لحربه على المخدرات.')[0]).toMatchObject({ kind: 'speech', text: 'بالانفصال' });
  });

  it('takes a long description before the verb (SVO) and keeps time adverbs out of speakers', () => {
    const qs = quotes('وقال الرئيس الأمريكي انذاك إن العبارة كانت رسالة إلى "وسائل الإعلام التي تروج للأخبار الكاذبة"، لكن رئيسة مكتب الاتصال الخاص بميلانيا أكدت أنه "مجرد معطف".');
    expect(qs[0].speaker).toMatchObject({ text: 'الرئيس الأمريكي', description: 'الرئيس الأمريكي' });
    expect(qs[1].speaker).toMatchObject({ text: 'رئيسة مكتب الاتصال الخاص بميلانيا', via: 'explicit' });
  });

  it('gives a participle the subject of the speech verb of its own sentence, not a name in between', () => {
    const text = 'وذكر ترمب في تغريدته اليوم أنه والرئيس الصيني شي جين بينغ سيظلان دائماً "صديقين رغم الخلاف"، مضيفاً: "ستزيل الصين حواجزها التجارية نظراً لأن ذلك هو الصواب".';
    const at = text.indexOf('شي جين بينغ');
    const qs = quotes(text, [{ start: at, end: at + 11, text: 'شي جين بينغ', type: 'PER', confidence: 1, component: 'model' }]);
    expect(qs[1]).toMatchObject({ cue: { text: 'مضيفاً' }, speaker: { text: 'ترمب', via: 'agreement' } });
  });

  it('reads the subject before a weak verb, an appositive name before a title, a name after an activist', () => {
    expect(quotes('رغم أن الشمال اتهم وفده بتقديم مطالب "بأسلوب العصابات" فيما يتصل بنزع السلاح النووي.')[0].speaker?.text).toBe('الشمال');
    expect(quotes('وأعلن السنتاتور الديمقراطي، مارك وورنر، نائب رئيس اللجنة أنه واثق من قدرتها على "الوقوف بوجه الرئيس إذا تلقت أمرا".')[0].speaker?.text).toBe('مارك وورنر');
    expect(quotes('إذ قال الناشط بلال أبو صلاح لـ CNN: "نحن لا نثق بقرار روسيا بإيقاف إطلاق النار".')[0].speaker?.text).toBe('بلال أبو صلاح');
  });

  it('keeps a short quoted name inside the speaker phrase a term', () => {
    const qs = quotes('ويقول نيكولا رفعت من مكتب المشورات "بيرينغ بوينت" إن "وسائل الإعلام المدمجة في المنصات قد تكبدت أصلا خسائر".');
    expect(qs.map((q) => q.kind)).toEqual(['term', 'speech']);
  });

  it('reads a cue verb carrying an object pronoun and a cue after the quotation (كما قال)', () => {
    const qs = quotes('واستنكر وزير الخارجية الروسي سيرغي لافروف الاتهامات البريطانية اليوم الاثنين ووصفها بأنها "استفزاز طائش وبشع".');
    expect(qs[0]).toMatchObject({ kind: 'speech', cue: { text: 'ووصفها' }, speaker: { text: 'سيرغي لافروف', via: 'agreement' } });
    const [q] = quotes('وتصر عائلة الزوج المقتول على تنفيذ حكم الإعدام لأن الفتاة "جرحت كبرياءهم بقتلها لابنهم بالسكين"، كما قال أحد أقاربها لبي بي سي.');
    expect(q).toMatchObject({ kind: 'speech', cue: { text: 'قال' }, speaker: { text: 'أحد أقاربها' } });
  });

  it('keeps prepositions with pronouns and time words out of speakers', () => {
    expect(quotes('وحمل بعض المتظاهرين لافتات كتب عليها "راخوي، أيها اللص، إنك تسرق معاش تقاعدي"، بينما اتهمت لافتات أخرى الحكومة.')[0].speaker?.text).not.toBe('عليها');
    expect(quotes('وقال مصدر أوروبي بعيد منتصف ليل الخميس الجمعة، "لدينا اتفاق حول اليونان"، وذلك بعد ست ساعات من اجتماع.')[0].speaker).toMatchObject({ text: 'مصدر أوروبي', description: 'مصدر أوروبي' });
  });

  it('makes a so-called name a term and does not read نقل (transfer) as a cue', () => {
    expect(quotes('وأوضح المسؤول أن الحل الذي يتم البحث عنه هو ما يسمى بـ "خيار الوسائط المتعددة" والذي يمكن أن يتضمن حفلا موسيقيا.')[0].kind).toBe('term');
    const [q] = quotes('وقالت الوزارة إنه متهم بمحاولة نقل معلومات دفاعية إلى الصين وتلقي "مئات الآلاف من الدولارات" مقابل عمله.');
    expect(q.cue?.text).toBe('وقالت');
  });

  it('prefers an organisation to a place for a dropped feminine subject', () => {
    const text = 'ورجحت وزارة الخارجية الفرنسية بشدة أن تكون الأدلة اختفت من موقع هجوم دوما.\nوقالت قبل دخول المفتشين، في بيان: "حتى اليوم ترفض روسيا وسوريا السماح للمفتشين بدخول موقع الهجوم".';
    const ent = (s: string, type: EntityMention['type']): EntityMention => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s, type, confidence: 1, component: 'model' });
    const [q] = quotes(text, [ent('وزارة الخارجية الفرنسية', 'ORG'), ent('دوما', 'LOC')]);
    expect(q.speaker).toMatchObject({ text: 'وزارة الخارجية الفرنسية', via: 'agreement' });
  });
});

describe('more news constructions', () => {
  it('finds the one quoted behind an agency a few words on (نقلت … عن روحاني قوله)', () => {
    const [q] = quotes('ونقلت وكالة الطلبة الإيرانية للأنباء عن روحاني قوله أمام حشد من الدبلوماسيين الإيرانيين: "يا سيد ترامب لا تعبث بذيل الأسد".');
    expect(q.speaker?.text).toBe('روحاني');
  });

  it('keeps a definite company as its own phrase and reads the antecedent of التي', () => {
    expect(quotes('وقالت الشركة الفرنسية في بيان "جامعة الفلبين ولجنة الخبراء أكدوا أن الوفاة غير مرتبطة باللقاح".')[0].speaker?.text).toBe('الشركة الفرنسية');
    expect(quotes('ولم تكن الإجراءات كافية لإطفاء غضب الوزيرة التي قالت: "لقد فشلت أوكسفام تحت قيادة ديم باربرا ستوكنغ".')[0].speaker?.text).toBe('الوزيرة');
  });

  it('makes hashtags named by a head noun and names with numbers terms', () => {
    expect(quotes('وانتقد آخرون الصورة ونشروا وسما "أين الأطفال؟"، وفق ما ذكرت وكالة فرانس برس.')[0].kind).toBe('term');
    expect(quotes('وأضاف أبو زيد، أن الجانبين تشاورا حول العملية الشاملة "سيناء 2018" وتطورها.')[0].kind).toBe('term');
  });
});

describe('gender of persons for dropped subjects', () => {
  it('reads a woman from the feminine verb before her name', () => {
    const text = 'كما أسفت بونثيلا لانخفاض الصادرات الإسبانية نحو الجزائر بسبب القيود التي تفرضها على موقع تويتر.\nورغم ذلك، أكدت أن إسبانيا "لا تعتبر العجز التجاري مع الجزائر مشكلة".';
    const ent = (s: string, type: EntityMention['type']): EntityMention => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s, type, confidence: 1, component: 'model' });
    const [q] = quotes(text, [ent('بونثيلا', 'PER'), ent('الجزائر', 'LOC'), ent('تويتر', 'ORG')]);
    expect(q.speaker).toMatchObject({ text: 'بونثيلا', via: 'agreement' });
  });
});

describe('invariants on generated text', () => {
  const POOL = ['قال', 'وأضافت', 'الرئيس', 'ماتزي', 'إن', 'أن', 'بحسب', 'مضيفا', ' ', ' ', ' ', '"', '"', '«', '»', '“', '”', '‘', '’', '،', '.', ':', '\n', 'لـ', 'بـ', '😀', 'a'];
  it('spans carry their text, marks bracket the words, partial quotes stay in their paragraph', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...POOL), { maxLength: 50 }).map((a) => a.join(' ').replace(/ {2,}/g, ' ')), (text) => {
        const doc = seg(text);
        for (const q of recogniseQuotes({ ...doc, entities: [] })) {
          expect(text.slice(q.start, q.end)).toBe(q.text);
          expect(q.text).toBe(q.text.trim());
          expect(q.open.end).toBeLessThanOrEqual(q.start);
          if (q.close) expect(q.close.start).toBeGreaterThanOrEqual(q.end);
          else {
            expect(q.partial).toBe(true);
            const para = doc.paragraphs.find((p) => p.start <= q.open.start && q.open.start < p.end)!;
            expect(q.end).toBeLessThanOrEqual(para.end);
          }
          for (const s of [q.cue, q.speaker]) if (s) expect(text.slice(s.start, s.end)).toBe(s.text);
        }
      }),
      { numRuns: 300 },
    );
  });
});

