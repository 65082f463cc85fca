import { loadModel, type Model, type ModelFile } from './model';

let cached: Model | undefined;

/** The committed tagger model (models/ner.json, built by scripts/train-ner.ts), loaded once. */
export function defaultModel(): Model {
  if (!cached) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    cached = loadModel(require('../../../models/ner.json') as ModelFile);
  }
  return cached;
}
