// Where a webhook may be sent (issue 13, finding 10): only to public addresses, unless an admin allowed the host
// (setting webhookAllowedHosts). A name is resolved once, every address it has is checked, and the connection
// then goes to the checked address, so DNS cannot answer differently between the check and the connect.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { ADDRESS_CLASS_LABELS, classifyAddress } from "~/domain/ip-address";
import { normaliseHost } from "~/domain/settings";

export type ResolveHost = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const resolveWithDns: ResolveHost = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/** Where to connect; `address` is the checked IP the request must use. */
export type WebhookTarget = { url: URL; address: string; family: number };

export type TargetCheck = { ok: true; target: WebhookTarget } | { ok: false; problem: string };

const familyOf = (address: string) => (address.includes(":") ? 6 : 4);
const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, "");

export async function checkWebhookTarget(
  href: string,
  allowedHosts: readonly string[],
  resolve: ResolveHost = resolveWithDns,
): Promise<TargetCheck> {
  const url = new URL(href);
  const allowed = allowedHosts.some((h) => normaliseHost(h) === url.hostname);
  let addresses: { address: string; family: number }[];
  if (classifyAddress(url.hostname) !== null) {
    addresses = [{ address: bare(url.hostname), family: familyOf(url.hostname) }];
  } else {
    try {
      addresses = await resolve(url.hostname);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0)
      return { ok: false, problem: `Nama host ${url.hostname} tidak ditemukan (DNS); periksa ejaan URL webhook.` };
  }
  if (!allowed) {
    for (const { address } of addresses) {
      const kind = classifyAddress(address) ?? "reserved";
      if (kind === "public") continue;
      const shown = address === bare(url.hostname) ? address : `${url.hostname} → ${address}`;
      return {
        ok: false,
        problem: `URL webhook menuju alamat ${ADDRESS_CLASS_LABELS[kind]} (${shown}); webhook hanya dikirim ke alamat internet publik. Bila penerimanya memang di jaringan internal, admin dapat mengizinkan host ${url.hostname} di Pengaturan aturan (Host webhook yang diizinkan di jaringan internal).`,
      };
    }
  }
  return { ok: true, target: { url, address: addresses[0]!.address, family: addresses[0]!.family } };
}

export type WebhookTransport = (
  target: WebhookTarget,
  init: { headers: Record<string, string>; body: Buffer; signal: AbortSignal },
) => Promise<number>;

/**
 * POSTs to the checked address and answers the HTTP status. node:http follows no redirect: a redirect would
 * re-send the event somewhere nobody registered. TLS still checks the certificate against the URL's host name.
 */
export const postToTarget: WebhookTransport = (target, { headers, body, signal }) =>
  new Promise((resolve, reject) => {
    // Node asks for every address (autoSelectFamily) or for one; both get only the checked address
    const lookup: LookupFunction = (_hostname, options, callback) => {
      if (options.all)
        (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
          { address: target.address, family: target.family },
        ]);
      else callback(null, target.address, target.family);
    };
    const send = target.url.protocol === "https:" ? https.request : http.request;
    const request = send(
      target.url,
      { method: "POST", headers: { ...headers, "Content-Length": String(body.length) }, lookup, signal },
      (response) => {
        // the answer's body means nothing to us; reading it off frees the connection
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
