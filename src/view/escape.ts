/**
 * Escaping for the HTML views. Every piece of article text, metadata or id that reaches a page goes through one
 * of these: the text comes from the web and must never become markup.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text content and attribute values (double- or single-quoted) alike. */
export function escapeHtml(s: string): string {
  // NUL is turned into U+FFFD by every HTML parser anyway; do it here so what we write is what the page shows.
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]).replace(/\u0000/g, '\uFFFD');
}

/**
 * JSON embedded in `<script type="application/json">`: `<` is written as \u003c so that no `</script>` or `<!--`
 * in the data can end the element early; U+2028/2029 are escaped for old parsers that treat them as line ends.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A token safe to use inside a class name (annotation types come from the JSON and could be anything). */
export function classToken(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/g, '_');
}
