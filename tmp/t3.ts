import { segmentWord, lexiconFromLines } from '../src/segment/clitics';
const lex = lexiconFromLines(require('../resources/lexicon.json').words);
const ws = 'وزير فيلم بارلر وأمازون لأمازون للصين بالفعل وجوجل وآبل إلغاء حكومتها حكومة والذي وقال كان كأن فيه منه له بها عربي بنك كتابه الأمير الكابيتول وخلصت وأضافت لكنه للمستخدمين لاستضافتنا سيقطع وسيقطع بشكل ولد والتي الإنترنت'.split(' ');
for (const w of ws) console.log(w, segmentWord(w, lex).map(p => `${w.slice(p.start,p.end)}(${p.role[0]})`).join(' + '));
