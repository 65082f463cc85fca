import { normaliseText, viewToOriginal } from '../src/normalise';
const t = 'وَأمازون ـــ كتـاب ﻻ 😀 «قال» ١٢٣ \u200Fبارلر';
const n = normaliseText(t);
console.log(JSON.stringify(n.view));
console.log(viewToOriginal(n, 0, 1), viewToOriginal(n, 1, 7), JSON.stringify(t.slice(viewToOriginal(n,1,7).start, viewToOriginal(n,1,7).end)));
