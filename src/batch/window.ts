/**
 * Feed items from an async source to an asynchronous `start`, at most `size` at a time, and hand the results to
 * `emit` in source order. Reading stops while the window is full, so memory is bounded by the window whatever the
 * input size (backpressure goes all the way back to the input stream); `emit` may itself wait (stdout draining).
 * Returns the number of items started. `stopped()` is checked before each new item (a signal asked us to stop).
 */
export async function inOrderWindow<I, R>(
  source: AsyncIterable<I>,
  size: number,
  start: (item: I, seq: number) => Promise<R>,
  emit: (item: I, result: R, seq: number) => void | Promise<void>,
  stopped: () => boolean = () => false,
): Promise<number> {
  const pending: { item: I; result: Promise<R>; seq: number }[] = [];
  let seq = 0;
  const emitOldest = async () => {
    const head = pending.shift()!;
    await emit(head.item, await head.result, head.seq);
  };
  for await (const item of source) {
    if (stopped()) break;
    pending.push({ item, result: start(item, seq), seq });
    seq++;
    while (pending.length >= size) await emitOldest();
  }
  while (pending.length) await emitOldest();
  return seq;
}
