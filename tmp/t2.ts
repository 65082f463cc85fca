import { tokeniseView } from '../src/segment/tokenise';
const v = 'ذكر تقرير نشرته مجلة Forbes أن "Parler الذي، 6.3 مليار U.S. https://x.com/a?b=1. #هاشتاج a@b.com COVID-19 ... 😀 ١٢٣';
console.log(tokeniseView(v).map(t => v.slice(t.start, t.end) + '/' + t.kind).join(' | '));
