// The one serialization of a published SKJ: the stored snapshot, the bytes the API serves and the input of
// contentHash are all this text, so a consumer can recompute the hash from what it received.
//
// Rules: object keys sorted (by UTF-16 code units, as Array.prototype.sort does), no whitespace, arrays in
// order, strings and numbers exactly as JSON.stringify writes them, undefined members dropped. For the
// values we publish (plain objects, arrays, strings, finite numbers, booleans, null) this is the JSON
// Canonicalization Scheme of RFC 8785, so any JCS library reproduces our hashes.
//
// Unlike JSON.stringify, values that have no faithful JSON form (NaN, Infinity, bigint, functions, symbols,
// cycles) throw: a hash over silently rewritten content would certify something nobody published.
// Pure: no node imports, so the browser and the domain tests can run it (the hash itself lives server-side).

export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, out, new Set());
  return out.join("");
}

function write(value: unknown, out: string[], ancestors: Set<object>): void {
  if (value === null) {
    out.push("null");
    return;
  }
  switch (typeof value) {
    case "string":
      out.push(JSON.stringify(value));
      return;
    case "boolean":
      out.push(value ? "true" : "false");
      return;
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: angka ${String(value)} tidak dapat ditulis sebagai JSON.`);
      out.push(JSON.stringify(value));
      return;
    case "object":
      break;
    default:
      throw new TypeError(`canonicalJson: nilai bertipe ${typeof value} tidak dapat ditulis sebagai JSON.`);
  }
  const object = value as object;
  // Dates and similar carry their JSON form in toJSON, which JSON.stringify honours too
  const toJSON = (object as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === "function") {
    write(toJSON.call(object), out, ancestors);
    return;
  }
  if (ancestors.has(object)) throw new TypeError("canonicalJson: struktur melingkar tidak dapat ditulis sebagai JSON.");
  ancestors.add(object);
  if (Array.isArray(object)) {
    out.push("[");
    object.forEach((item, i) => {
      if (i > 0) out.push(",");
      // JSON.stringify writes a hole or undefined in an array as null; dropping it would shift the indices
      write(item === undefined ? null : item, out, ancestors);
    });
    out.push("]");
  } else {
    const record = object as Record<string, unknown>;
    out.push("{");
    let first = true;
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      if (member === undefined) continue;
      if (!first) out.push(",");
      first = false;
      out.push(JSON.stringify(key), ":");
      write(member, out, ancestors);
    }
    out.push("}");
  }
  ancestors.delete(object);
}
