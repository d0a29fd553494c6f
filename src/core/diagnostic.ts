/**
 * What went wrong (or was worth saying) about one input, in words a user can act on.
 * Diagnostics never carry article text or credentials: they name the input and the cause.
 */
export interface Diagnostic {
  readonly severity: DiagnosticSeverity;
  /** A stable machine-readable code, from {@link DIAGNOSTIC_CODES}. */
  readonly code: DiagnosticCode;
  /** A short human-readable explanation. */
  readonly message: string;
  /** The input the diagnostic is about (path, URL or `-` for stdin), when there is one. */
  readonly input?: string;
}

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/** The closed list of diagnostic codes. */
export const DIAGNOSTIC_CODES = [
  /** The input could not be read (missing path, permission denied, I/O error). */
  'unreadable',
  /** The input holds no bytes, or nothing but white space. */
  'empty',
  /** The input looks like binary data (NUL bytes, control characters), not text. */
  'binary',
  /** The input is larger than the configured byte limit. */
  'too-large',
  /** The bytes were decoded with a fallback encoding (for example Windows-1252). */
  'encoding-fallback',
  /** The input is of a type this version cannot extract (for example HTML). */
  'unsupported-type',
  /** A directory held no readable article files. */
  'empty-directory',
  /** Extraction found no article body once headers and boilerplate were removed. */
  'no-body',
  /** A header field (such as a date) was present but could not be understood. */
  'unparsed-header',
  /** A page was read but holds no article (a home page, a list of links, a login wall). */
  'not-an-article',
  /** The network could not be reached: DNS failure, connection refused or reset, TLS error. */
  'network',
  /** A request took longer than the time limit. */
  'timeout',
  /** The server answered with an error status (404, 500, …). */
  'http-status',
  /** A request was redirected too many times, or in a loop. */
  'redirect',
  /** The address is private, loopback or link-local, and private networks are not allowed. */
  'private-address',
  /** A compressed response expanded past the ratio or size limit (a decompression bomb). */
  'decompression-limit',
  /** A feed or subscription list is not valid XML or JSON, or not a feed at all. */
  'invalid-feed',
  /** A record of a JSON Lines input is not a JSON object with text, HTML or an http(s) address. */
  'invalid-record',
  /** The summary's focus question matched no sentence, so the summary is not focused. */
  'focus-unmatched',
] as const;

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/** Builds a diagnostic; `input` is omitted when undefined. */
export function makeDiagnostic(
  severity: DiagnosticSeverity,
  code: DiagnosticCode,
  message: string,
  input?: string,
): Diagnostic {
  return input === undefined ? { severity, code, message } : { severity, code, message, input };
}

/** A diagnostic as one line: "warning: a.txt: not valid UTF-8", or without the input when it is about none. */
export function describeDiagnostic(diagnostic: Diagnostic, quote: (text: string) => string = (text) => text): string {
  const about = diagnostic.input === undefined ? '' : `${quote(diagnostic.input)}: `;
  return `${diagnostic.severity}: ${about}${quote(diagnostic.message)}`;
}
