/**
 * The pages' inline scripts, plain ES2017 kept small. They only add and remove classes on elements the server
 * already rendered (nothing is re-rendered), so they stay fast on long articles and large corpora.
 */

/**
 * Article page: hovering a quote lights up its pieces, speaker and cue; hovering a speaker outside quotes lights up
 * everything that speaker says; clicking an entity lights up its mentions.
 */
export const ARTICLE_SCRIPT = `(function(){'use strict';
var text=document.getElementById('text'),panel=document.getElementById('ents');
function q(s){return '"'+(window.CSS&&CSS.escape?CSS.escape(s):s.replace(/["\\\\]/g,'\\\\$&'))+'"';}
function light(sel,cls,into){var els=document.querySelectorAll(sel);for(var i=0;i<els.length;i++){els[i].classList.add(cls);into.push(els[i]);}return els;}
function unlight(list,cls){for(var i=0;i<list.length;i++)list[i].classList.remove(cls);list.length=0;}
var hovered=null,lit=[];
function show(key,sel){if(key===hovered)return;unlight(lit,'hl');hovered=key;if(key!==null)light(sel,'hl',lit);}
function quoteSel(id,m){var v=q(id);return '#text [data-q='+v+'],#text [data-spk~='+v+'],#text [data-cue~='+v+']'+(m?',#text [data-m='+q(m)+']':'');}
text.addEventListener('mouseover',function(e){if(!e.target.closest)return;var t=e.target.closest('[data-q]');
if(t){var id=t.getAttribute('data-q');show('q '+id,quoteSel(id,t.getAttribute('data-spk-m')));return;}
var s=e.target.closest('[data-spk]');
if(s){var ids=s.getAttribute('data-spk');show('s '+ids,ids.split(' ').map(function(i){return quoteSel(i,null);}).join(','));return;}
show(null,'');});
text.addEventListener('mouseleave',function(){show(null,'');});
var selected=null,sel=[],row=null;
function select(id,scroll){unlight(sel,'sel');if(row){row.classList.remove('on');var b=row.querySelector('button');if(b)b.setAttribute('aria-pressed','false');row=null;}
if(id===null||id===selected){selected=null;return;}
selected=id;var els=light('#text [data-e='+q(id)+']','sel',sel);
row=panel?panel.querySelector('tr[data-e='+q(id)+']'):null;
if(row){row.classList.add('on');var b2=row.querySelector('button');if(b2)b2.setAttribute('aria-pressed','true');}
if(scroll&&els.length)els[0].scrollIntoView({block:'center'});}
if(panel)panel.addEventListener('click',function(e){var b=e.target.closest('button[data-e]');if(b)select(b.getAttribute('data-e'),true);});
text.addEventListener('click',function(e){var m=e.target.closest('[data-e]');if(m)select(m.getAttribute('data-e'),false);});
})();`;

/**
 * Corpus page: filter rows by entity name and by speaker. The folded names of every article are read once from
 * the page's JSON; a keystroke only toggles \`hidden\` on the rows whose state changes.
 */
export const INDEX_SCRIPT = `(function(){'use strict';
var data=JSON.parse(document.getElementById('index-data').textContent);
var fold=JSON.parse(document.getElementById('fold-table').textContent);
var list=document.getElementById('rows').children,rows=[];
for(var i=0;i<list.length;i++)if(list[i].hasAttribute('data-i'))rows[+list[i].getAttribute('data-i')]=list[i];
var n=rows.length,shown=new Uint8Array(n),ent=document.getElementById('f-entity'),spk=document.getElementById('f-speaker'),count=document.getElementById('count');
for(i=0;i<n;i++)shown[i]=1;
function f(s){var o='';for(var k=0;k<s.length;k++){var c=s.charAt(k),r=fold[c];o+=r===undefined?c:r;}return o.toLowerCase().replace(/\\s+/g,' ').trim();}
function apply(){var qe=f(ent.value),qs=f(spk.value),m=0;
for(var k=0;k<n;k++){var ok=(!qe||data.e[k].indexOf(qe)>=0)&&(!qs||data.s[k].indexOf(qs)>=0);if(ok)m++;
if(ok!==(shown[k]===1)){shown[k]=ok?1:0;rows[k].hidden=!ok;}}
count.textContent=m+' / '+n;
try{var p=new URLSearchParams();if(ent.value)p.set('entity',ent.value);if(spk.value)p.set('speaker',spk.value);var h=p.toString();history.replaceState(null,'',h?'#'+h:location.pathname+location.search);}catch(e){}}
var pending=false;function later(){if(pending)return;pending=true;requestAnimationFrame(function(){pending=false;apply();});}
ent.addEventListener('input',later);spk.addEventListener('input',later);
function fromHash(){var h;try{h=new URLSearchParams(location.hash.slice(1));}catch(e){return;}
ent.value=h.get('entity')||'';spk.value=h.get('speaker')||'';apply();}
window.addEventListener('hashchange',fromHash);
if(location.hash.length>1)fromHash();
})();`;
