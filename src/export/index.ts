/**
 * Exports of the standoff JSON document to the formats researchers use (ARCHITECTURE §5). Pure: files come back
 * as strings, the caller writes them. Each exporter says in `notes` what it could not carry.
 */
import type { AnnotationDocument } from '../emit/format';
import { exportBrat } from './brat';
import { EXPORT_FORMATS, fileStem, type ExportFormat, type ExportResult } from './common';
import { exportConll } from './conll';
import { exportTeiInline } from './tei-inline';
import { exportTeiStandoff } from './tei-standoff';
import { exportWebAnno } from './webanno';

const EXPORTERS: Record<ExportFormat, (doc: AnnotationDocument) => ExportResult> = {
  tei: exportTeiStandoff,
  'tei-inline': exportTeiInline,
  brat: exportBrat,
  conll: exportConll,
  webanno: exportWebAnno,
};

/**
 * One document in one format. File names are the document id (made file-system safe) plus the format's
 * extension; brat also gives `annotation.conf`, shared by every document of a folder.
 */
export function exportDocument(doc: AnnotationDocument, format: ExportFormat): ExportResult {
  const exporter = EXPORTERS[format];
  if (!exporter) throw new Error(`unknown export format "${format}" (known: ${EXPORT_FORMATS.join(', ')})`);
  const stem = fileStem(doc.id);
  const r = exporter(doc);
  return { files: r.files.map((f) => ({ name: f.name.startsWith('.') ? stem + f.name : f.name, content: f.content })), notes: r.notes };
}

export function isExportFormat(s: string): s is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(s);
}

export { EXPORT_FORMATS, type ExportFormat, type ExportResult };
export { exportBrat, exportConll, exportTeiInline, exportTeiStandoff, exportWebAnno };
