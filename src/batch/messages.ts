import type { Article, PipelineOptions } from '../types';
import type { ExportFormat } from '../export';

/**
 * What the main thread and the annotation workers say to each other. Articles go in by structured clone; results
 * come back small: in file mode the worker writes the output itself (so the big JSON never crosses threads), in line
 * mode it returns the one-line JSON already encoded as UTF-8 (with its newline), in a buffer of its own that is
 * transferred, not copied: the main thread only puts the bytes in order on stdout. (Sending the string instead made
 * the main thread copy and re-encode 1.9 GB over the news corpus, and its heap hold those large strings until a
 * full collection.)
 */
export type OutputMode = 'file' | 'line';

export interface WorkerInit {
  options: PipelineOptions;
  mode: OutputMode;
  /** File mode: export formats written beside the JSON, each into its own subfolder (OUT/tei/, OUT/brat/ …). */
  exports?: ExportFormat[];
}

export interface Task {
  seq: number;
  article: Article;
  /** File mode: where the worker writes the document (atomically). */
  target?: string;
}

export type TaskResult =
  | { seq: number; ok: true; bytes: number; line?: Uint8Array }
  | { seq: number; ok: false; error: string };
