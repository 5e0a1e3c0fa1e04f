import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { setUpEmbeddedDatabase } from "@/tests/support/embedded-database";

const dataDir = await setUpEmbeddedDatabase("app-secret");
const { eq } = await import("drizzle-orm");
const { getDb } = await import("@/db");
const { appSettings } = await import("@/db/schema");
const { appSecret, resolveAppSecret } = await import("./app-secret");

const legacyFile = path.join(dataDir, "app-secret");
const OLD_SECRET = "an-old-secret-kept-in-a-file-by-an-earlier-version";

async function storedRow() {
  const db = await getDb();
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, "app_secret"));
  return row?.value;
}

describe("the app secret", () => {
  beforeEach(async () => {
    const db = await getDb();
    await db.delete(appSettings).where(eq(appSettings.key, "app_secret"));
    await rm(legacyFile, { force: true });
  });

  it("is loaded at start and shared with every caller", () => {
    expect(appSecret().length).toBeGreaterThanOrEqual(32);
  });

  it("is generated once into the database and found there by every later start", async () => {
    const db = await getDb();
    const first = await resolveAppSecret(db, { dataDir });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(await storedRow()).toBe(first);
    expect(await resolveAppSecret(db, { dataDir })).toBe(first);
  });

  it("is the same for instances starting at once", async () => {
    const db = await getDb();
    const secrets = await Promise.all(Array.from({ length: 4 }, () => resolveAppSecret(db, { dataDir })));
    expect(new Set(secrets).size).toBe(1);
  });

  it("is APP_SECRET when given, which stores nothing", async () => {
    const db = await getDb();
    const configured = "a-configured-secret-of-enough-length-0123";
    expect(await resolveAppSecret(db, { configured, dataDir })).toBe(configured);
    expect(await storedRow()).toBeUndefined();
  });

  it("adopts an earlier version's DATA_DIR/app-secret file, so old tracking links keep working", async () => {
    await mkdir(dataDir, { recursive: true });
    await writeFile(legacyFile, `${OLD_SECRET}\n`);
    const db = await getDb();
    expect(await resolveAppSecret(db, { dataDir })).toBe(OLD_SECRET);
    expect(await storedRow()).toBe(OLD_SECRET);
  });

  it("refuses a file secret shorter than 32 characters (an interrupted write), naming the file", async () => {
    await writeFile(legacyFile, "");
    const db = await getDb();
    await expect(resolveAppSecret(db, { dataDir })).rejects.toThrow(/^APP_SECRET: not set, and .*app-secret .*fewer than 32 characters/);
    expect(await storedRow()).toBeUndefined();
  });

  it("refuses a stored secret shorter than 32 characters, naming where it is", async () => {
    const db = await getDb();
    await db.insert(appSettings).values({ key: "app_secret", value: "short" });
    await expect(resolveAppSecret(db, { dataDir })).rejects.toThrow(/^APP_SECRET: .*app_settings.*shorter than 32 characters/);
  });
});
