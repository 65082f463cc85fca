import { WordMemo } from '../src/memo';

describe('WordMemo (bounded memo of per-word analyses)', () => {
  it('never holds more than two generations of entries', () => {
    const memo = new WordMemo<number>(100);
    for (let i = 0; i < 10_000; i++) memo.set(`w${i}`, i);
    expect(memo.size).toBeLessThanOrEqual(200);
    // the most recent forms are still there, the oldest are gone
    expect(memo.get('w9999')).toBe(9999);
    expect(memo.get('w0')).toBeUndefined();
  });

  it('keeps a frequent form across generations while rare ones age out', () => {
    const memo = new WordMemo<string>(50);
    memo.set('قال', 'verb');
    for (let i = 0; i < 1000; i++) {
      memo.set(`rare${i}`, 'x');
      // a Zipfian head word comes back every few tokens
      if (i % 20 === 0) expect(memo.get('قال')).toBe('verb');
    }
    expect(memo.get('قال')).toBe('verb');
    expect(memo.get('rare0')).toBeUndefined();
  });
});
