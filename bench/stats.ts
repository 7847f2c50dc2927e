/** Small statistics for benchmark samples. */

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Times `run` once per input, in milliseconds, after a short warm-up. */
export function timeEach<T>(inputs: readonly T[], run: (input: T) => unknown): number[] {
  for (const input of inputs.slice(0, Math.min(20, inputs.length))) run(input);
  return inputs.map((input) => {
    const start = process.hrtime.bigint();
    run(input);
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
}

export const ms = (value: number) => (Number.isNaN(value) ? "–" : value < 1 ? value.toFixed(3) : value < 100 ? value.toFixed(2) : value.toFixed(0));
