// Both languages say the same things, and nothing is translated for no one.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "./catalogs";

const root = path.resolve(import.meta.dirname, "../..");
const catalogFiles = readdirSync(path.join(root, "messages/en")).filter((file) => file.endsWith(".json"));

type Tree = { [key: string]: string | Tree };
const readCatalog = (locale: string, file: string) => JSON.parse(readFileSync(path.join(root, "messages", locale, file), "utf8")) as Tree;

function leafKeys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`),
  );
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const file = path.join(directory, entry);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [file] : [];
  });
}

describe("message catalogs", () => {
  it.each(catalogFiles)("%s has exactly the same keys in Spanish and English", (file) => {
    expect(leafKeys(readCatalog("es", file)).sort()).toEqual(leafKeys(readCatalog("en", file)).sort());
  });

  it("are all loaded, in both languages", () => {
    const namespaces = catalogFiles.flatMap((file) => Object.keys(readCatalog("en", file))).sort();
    expect(Object.keys(CATALOGS.en).sort()).toEqual(namespaces);
    expect(Object.keys(CATALOGS.es).sort()).toEqual(namespaces);
  });

  it("have no key that the code never uses", () => {
    const source = ["app", "components", "lib"].flatMap((directory) => sourceFiles(path.join(root, directory)))
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    const quoted = (text: string) => [`"${text}"`, `'${text}'`, `\`${text}\``].some((form) => source.includes(form));
    // A key built at run time (t(`status.${status}`)) counts as used through its literal prefix.
    const templated = (key: string) =>
      key.split(".").slice(0, -1).some((_, index, parts) => source.includes(`\`${parts.slice(0, index + 1).join(".")}.\${`));
    // A key is used when some namespace prefix of it is (useTranslations("Ns") or "Ns.section") and the rest is too.
    const used = (path: string[]) =>
      path.slice(1).some((_, index) => {
        const rest = path.slice(index + 1).join(".");
        return quoted(path.slice(0, index + 1).join(".")) && (quoted(rest) || templated(rest));
      });
    const unused = catalogFiles.flatMap((file) =>
      Object.entries(readCatalog("en", file)).flatMap(([namespace, tree]) => {
        if (typeof tree === "string") return [namespace];
        return leafKeys(tree).filter((key) => !used([namespace, ...key.split(".")])).map((key) => `${namespace}.${key}`);
      }),
    );
    expect(unused).toEqual([]);
  });
});
