/** An article that could not be read: names the file (and line) and says what is wrong, in one line. */
export class IngestError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
    readonly line?: number,
    readonly articleId?: string,
  ) {
    super(`${path}${line !== undefined ? `:${line}` : ''}: ${problem}`);
    this.name = 'IngestError';
  }
}
