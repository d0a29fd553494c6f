import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiFailure, ApiResult } from './api.js';

/** Where a page's request stands. */
export type LoadState<T> =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly value: T }
  | { readonly kind: 'failed'; readonly failure: ApiFailure };

/**
 * Runs an API call when the component mounts and whenever `key` changes, and again on `retry()`.
 * An answer that arrives after the page moved on (a newer key, or unmounted) is dropped.
 */
export function useApiCall<T>(call: () => Promise<ApiResult<T>>, key: string): { state: LoadState<T>; retry: () => void } {
  const [state, setState] = useState<LoadState<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ kind: 'loading' });
    call().then((result) => {
      if (!current) return;
      setState(result.ok ? { kind: 'loaded', value: result.value } : { kind: 'failed', failure: result.failure });
    });
    return () => {
      current = false;
    };
    // `call` is a new closure each render; the key says when it asks for something else.
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { state, retry };
}

/** Sets the tab's title: `<page> — Parallax`, or just `Parallax`. */
export function useDocumentTitle(pageTitle: string | null): void {
  useEffect(() => {
    document.title = pageTitle === null ? 'Parallax' : `${pageTitle} — Parallax`;
  }, [pageTitle]);
}
