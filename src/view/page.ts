import { sha256 } from '@noble/hashes/sha256';
import { utf8ToBytes } from '@noble/hashes/utils';
import { escapeHtml } from './escape';

/**
 * The shell every view page shares: `lang="ar" dir="rtl"`, inline CSS and one inline script, and a Content
 * Security Policy that forbids every network request and every script but ours (allowed by its SHA-256), so a
 * page stays self-contained even if some day a piece of article text slipped past the escaping.
 */
export interface PageParts {
  title: string;
  css: string;
  body: string;
  /** JSON data blocks, already serialised with jsonForScript: id -> content. */
  data?: Record<string, string>;
  script: string;
}

export function renderPage(p: PageParts): string {
  const hash = base64(sha256(utf8ToBytes(p.script)));
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`;
  const data = Object.entries(p.data ?? {})
    .map(([id, json]) => `<script type="application/json" id="${escapeHtml(id)}">${json}</script>\n`)
    .join('');
  return `<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(p.title)}</title>
<style>${p.css}</style>
</head>
<body>
${p.body}
${data}<script>${p.script}</script>
</body>
</html>
`;
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}
