import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { promises as dns } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { env } from "@/lib/env";
import { validationError } from "@/lib/errors";

// Loopback, private, carrier-grade NAT, link-local (cloud metadata at 169.254.169.254), multicast and reserved ranges:
// a webhook must never make the server call into its own network (server-side request forgery).
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8]] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, "ipv6");
}

/** Whether an IP address is outside the public internet; an IPv4 address inside IPv6 (`::ffff:127.0.0.1`) counts as itself. */
export function isNonPublicAddress(address: string): boolean {
  const embedded = /^(?:::ffff:|64:ff9b::)(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)?.[1];
  if (embedded) return isNonPublicAddress(embedded);
  // The same in hex, as URLs write it (`[::ffff:127.0.0.1]` becomes `[::ffff:7f00:1]`).
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hex) {
    const [high, low] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
    return isNonPublicAddress(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  const family = isIP(address);
  if (family === 0) return true;
  return NOT_PUBLIC.check(address, family === 6 ? "ipv6" : "ipv4");
}

const allowed = (address: string) => env.WEBHOOK_ALLOW_PRIVATE_NETWORKS || !isNonPublicAddress(address);
const refusal = (host: string, address: string) =>
  `${host} is ${address === host ? "" : `${address}, `}a loopback, private or link-local address; webhooks go to the public internet (WEBHOOK_ALLOW_PRIVATE_NETWORKS=true allows it)`;

/**
 * At registration: 422 for a URL whose host is, or resolves to, an address that is not public. A name that does not
 * resolve now is accepted (it may later); every delivery checks the addresses it actually connects to.
 */
export async function assertPublicTarget(url: string): Promise<void> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [host] : await dns.lookup(host, { all: true }).then((found) => found.map((entry) => entry.address), () => []);
  const blocked = addresses.find((address) => !allowed(address));
  if (blocked) throw validationError("url", refusal(host, blocked));
}

/** A target the address rules refuse: the worker gives that delivery up at once (retrying cannot help). */
export class TargetRefusedError extends Error {}

/** Refuses a URL whose host is a literal IP that is not public (connections to an IP do not go through `lookup`); names pass. */
export function checkLiteralTarget(url: URL): void {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && !allowed(host)) throw new TargetRefusedError(refusal(host, host));
}

/**
 * A `lookup` for http(s).request that refuses names resolving to addresses that are not public: the check is on the
 * address the socket connects to, so a name cannot resolve to a public address at registration and a private one now.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const list = addresses as LookupAddress[];
    const blocked = list.find((entry) => !allowed(entry.address));
    if (blocked) return callback(new TargetRefusedError(refusal(hostname, blocked.address)), "", 0);
    if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
};
