import type { createDocument } from "zod-openapi";

type OpenApiDocument = ReturnType<typeof createDocument>;
type PathItem = NonNullable<OpenApiDocument["paths"]>[string];
type Operation = NonNullable<PathItem["get"]>;

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** `code` spans, as the descriptions write them in Markdown; everything else stays text. */
const inlineHtml = (text: string) => escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");

/** A section named by its heading, so it is a landmark a screen reader can jump to. */
const sectionStart = (title: string) => {
  const id = `outline-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(title)}</h2>`;
};

interface OutlineEntry {
  method: string;
  path: string;
  operation: Operation;
}

/**
 * The API reference as plain HTML: the title, then each tag's operations (method, path, summary) and the
 * webhook events' names. /docs/api sends it inside the element Scalar mounts into, so the page is readable at its
 * first paint (and without JavaScript) while the interactive reference loads and then takes its place.
 */
export function referenceOutlineHtml(document: OpenApiDocument): string {
  const byTag = new Map<string, OutlineEntry[]>((document.tags ?? []).map((tag) => [tag.name, []]));
  const addTo = (tag: string, entry: OutlineEntry) => byTag.set(tag, [...(byTag.get(tag) ?? []), entry]);
  for (const [path, item] of Object.entries(document.paths ?? {}) as [string, PathItem][]) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) addTo(operation.tags?.[0] ?? "Other", { method: method.toUpperCase(), path, operation });
    }
  }
  const descriptions = new Map((document.tags ?? []).map((tag) => [tag.name, tag.description]));
  const sections = [...byTag].filter(([, entries]) => entries.length > 0).map(([tag, entries]) => {
    const description = descriptions.get(tag);
    const items = entries.map(
      ({ method, path, operation }) =>
        `<li><code class="method">${method}</code> <code>${escapeHtml(path)}</code> ${inlineHtml(operation.summary ?? "")}</li>`,
    );
    return `${sectionStart(tag)}${description ? `<p>${inlineHtml(description)}</p>` : ""}<ul>${items.join("")}</ul></section>`;
  });
  const events = Object.keys(document.webhooks ?? {}).map((name) => `<li><code>${escapeHtml(name)}</code></li>`);
  if (events.length > 0) sections.push(`${sectionStart("Webhook events")}<ul>${events.join("")}</ul></section>`);
  return `<h1>${escapeHtml(document.info.title)}</h1><p>${inlineHtml(document.info.description ?? "")}</p>${sections.join("")}`;
}
