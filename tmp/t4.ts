import { lexiconFromLines } from '../src/segment/clitics';
const lex = lexiconFromLines(require('../resources/lexicon.json').words);
for (const w of 'بشكل شكل وأضافت أضافت وزير زير وزارة زارة زاره بالفعل الفعل لاستضافة استضافة فيلم يلم ولد لد بحث حث وصل صل بيان يان والله ولكن لكن وقال قال فقط قط وفد فد ولاية لاية بلد لد كبير بير لبنان بنان وجه جه ليبيا يبيا كما ما فهم هم فرنسا ورد رد وعد عد بدأ دأ ويقول يقول فيما وهو هو وكان كان لها للغاية غاية'.split(' ')) console.log(w, lex.freq(w));
