import { normaliseText } from '../../src/normalise';
import { tokeniseView } from '../../src/segment';
import { fold } from '../../src/recognise/entities/text';

/** The gazetteer key of a name: the pipeline's tokens of its analysis view, folded, joined by single spaces. */
export function nameKey(name: string): string {
  const view = normaliseText(name).view;
  return tokeniseView(view)
    .map((t) => fold(view.slice(t.start, t.end)))
    .join(' ');
}
