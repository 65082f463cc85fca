import { parseArgs } from 'node:util';
import { annotate } from '../../pipeline';
import { Scorer, formatReport, type GoldDocument } from '../../score';
import { loadGold, GOLD_FORMATS, type GoldFormat } from '../../score/load';
import type { AnnotationDocument } from '../../emit/format';
import { guidelinesArg, parsing, UsageError } from '../args';
import { offsetConverter } from '../../emit/offsets';

export const HELP = `Usage: ana score --gold-format FORMAT --gold PATH… [--json] [--details]

Run the pipeline on the text of gold annotations and print precision / recall / F1 per type and micro-averaged,
for exact and overlap match: entities (PER, ORG, LOC), temporal expressions (spans and values), speech quotes and
their speakers. A layer the gold lacks is left out.

Formats:
  anercorp   token tag lines (ANERcorp): sentences end after «.»; system spans are projected onto the tokens; MISC
             is left out
  wojood     nested BIO (Wojood): PERS->PER, ORG->ORG, GPE/LOC/FAC->LOC, DATE, TIME; system DURATION and SET count
             as DATE
  json       gold JSON as in ../shared/gold and ../shared/data/news-gold (the text file named by "source" beside it),
             or the project's own annotation JSON
  brat, tei  corrected annotations exported by "ana export" and edited

Options:
  --date YYYY-MM-DD   anchor date for documents without a publication date
  --guidelines G      entity conventions the pipeline follows: anercorp for --gold-format anercorp, news for the
                      others (default); see "ana annotate --help". The setting used is printed on stderr.
  --json              print one JSON object (keys: entities, entities_overlap, timex, timex_overlap, timex_value,
                      quotes, speakers)
  --details           list the missed and spurious spans of each document (json gold)`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parsing(() =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'gold-format': { type: 'string' },
        gold: { type: 'string', multiple: true },
        date: { type: 'string' },
        guidelines: { type: 'string' },
        json: { type: 'boolean' },
        details: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }),
  );
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const format = values['gold-format'] as GoldFormat | undefined;
  if (!format || !GOLD_FORMATS.includes(format)) throw new UsageError(`--gold-format must be one of ${GOLD_FORMATS.join(', ')}`);
  const paths = [...(values.gold ?? []), ...positionals];
  if (!paths.length) throw new UsageError('name the gold files with --gold');
  // the gold's own conventions: ANERcorp's differ from the news gold's (README, "Entity guidelines")
  const guidelines = guidelinesArg(values.guidelines) ?? (format === 'anercorp' ? 'anercorp' : 'news');
  process.stderr.write(`ana score: entity guidelines: ${guidelines}\n`);
  const scorer = new Scorer(format === 'wojood' ? { durationsAsDate: true, timexTypes: ['DATE', 'TIME'] } : {});
  let failed = 0;
  for (const path of paths) {
    let golds: GoldDocument[];
    try {
      golds = loadGold(path, format);
    } catch (e) {
      process.stderr.write(`ana score: ${path}: ${(e as Error).message}\n`);
      failed++;
      continue;
    }
    for (const gold of golds) {
      const system = annotate(
        { text: gold.text, id: gold.id, meta: gold.published ? { published: gold.published } : {} },
        { tokens: false, entityGuidelines: guidelines, ...(values.date ? { anchorDate: values.date } : {}) },
      );
      scorer.add(gold, system);
      if (values.details) process.stderr.write(details(gold, system));
    }
  }
  const report = scorer.report();
  process.stdout.write((values.json ? JSON.stringify(report, null, 2) : formatReport(report)) + '\n');
  return failed ? 1 : 0;
}

/** Missed (-) and spurious (+) spans of one document, for people tuning the recognisers. */
function details(gold: GoldDocument, system: AnnotationDocument): string {
  const conv = offsetConverter(gold.text);
  const slice = (s: { start: number; end: number }) => gold.text.slice(conv.toUtf16(s.start), conv.toUtf16(s.end));
  const key = (s: { start: number; end: number; type: string }) => `${s.start}:${s.end}:${s.type}`;
  const lines: string[] = [`== ${gold.id}`];
  const diff = (name: string, sys: { start: number; end: number; type: string; value?: string }[], g: { start: number; end: number; type: string; value?: string }[]) => {
    const sk = new Map(sys.map((s) => [key(s), s]));
    const gk = new Map(g.map((s) => [key(s), s]));
    for (const [k, s] of gk) if (!sk.has(k)) lines.push(`  - ${name} ${s.type} «${slice(s)}» [${s.start},${s.end})${s.value ? ` ${s.value}` : ''}`);
    for (const [k, s] of sk) if (!gk.has(k)) lines.push(`  + ${name} ${s.type} «${slice(s)}» [${s.start},${s.end})${s.value ? ` ${s.value}` : ''}`);
    for (const [k, s] of sk) {
      const gv = gk.get(k)?.value;
      if (gv !== undefined && gv !== s.value) lines.push(`  ~ ${name} ${s.type} «${slice(s)}» value ${s.value ?? '(none)'} != gold ${gv}`);
    }
  };
  if (gold.layers.entities) diff('entity', system.entities, gold.entities);
  if (gold.layers.timex) diff('timex', system.timex, gold.timex);
  if (gold.layers.quotes) {
    diff(
      'quote',
      system.quotes.filter((q) => q.kind === 'speech').map((q) => ({ start: q.start, end: q.end, type: 'speech' })),
      gold.quotes.filter((q) => q.kind === 'speech').map((q) => ({ start: q.start, end: q.end, type: 'speech' })),
    );
  }
  return lines.join('\n') + '\n';
}
