/** A one-line progress counter on stderr, drawn only on a terminal. */
export function makeProgress(label: string, total: number): { tick: () => void; done: () => void } {
  const draw = process.stderr.isTTY === true;
  let count = 0;
  const started = Date.now();
  return {
    tick() {
      count++;
      if (!draw || (count % 10 !== 0 && count !== total)) return;
      const seconds = (Date.now() - started) / 1000;
      process.stderr.write(`\r${label}: ${count}/${total} (${seconds.toFixed(1)} s)`);
    },
    done() {
      if (draw) process.stderr.write('\n');
    },
  };
}
