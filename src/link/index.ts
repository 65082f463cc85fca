import type { EntityEntry, LinkedDoc, RecognisedDoc } from '../types';

/**
 * Stage function: group entity mentions into an entity table. Placeholder grouping by type and normalised form
 * until the transliteration-aware linker lands (issue 3).
 */
export function link(doc: RecognisedDoc): LinkedDoc {
  const table: EntityEntry[] = [];
  const byKey = new Map<string, EntityEntry>();
  const entities = doc.entities.map((m, i) => {
    const key = `${m.type}\u0000${m.text}`;
    let e = byKey.get(key);
    if (!e) {
      e = { id: `E${table.length + 1}`, type: m.type, nameAr: /[\u0600-\u06FF]/.test(m.text) ? m.text : undefined, nameLatin: /[A-Za-z]/.test(m.text) ? m.text : undefined, mentions: [] };
      byKey.set(key, e);
      table.push(e);
    }
    e.mentions.push(i);
    return { ...m, entity: e.id };
  });
  return { ...doc, entities, entityTable: table };
}
