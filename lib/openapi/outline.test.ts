import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./document";
import { referenceOutlineHtml } from "./outline";

const document = buildOpenApiDocument("https://support.example.com");
const outline = referenceOutlineHtml(document);
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the reference outline", () => {
  it("lists every operation of the document under its tag, with its method, path and summary", () => {
    const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
      (["get", "post", "put", "patch", "delete"] as const).flatMap((method) => (item[method] ? [{ method, path, summary: item[method].summary }] : [])),
    );
    expect(operations.length).toBeGreaterThan(40);
    for (const { method, path, summary } of operations) {
      expect(outline).toContain(`<code class="method">${method.toUpperCase()}</code> <code>${path}</code> ${summary!.replaceAll("'", "&#39;")}`);
    }
    for (const tag of document.tags ?? []) expect(outline).toContain(`>${tag.name}</h2>`);
    expect(text(outline)).toContain("Webhook events ticket.created ticket.updated ticket.message.created ticket.closed");
  });

  it("escapes what it quotes, and shows Markdown code spans as code", () => {
    const html = referenceOutlineHtml({
      openapi: "3.1.0",
      info: { title: "A <b>bold</b> API", version: "1", description: "Send `If-Match` & wait" },
      tags: [{ name: "T", description: "x < y" }],
      paths: { "/a": { get: { tags: ["T"], summary: `"quoted" <script>`, responses: {} } } },
    });
    expect(html).toContain("<h1>A &#60;b&#62;bold&#60;/b&#62; API</h1>");
    expect(html).toContain("<p>Send <code>If-Match</code> &#38; wait</p>");
    expect(html).toContain("<p>x &#60; y</p>");
    expect(html).toContain("&#34;quoted&#34; &#60;script&#62;");
    expect(html).not.toContain("<script>");
  });
});
