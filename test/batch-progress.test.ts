/** The terminal progress bar: what a person sees while a corpus run goes on. */
import { Progress, formatCount, formatDuration } from '../src/batch/progress';

function fakeTerminal() {
  const writes: string[] = [];
  const out = { columns: 120, write: (s: string) => (writes.push(s), true) } as unknown as NodeJS.WriteStream;
  return { out, writes };
}

describe('Progress', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('shows articles, articles/s, characters/s, percentage of bytes read and ETA, then clears its line', () => {
    const { out, writes } = fakeTerminal();
    const p = new Progress(out, 1000);
    p.read(250);
    for (let i = 0; i < 10; i++) p.done(1500);
    jest.advanceTimersByTime(2000);
    const last = writes[writes.length - 1];
    expect(last.startsWith('\r')).toBe(true);
    expect(last).toMatch(/\[#####\.{15}\] 25%  10 articles  [\d.]+ art\/s  [\d.]+k? chars\/s  ETA \d+s/);
    p.stop();
    expect(writes[writes.length - 1]).toBe('\r\x1b[K');
    const n = writes.length;
    jest.advanceTimersByTime(2000);
    expect(writes.length).toBe(n); // stopped means stopped
  });

  test('without a known size (standard input) no percentage or ETA', () => {
    const { out, writes } = fakeTerminal();
    const p = new Progress(out, 0);
    p.done(10);
    jest.advanceTimersByTime(300);
    expect(writes[writes.length - 1]).not.toMatch(/%|ETA/);
    p.stop();
  });

  test('formats', () => {
    expect(formatCount(44_127_545)).toBe('44.1M');
    expect(formatCount(1500)).toBe('1.5k');
    expect(formatCount(12)).toBe('12');
    expect(formatDuration(59.6)).toBe('1m00s');
    expect(formatDuration(3725)).toBe('1h02m');
    expect(formatDuration(42)).toBe('42s');
  });
});
