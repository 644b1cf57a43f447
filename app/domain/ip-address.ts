// Which network an IP address belongs to, so that webhooks are sent to the public internet only and the server
// cannot be made to probe its own machine or intranet (issue 13, finding 10). Pure: the same answer for an
// address typed into a URL and for one that DNS returned.

export type AddressClass = "public" | "loopback" | "private" | "link-local" | "unique-local" | "multicast" | "unspecified" | "reserved";

export const ADDRESS_CLASS_LABELS: Record<Exclude<AddressClass, "public">, string> = {
  loopback: "loopback (server ini sendiri)",
  private: "jaringan privat",
  "link-local": "link-local",
  "unique-local": "unique-local (jaringan privat IPv6)",
  multicast: "multicast",
  unspecified: "tak tertentu (0.0.0.0 atau ::)",
  reserved: "khusus/cadangan",
};

/** Four decimal parts only: URLs reach here already normalised (0x7f.1 and 2130706433 become 127.0.0.1), DNS answers are dotted. */
export function parseIPv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number);
}

/** The 16 bytes of an IPv6 address (without brackets; a zone such as %eth0 is ignored), or null. */
export function parseIPv6(text: string): number[] | null {
  let s = text.toLowerCase().replace(/%.*$/, "");
  let embedded: number[] | null = null;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted) {
    embedded = parseIPv4(dotted[1]!);
    if (!embedded) return null;
    s = `${s.slice(0, -dotted[1]!.length)}0:0`;
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const groupsOf = (half: string) => (half === "" ? [] : half.split(":"));
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  const bytes = groups.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]);
  if (embedded) bytes.splice(12, 4, ...embedded);
  return bytes;
}

function classifyIPv4([a, b, c]: number[]): AddressClass {
  if (a === 0) return "unspecified";
  if (a === 127) return "loopback";
  if (a === 10 || (a === 172 && b! >= 16 && b! <= 31) || (a === 192 && b === 168) || (a === 100 && b! >= 64 && b! <= 127)) return "private";
  if (a === 169 && b === 254) return "link-local";
  if (a! >= 224 && a! <= 239) return "multicast";
  const reserved =
    a! >= 240 ||
    (a === 192 && b === 0 && (c === 0 || c === 2)) ||
    (a === 198 && (b === 18 || b === 19)) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113);
  return reserved ? "reserved" : "public";
}

const startsWith = (bytes: number[], prefix: number[]) => prefix.every((p, i) => bytes[i] === p);

function classifyIPv6(bytes: number[]): AddressClass {
  const zeros = (n: number) => bytes.slice(0, n).every((b) => b === 0);
  if (zeros(16)) return "unspecified";
  if (zeros(15) && bytes[15] === 1) return "loopback";
  // IPv4-mapped (::ffff:a.b.c.d) and the old IPv4-compatible form (::a.b.c.d) reach the IPv4 address itself
  if (zeros(10) && ((bytes[10] === 0xff && bytes[11] === 0xff) || (bytes[10] === 0 && bytes[11] === 0)))
    return classifyIPv4(bytes.slice(12));
  // NAT64 and 6to4 carry an IPv4 address that a gateway may forward to
  if (startsWith(bytes, [0, 0x64, 0xff, 0x9b]) && bytes.slice(4, 12).every((b) => b === 0)) return classifyIPv4(bytes.slice(12));
  if (startsWith(bytes, [0x20, 0x02])) return classifyIPv4(bytes.slice(2, 6));
  if ((bytes[0]! & 0xfe) === 0xfc) return "unique-local";
  if (bytes[0] === 0xfe && (bytes[1]! & 0xc0) === 0x80) return "link-local";
  if (bytes[0] === 0xfe && (bytes[1]! & 0xc0) === 0xc0) return "private"; // site-local, deprecated
  if (bytes[0] === 0xff) return "multicast";
  // documentation, Teredo and everything outside global unicast 2000::/3
  if (startsWith(bytes, [0x20, 0x01, 0x0d, 0xb8]) || startsWith(bytes, [0x20, 0x01, 0x00, 0x00]) || (bytes[0]! & 0xe0) !== 0x20)
    return "reserved";
  return "public";
}

/** The class of an IP address (IPv4, IPv6, IPv6 in URL brackets), or null when the text is not an IP address. */
export function classifyAddress(text: string): AddressClass | null {
  const bare = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  const v4 = parseIPv4(bare);
  if (v4) return classifyIPv4(v4);
  const v6 = bare.includes(":") ? parseIPv6(bare) : null;
  return v6 ? classifyIPv6(v6) : null;
}
