import Ajv2020 from 'ajv/dist/2020';
import schema from '../../schema/annotation.schema.json';
import type { AnnotationDocument } from '../../src/emit/format';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

/** Validate a document against schema/annotation.schema.json; returns the errors as readable lines. */
export function schemaErrors(doc: unknown): string[] {
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/**
 * Every object in the document that has numeric start/end and a text must cover exactly that text, counted in
 * code points. Returns the spans that do not (with their JSON path).
 */
export function badSpans(doc: AnnotationDocument): string[] {
  const cps = [...doc.text];
  const bad: string[] = [];
  const walk = (x: unknown, path: string) => {
    if (Array.isArray(x)) x.forEach((y, i) => walk(y, `${path}[${i}]`));
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (typeof o.start === 'number' && typeof o.end === 'number' && typeof o.text === 'string' && path !== '') {
        const got = cps.slice(o.start, o.end).join('');
        if (got !== o.text || o.start > o.end) bad.push(`${path}: [${o.start},${o.end}) is «${got}», says «${o.text}»`);
      }
      for (const [k, v] of Object.entries(o)) if (k !== 'text') walk(v, `${path}.${k}`);
    }
  };
  walk(doc, '');
  return bad;
}
