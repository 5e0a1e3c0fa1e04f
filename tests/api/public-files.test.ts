import { describe, expect, it } from "vitest";
import { baseURL } from "./client";

// Not API answers, so plain fetch: the client checks its answers against the OpenAPI document.
const get = (path: string) => fetch(`${baseURL}${path}`);

const FILES: Array<[string, RegExp]> = [
  ["/favicon.ico", /^image\/(x-icon|vnd\.microsoft\.icon)/],
  ["/icon.svg", /^image\/svg\+xml/],
  ["/icon-192.png", /^image\/png/],
  ["/icon-512.png", /^image\/png/],
  ["/apple-touch-icon.png", /^image\/png/],
  ["/manifest.webmanifest", /^application\/manifest\+json/],
  ["/robots.txt", /^text\/plain/],
];

describe("public files", () => {
  for (const [file, type] of FILES) {
    it(`serves ${file} with its type`, async () => {
      const response = await get(file);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(type);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    });
  }

  it("has a manifest that lets a phone add the help page to its home screen", async () => {
    const manifest = await (await get("/manifest.webmanifest")).json();
    expect(manifest).toMatchObject({ name: "Kinconecta Support", start_url: "/support/new", display: "standalone", theme_color: "#0b6e63" });
    expect(manifest.short_name.length).toBeLessThanOrEqual(15);
    const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
    expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    for (const icon of manifest.icons) expect((await get(icon.src)).status).toBe(200);
  });

  it("keeps staff pages, the API and tracking pages out of search engines", async () => {
    const rules = (await (await get("/robots.txt")).text()).split("\n").map((line) => line.trim());
    expect(rules).toContain("User-agent: *");
    for (const path of ["/staff", "/api", "/support/tickets"]) expect(rules).toContain(`Disallow: ${path}`);
    expect(rules).not.toContain("Disallow: /");
  });

  it("links the manifest and the icons from every page", async () => {
    const html = await (await get("/")).text();
    expect(html).toMatch(/<link rel="manifest" href="\/manifest.webmanifest"/);
    expect(html).toMatch(/<link rel="icon" href="\/favicon.ico"/);
    expect(html).toMatch(/<link rel="icon" href="\/icon.svg" type="image\/svg\+xml"/);
    expect(html).toMatch(/<link rel="apple-touch-icon" href="\/apple-touch-icon.png"/);
    expect(html).toMatch(/<meta name="theme-color" content="#0b6e63"/);
  });
});
