/**
 * A one-line progress bar on a terminal: articles done, articles/s, characters/s and, when the input size is known,
 * percentage and ETA (from the bytes read, since a JSONL corpus's article count is unknown until the end).
 */
export class Progress {
  private articles = 0;
  private chars = 0;
  private bytesRead = 0;
  private readonly started = Date.now();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly totalBytes: number,
  ) {
    this.timer = setInterval(() => this.draw(), 250);
    this.timer.unref();
  }

  read(bytes: number): void {
    this.bytesRead += bytes;
  }

  done(chars: number): void {
    this.articles++;
    this.chars += chars;
  }

  private draw(): void {
    const s = (Date.now() - this.started) / 1000;
    const rate = this.articles / Math.max(s, 1e-3);
    const parts = [`${this.articles} articles`, `${rate.toFixed(1)} art/s`, `${formatCount(this.chars / Math.max(s, 1e-3))} chars/s`];
    if (this.totalBytes > 0 && this.bytesRead > 0) {
      const f = Math.min(1, this.bytesRead / this.totalBytes);
      const width = 20;
      const full = Math.round(f * width);
      parts.unshift(`[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${(f * 100).toFixed(0)}%`);
      if (f > 0.01) parts.push(`ETA ${formatDuration((s / f) * (1 - f))}`);
    }
    const line = parts.join('  ');
    this.out.write(`\r${line.slice(0, (this.out.columns || 100) - 1)}\x1b[K`);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.out.write('\r\x1b[K');
  }
}

export function formatCount(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)}k`;
  return n.toFixed(0);
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
