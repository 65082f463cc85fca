import { link, skeleton } from '../src/link';
import { normalise } from '../src/normalise';
import { segment } from '../src/segment';
import { recogniseEntities } from '../src/recognise/entities';
import { toArticle } from '../src/pipeline';
import type { Quote, RecognisedDoc } from '../src/types';

function recognised(text: string, quotes: Quote[] = []): RecognisedDoc {
  const doc = segment(normalise(toArticle({ text })));
  return { ...doc, entities: recogniseEntities(doc), timexes: [], quotes };
}

describe('transliteration skeletons', () => {
  test.each([
    ['بارلر', 'Parler'],
    ['جوجل', 'Google'],
    ['غوغل', 'Google'],
    ['أمازون', 'Amazon'],
    ['أبل', 'Apple'],
    ['فوربس', 'Forbes'],
    ['تويتر', 'Twitter'],
    ['زينديسك', 'Zendesk'],
    ['نتفليكس', 'Netflix'],
  ])('%s ~ %s', (ar, la) => {
    expect(skeleton(ar)).toBe(skeleton(la));
    expect(skeleton(ar).length).toBeGreaterThanOrEqual(2);
  });
  test.each([
    ['أمازون', 'Google'],
    ['بارلر', 'Apple'],
    ['تويتر', 'Forbes'],
  ])('%s !~ %s', (ar, la) => {
    expect(skeleton(ar)).not.toBe(skeleton(la));
  });
});

describe('entity table', () => {
  test('Arabic and Latin spellings of one company are one entity, with both names', () => {
    // Zendesk / زينديسك are linked by the skeleton alone: the hand list spells it زينديسك, so use a name no list has
    const d = link(recognised('أعلنت شركة "كلاودفلير" نتائجها. وقالت Cloudflare إن أرباحها ارتفعت.'));
    const names = d.entities.map((e) => e.text);
    expect(names).toEqual(expect.arrayContaining(['كلاودفلير', 'Cloudflare']));
    const ids = new Set(d.entities.filter((e) => ['كلاودفلير', 'Cloudflare'].includes(e.text)).map((e) => e.entity));
    expect(ids.size).toBe(1);
    const entry = d.entityTable.find((e) => e.id === [...ids][0])!;
    expect(entry).toMatchObject({ type: 'ORG', nameAr: 'كلاودفلير', nameLatin: 'Cloudflare' });
  });

  test('spelling variants and the Latin name: أبل = آبل = Apple', () => {
    const d = link(recognised('حظرت أبل التطبيق. وقالت آبل في بيان إن Apple لن تتراجع.'));
    const ids = new Set(d.entities.map((e) => e.entity));
    expect(d.entities.map((e) => e.text)).toEqual(['أبل', 'آبل', 'Apple']);
    expect(ids.size).toBe(1);
    expect(d.entityTable).toHaveLength(1);
    expect(d.entityTable[0].nameLatin).toBe('Apple');
  });

  test('a surname alone is the person named in full earlier (ماتزي -> جون ماتزي)', () => {
    const d = link(recognised('قال الرئيس التنفيذي للشركة، جون ماتزي، للمستخدمين إن الموقع سيعود. ونشر ماتزي بيانا جديدا.'));
    const full = d.entities.find((e) => e.text === 'جون ماتزي');
    const short = d.entities.find((e) => e.text === 'ماتزي');
    expect(full?.entity).toBeDefined();
    expect(short?.entity).toBe(full?.entity);
    const entry = d.entityTable.find((e) => e.id === full!.entity)!;
    expect(entry.nameAr).toBe('جون ماتزي');
    expect(entry.mentions.map((i) => d.entities[i].text)).toEqual(['جون ماتزي', 'ماتزي']);
  });

  test('different people with different names stay apart', () => {
    const d = link(recognised('التقى الرئيس الروسي فلاديمير بوتين الرئيس الأمريكي دونالد ترامب في هلسنكي.'));
    const per = d.entities.filter((e) => e.type === 'PER');
    expect(per.map((e) => e.text)).toEqual(['فلاديمير بوتين', 'دونالد ترامب']);
    expect(per[0].entity).not.toBe(per[1].entity);
  });

  test('every mention points at the entry that lists it', () => {
    const d = link(recognised('قالت أمازون في رسالة إلى بارلر إن Parler لم يحذف المحتوى، وإن أمازون ستوقف الخدمة.'));
    d.entityTable.forEach((entry) => {
      for (const i of entry.mentions) expect(d.entities[i].entity).toBe(entry.id);
    });
    expect(d.entityTable.reduce((n, e) => n + e.mentions.length, 0)).toBe(d.entities.length);
  });
});

describe('quote speakers', () => {
  const text = 'قال الرئيس التنفيذي للشركة، جون ماتزي، إن الموقع سيعود. وقال ماتزي: "بارلر هو بيتي".';
  const span = (s: string, from = 0) => {
    const start = text.indexOf(s, from);
    return { start, end: start + s.length, text: s };
  };
  const quoteText = span('بارلر هو بيتي');
  const quote = (speaker: { start: number; end: number; text: string }): Quote => ({
    ...quoteText,
    kind: 'speech',
    open: { start: quoteText.start - 1, end: quoteText.start, text: '"' },
    close: { start: quoteText.end, end: quoteText.end + 1, text: '"' },
    speaker: { ...speaker, via: 'explicit' },
    confidence: 0.9,
  });

  test('a speaker span on a mention takes that mention’s entity', () => {
    const d = link(recognised(text, [quote(span('ماتزي', text.indexOf('وقال')))]));
    const full = d.entities.find((e) => e.text === 'جون ماتزي')!;
    expect(d.quotes[0].speaker?.entity).toBe(full.entity);
  });

  test('a speaker phrase that ends with a known name takes that entity', () => {
    const d = link(recognised(text, [quote(span('الرئيس التنفيذي للشركة، جون ماتزي'))]));
    expect(d.quotes[0].speaker?.entity).toBe(d.entities.find((e) => e.text === 'جون ماتزي')!.entity);
  });

  test('an unnamed speaker gets no entity', () => {
    const d = link(recognised(text, [quote(span('الرئيس التنفيذي'))]));
    expect(d.quotes[0].speaker?.entity).toBeUndefined();
  });
});
