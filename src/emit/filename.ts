/**
 * A file name for an article id: path separators and characters unsafe on common file systems replaced, leading
 * dots removed (no hidden files), at most 180 characters. Pure, so exporters and the CLI share it.
 */
export function safeFileStem(id: string): string {
  const s = id.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_');
  return s.length > 180 ? s.slice(0, 180) : s || '_';
}
