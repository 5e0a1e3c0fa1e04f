import { describe, expect, it } from "vitest";
import { cleanFileName, displayFileName, MAX_FILE_NAME_LENGTH } from "./file-name";

describe("displayFileName", () => {
  it.each([
    ["../../etc/passwd", "txt", "passwd.txt"],
    ["C:\\Users\\ana\\screenshot.png", "png", "screenshot.png"],
    ["photo.JPG", "jpeg", "photo.JPG"],
    ["invoice.pdf", "pdf", "invoice.pdf"],
    ["notes.txt", "txt", "notes.txt"],
    ["page.html", "txt", "page.html.txt"],
    ["evil.exe", "png", "evil.exe.png"],
    ["no-extension", "gif", "no-extension.gif"],
    ["tab\there\nnew\u0000line.png", "png", "tab here newline.png"],
    ["\u202egnp.exe", "png", "gnp.exe.png"],
    ["..", "pdf", "attachment.pdf"],
    ["", "webp", "attachment.webp"],
    [undefined, "png", "attachment.png"],
    ["  spaced   out  .png", "png", "spaced out .png"],
  ] as const)("%j as %s → %j", (input, type, expected) => {
    expect(displayFileName(input, type)).toBe(expected);
  });

  it("caps long names and keeps their extension", () => {
    const name = displayFileName(`${"a".repeat(500)}.png`, "png");
    expect(name).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith("a.png")).toBe(true);
  });

  it("never splits an emoji when capping", () => {
    const name = displayFileName(`${"😀".repeat(300)}.txt`, "txt");
    expect(Array.from(name)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith("😀.txt")).toBe(true);
  });
});

describe("cleanFileName", () => {
  it("caps a name whose extension alone is longer than the cap", () => {
    expect(cleanFileName(`a.${"b".repeat(300)}`)).toHaveLength(MAX_FILE_NAME_LENGTH);
  });
});
