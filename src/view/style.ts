/**
 * Colours and the legend. Entities are shown by background colour, temporal expressions by a coloured underline,
 * quotes by a tinted band with coloured quotation marks, cues in bold and speakers framed: different visual
 * channels, so nested annotations (a date inside a quote, an entity that is also the speaker) stay readable.
 */
export const ENTITY_COLOURS: Record<string, string> = {
  PER: '#ffd6a5',
  ORG: '#b9e4c9',
  LOC: '#bcd7ff',
  GPE: '#a8d8ea',
  FAC: '#d7c4f0',
  NORP: '#f9c6d0',
  EVENT: '#f2e394',
  MISC: '#e0e0e0',
};
export const OTHER_ENTITY_COLOUR = '#e6dcf5';

export const TIMEX_COLOURS: Record<string, string> = {
  DATE: '#c0392b',
  TIME: '#d35400',
  DURATION: '#8e44ad',
  SET: '#16a085',
};

export const TYPE_LABELS_AR: Record<string, string> = {
  PER: 'شخص',
  ORG: 'مؤسسة',
  LOC: 'مكان',
  DATE: 'تاريخ',
  TIME: 'وقت',
  DURATION: 'مدة',
  SET: 'تكرار',
};

const BASE_CSS = `
:root{--fg:#1d2330;--muted:#5d6677;--line:#d9dee7;--bg:#fbfbfd;--hl:#ffe066;--sel:#ff922b}
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Naskh Arabic","Amiri","Arial",sans-serif;color:var(--fg);background:var(--bg);line-height:1.9}
a{color:#1c5fb8}
header.top{padding:12px 20px;border-bottom:1px solid var(--line);background:#fff}
header.top h1{margin:0 0 4px;font-size:1.4em;line-height:1.5}
.meta{color:var(--muted);font-size:.9em}
.meta span+span:before{content:" · "}
bdi.ltr,.ltr{direction:ltr;unicode-bidi:isolate}
`;

export function articleCss(entityTypes: string[], timexTypes: string[]): string {
  const ent = entityTypes.map((t) => `.m.t-${t}{background:${ENTITY_COLOURS[t] ?? OTHER_ENTITY_COLOUR}}.sw.t-${t}{background:${ENTITY_COLOURS[t] ?? OTHER_ENTITY_COLOUR}}`).join('');
  const tx = timexTypes.map((t) => `.tx.t-${t}{text-decoration-color:${TIMEX_COLOURS[t] ?? '#7f8c8d'}}.sw.tx-sw.t-${t}{border-bottom-color:${TIMEX_COLOURS[t] ?? '#7f8c8d'}}`).join('');
  return `${BASE_CSS}
main.layout{display:grid;grid-template-columns:minmax(0,1fr) 320px;gap:0;min-height:calc(100vh - 90px)}
#text{padding:20px 28px;font-size:1.2em;white-space:pre-wrap;overflow-wrap:anywhere;max-width:60em}
aside.panel{border-inline-start:1px solid var(--line);background:#fff;padding:12px 14px;font-size:.92em;position:sticky;top:0;max-height:100vh;overflow:auto}
aside h2{font-size:1.05em;margin:14px 0 6px}
.m{background:${OTHER_ENTITY_COLOUR};border-radius:3px;padding:0 1px;cursor:pointer}
.tx{text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:5px;text-decoration-color:#7f8c8d}
.q{background:#eef4fb;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.q.q-term{background:#f4f4f4}
.qm{color:#1c5fb8;font-weight:bold}
.cue{font-weight:bold;text-decoration-line:underline;text-decoration-style:dotted}
.spk{outline:1px dashed #6c757d;outline-offset:1px;border-radius:3px}
.hl,.q.hl{background:var(--hl)!important;outline:2px solid #e8590c;outline-offset:1px}
.sel{outline:3px solid var(--sel);outline-offset:1px}
${ent}${tx}
.legend{display:flex;flex-wrap:wrap;gap:4px 12px;margin:0;padding:0;list-style:none}
.legend li{white-space:nowrap}
.sw{display:inline-block;min-width:2.2em;text-align:center;border-radius:3px;padding:0 4px}
.sw.tx-sw{border-bottom:3px solid #7f8c8d;border-radius:0}
table.ents{border-collapse:collapse;width:100%}
table.ents td{padding:2px 4px;border-bottom:1px solid #eef0f4;vertical-align:top}
table.ents td.n{text-align:left;color:var(--muted);font-variant-numeric:tabular-nums}
button.ent{all:unset;cursor:pointer;display:block}
button.ent:focus-visible{outline:2px solid #1c5fb8}
tr.on{background:#fff3d6}
a.others{text-decoration:none;font-size:.85em}
.latin{color:var(--muted);font-size:.9em}
.warn{color:#a61e4d}
@media (max-width:800px){main.layout{grid-template-columns:1fr}aside.panel{position:static;max-height:none}}
`;
}

export function indexCss(): string {
  return `${BASE_CSS}
.filters{display:flex;flex-wrap:wrap;gap:10px 20px;align-items:center;padding:10px 20px;background:#fff;border-bottom:1px solid var(--line);position:sticky;top:0;z-index:1}
.filters input{font:inherit;padding:3px 8px;width:18em}
#count{color:var(--muted)}
.rows{padding:0 20px 40px}
/* flex rather than grid: re-showing thousands of rows after a filter is cleared lays out about twice as fast */
.row{display:flex;gap:12px;padding:6px 0;border-bottom:1px solid #eef0f4;content-visibility:auto;contain-intrinsic-size:auto 2.6em}
.row.head{font-weight:bold;color:var(--muted);content-visibility:visible;font-size:.85em;white-space:nowrap}
.row[hidden]{display:none}
.row>*{flex:0 0 auto}.row .t{flex:1 1 0;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}.row .d{width:7rem}.row .c{width:12rem}.row .s{width:16rem}
.row .t.untitled a{color:#4a6a94}
.row .c{color:var(--muted);font-variant-numeric:tabular-nums}
.row .s{color:var(--muted);overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
`;
}
