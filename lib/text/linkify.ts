// Client-safe: message bodies are plain text, shown with their line breaks and with web addresses as links,
// never as HTML. Only http(s) addresses become links, so a body cannot smuggle in javascript: or data: URLs.

export type TextPart = { type: "text"; text: string } | { type: "link"; text: string; href: string };

const ADDRESS = /\bhttps?:\/\/[^\s<>"']+/giu;
// Punctuation that ends a sentence rather than the address ("see https://example.com/help.").
const TRAILING = /[.,;:!?'"»)\]}]+$/u;

/** Splits a closing bracket off an address unless the address opened it (https://en.wikipedia.org/wiki/Foo_(bar)). */
function trimAddress(candidate: string): string {
  let address = candidate.replace(TRAILING, "");
  const trailing = candidate.slice(address.length);
  for (const char of trailing) {
    const opener = char === ")" ? "(" : char === "]" ? "[" : null;
    if (!opener) break;
    const opens = address.split(opener).length - 1;
    const closes = address.split(char).length - 1;
    if (opens <= closes) break;
    address += char;
  }
  return address;
}

export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const address = trimAddress(match[0]);
    if (!URL.canParse(address)) continue;
    if (match.index > last) parts.push({ type: "text", text: text.slice(last, match.index) });
    parts.push({ type: "link", text: address, href: new URL(address).href });
    last = match.index + address.length;
  }
  if (last < text.length) parts.push({ type: "text", text: text.slice(last) });
  return parts;
}
