#!/usr/bin/env node
/** The `ana` command: a thin layer over the library. Each subcommand lives in ./commands/NAME.ts. */
import { UsageError } from './args';
import { PIPELINE_VERSION } from '../version';

interface Command {
  HELP: string;
  run(argv: string[]): Promise<number>;
}

const COMMANDS: Record<string, () => Command> = {
  annotate: () => require('./commands/annotate') as Command,
  view: () => require('./commands/view') as Command,
  score: () => require('./commands/score') as Command,
  export: () => require('./commands/export') as Command,
};

const HELP = `Usage: ana COMMAND [options]

Commands:
  annotate   annotate articles (text, HTML, XML, JSONL) into standoff JSON, or stream JSONL to JSONL
  score      score the pipeline against gold annotations (ANERcorp, Wojood, news gold JSON, brat, TEI)
  export     turn annotation JSON into TEI (standoff or inline), brat, CoNLL or W3C Web Annotation
  view       write self-contained right-to-left HTML pages of annotated articles and a corpus index

Run "ana COMMAND --help" for a command's options. Version ${PIPELINE_VERSION}.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help') {
    process.stdout.write(HELP + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(PIPELINE_VERSION + '\n');
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`ana: unknown command "${name}"\n\n${HELP}\n`);
    return 2;
  }
  const cmd = load();
  try {
    return await cmd.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`ana ${name}: ${e.message}\n\n${cmd.HELP}\n`);
      return 2;
    }
    process.stderr.write(`ana ${name}: ${(e as Error).stack ?? e}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`ana: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 1;
  },
);
