/**
 * Operational failures (I/O, timeouts, limits) throw a {@link ParallaxError} with a code
 * from this closed list. Bad documents are results with reasons, not errors; programmer misuse
 * throws `TypeError`. Messages never include article text or credentials.
 */
export const ERROR_CODES = [
  /** Reading or writing a file or stream failed. */
  'io',
  /** An operation took longer than its time limit. */
  'timeout',
  /** The command line or options were invalid. */
  'usage',
  /** No input produced an article. */
  'no-articles',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The project's one error class. */
export class ParallaxError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ParallaxError';
    this.code = code;
  }
}
