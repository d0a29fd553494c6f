/**
 * Runs tasks one at a time, in the order they were queued. The server writes to the archive
 * through it (ingests, story refreshes): two ingests running at once would each resume the
 * stream clusterer from the same saved state and the second save would drop the first's
 * decisions.
 */
export class WorkQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #pending = 0;

  /** Queues a task; the promise settles as the task does, after every task queued before it. */
  run<T>(task: () => Promise<T>): Promise<T> {
    this.#pending++;
    const result = this.#tail.then(task);
    const done = (): void => {
      this.#pending--;
    };
    // The next task waits for this one whether it succeeds or fails.
    this.#tail = result.then(done, done);
    return result;
  }

  /** Tasks queued or running. */
  get pending(): number {
    return this.#pending;
  }

  /** Settles when every task queued so far has finished. */
  async idle(): Promise<void> {
    while (this.#pending > 0) await this.#tail;
  }
}
