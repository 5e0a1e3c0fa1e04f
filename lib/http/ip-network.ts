import { isIP } from "node:net";

/** The eight 16-bit groups of an IPv6 address, as numbers. */
function ipv6Groups(address: string): number[] {
  const groupsOf = (part: string) =>
    part
      ? part.split(":").flatMap((group) => {
          if (!group.includes(".")) return [parseInt(group, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = group.split(".").map(Number);
          return [a * 256 + b, c * 256 + d];
        })
      : [];
  const [head = "", tail] = address.split("::");
  if (tail === undefined) return groupsOf(head);
  const leading = groupsOf(head);
  const trailing = groupsOf(tail);
  return [...leading, ...Array<number>(8 - leading.length - trailing.length).fill(0), ...trailing];
}

/**
 * The network a client address stands for in budgets and scopes: an IPv6 address's /64 (`2001:db8:1:2::/64`),
 * which one subscriber usually has whole; an IPv4-mapped one's IPv4 address; anything else as it is.
 */
export function networkOf(address: string): string {
  const plain = address.split("%")[0]!;
  if (isIP(plain) !== 6) return plain;
  const groups = ipv6Groups(plain);
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(":")}::/64`;
}
