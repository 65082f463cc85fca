import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  encoding: string;
  bomRemoved: boolean;
  newlinesUnified: boolean;
}

/** Thrown (and turned into an IngestError by the caller) when bytes are not text we can read. */
export class DecodeProblem extends Error {}

/** Legacy Arabic encodings we accept when the bytes are not UTF-8. */
const LEGACY = new Set(['windows-1256', 'ISO-8859-6']);

/**
 * Decode article bytes: a BOM decides (UTF-8, UTF-16LE/BE); otherwise strict UTF-8; otherwise chardet's guess when
 * it is a legacy Arabic encoding. Binary data (NUL bytes, control characters) and empty input are refused.
 * CR LF and lone CR become LF: the only change ever made to the text (ARCHITECTURE §1).
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new DecodeProblem('empty file');
  let text: string;
  let encoding: string;
  let bomRemoved = false;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = strictUtf8(bytes.subarray(3));
    encoding = 'UTF-8';
    bomRemoved = true;
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    encoding = 'UTF-16LE';
    bomRemoved = true;
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    encoding = 'UTF-16BE';
    bomRemoved = true;
  } else {
    if (looksBinary(bytes)) throw new DecodeProblem('binary data, not text (NUL or control bytes)');
    try {
      text = strictUtf8(bytes);
      encoding = 'UTF-8';
    } catch {
      const guess = chardet.detect(bytes);
      if (!guess || !LEGACY.has(guess)) {
        throw new DecodeProblem(`not valid UTF-8 and not a legacy Arabic encoding (detected: ${guess ?? 'nothing'})`);
      }
      text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), guess);
      encoding = guess;
    }
  }
  if (text.includes('\u0000')) throw new DecodeProblem('binary data, not text (NUL characters)');
  const unified = unifyNewlines(text);
  return { text: unified, encoding, bomRemoved, newlinesUnified: unified !== text };
}

function strictUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
}

export function unifyNewlines(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
}

/** NUL bytes, or more than 5% C0 control bytes other than tab/LF/CR/FF, in the first 8 KiB. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return control > n * 0.05;
}
