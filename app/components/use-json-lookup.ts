import { useEffect, useState } from "react";

/**
 * JSON for what the user is typing, fetched once typing pauses. A failed request (offline, server error) is
 * a state the caller shows, never the route's error screen, which would take the form and its unsaved
 * input with it (what a failed fetcher.load does).
 */
export function useJsonLookup<T>(url: string | null, delayMs: number): { data: T | null; failed: boolean } {
  const [state, setState] = useState<{ data: T | null; failed: boolean }>({ data: null, failed: false });
  useEffect(() => {
    if (url === null) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(url, { signal: controller.signal });
        if (!response.ok) throw new Error(String(response.status));
        setState({ data: (await response.json()) as T, failed: false });
      } catch {
        if (!controller.signal.aborted) setState((s) => ({ data: s.data, failed: true }));
      }
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [url, delayMs]);
  return state;
}
