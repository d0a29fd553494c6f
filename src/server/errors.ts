import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * A request the API refuses, with the status and the `ErrorResponse` code and message to answer
 * with. Handlers throw it and the app's error handler answers it; the message is written for the
 * caller and never holds article text.
 */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;

  constructor(status: ContentfulStatusCode, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}
