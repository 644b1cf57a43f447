/**
 * The text values of the given keys, in order, from a query string or a posted form: a selection page carries
 * its filter and ticks from the list to its preview and on to the confirming post, and nothing else.
 */
export function selectionParams(from: URLSearchParams | FormData, keys: readonly string[]): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of from.entries()) if (keys.includes(key) && typeof value === "string") out.append(key, value);
  return out;
}
