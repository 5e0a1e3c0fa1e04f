// A small local stand-in for UploadThing, speaking the calls the real `uploadthing` SDK (7.7.x) makes
// from UTApi: the signed PUT to the ingest server, `/v6/deleteFiles` and `/v6/listFiles` on the API
// server, and signed downloads from the file host. Test code only. See docs/attachments.md.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

interface StoredFile {
  name: string;
  type: string;
  bytes: Buffer;
  uploadedAt: number;
}

export interface UploadThingStandIn {
  /** UPLOADTHING_* variables that point the SDK at this stand-in. */
  env: Record<string, string>;
  /** Base URL of the stand-in, for the test controls under `/__test/`. */
  url: string;
  stop: () => Promise<void>;
}

const API_KEY = "sk_test_local_stand_in";
const APP_ID = "localapp";

/** `hmac-sha256=<hex>` over `payload` with the API key, as `@uploadthing/shared` signPayload makes it. */
function sign(payload: string): string {
  return `hmac-sha256=${createHmac("sha256", API_KEY).update(payload).digest("hex")}`;
}

/**
 * The SDK signs the whole URL (with `expires` and the `x-ut-*` parameters) and appends `signature`
 * last; so the payload is the URL as received up to `&signature=`.
 */
function hasValidSignature(request: IncomingMessage): boolean {
  const received = `http://${request.headers.host}${request.url}`;
  const at = received.lastIndexOf("&signature=");
  if (at === -1) return false;
  const signature = Buffer.from(decodeURIComponent(received.slice(at + "&signature=".length)));
  const expected = Buffer.from(sign(received.slice(0, at)));
  const expires = Number(new URL(received).searchParams.get("expires"));
  return signature.length === expected.length && timingSafeEqual(signature, expected) && expires > Date.now();
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

export async function startUploadThingStandIn(): Promise<UploadThingStandIn> {
  const files = new Map<string, StoredFile>();
  let uploadsBeforeFailure = Number.POSITIVE_INFINITY;
  let origin = "";

  const routes = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? "/", origin);
    const apiKeyOk = request.headers["x-uploadthing-api-key"] === API_KEY;

    // Ingest: PUT {ingestUrl}/{key}?expires&x-ut-identifier&x-ut-file-name&x-ut-file-size&…&signature
    if (request.method === "PUT" && /^\/[\w-]+$/.test(url.pathname)) {
      const key = url.pathname.slice(1);
      if (!hasValidSignature(request) || url.searchParams.get("x-ut-identifier") !== APP_ID) {
        return json(response, 403, { error: "Invalid signature" });
      }
      const form = await new Request(url, {
        method: "PUT",
        headers: { "content-type": request.headers["content-type"] ?? "" },
        body: Readable.toWeb(request) as ReadableStream<Uint8Array>,
        duplex: "half",
      } as RequestInit).formData();
      if (uploadsBeforeFailure-- <= 0) return json(response, 500, { error: "Injected storage failure" });
      const file = form.get("file");
      if (!(file instanceof Blob)) return json(response, 400, { error: "Missing file field" });
      const bytes = Buffer.from(await file.arrayBuffer());
      if (String(bytes.length) !== url.searchParams.get("x-ut-file-size")) {
        return json(response, 400, { error: "File size does not match x-ut-file-size" });
      }
      const name = decodeURIComponent(url.searchParams.get("x-ut-file-name") ?? "");
      const type = decodeURIComponent(url.searchParams.get("x-ut-file-type") ?? "application/octet-stream");
      files.set(key, { name, type, bytes, uploadedAt: Date.now() });
      const ufsUrl = `http://${new URL(origin).host.replace("127.0.0.1", "localhost")}/a/${APP_ID}/${key}`;
      return json(response, 200, { url: ufsUrl, appUrl: ufsUrl, ufsUrl, fileHash: randomUUID() });
    }

    // File host: GET {ufsHost}/a/{appId}/{key}?expires&signature (UPLOADTHING_UFS_APP_ID_LOCATION=path)
    const download = /^\/a\/([\w-]+)\/([\w-]+)$/.exec(url.pathname);
    if (request.method === "GET" && download) {
      const file = download[1] === APP_ID ? files.get(download[2]!) : undefined;
      if (!file) return json(response, 404, { error: "Not found" });
      if (!hasValidSignature(request)) return json(response, 403, { error: "Invalid or expired signature" });
      response.writeHead(200, { "content-type": file.type, "content-length": file.bytes.length }).end(file.bytes);
      return;
    }

    if (request.method === "POST" && url.pathname === "/v6/deleteFiles") {
      if (!apiKeyOk) return json(response, 401, { error: "Invalid API key" });
      const { fileKeys = [] } = JSON.parse((await readBody(request)).toString()) as { fileKeys?: string[] };
      const deletedCount = fileKeys.filter((key) => files.delete(key)).length;
      return json(response, 200, { success: true, deletedCount });
    }

    if (request.method === "POST" && url.pathname === "/v6/listFiles") {
      if (!apiKeyOk) return json(response, 401, { error: "Invalid API key" });
      const { limit = 500, offset = 0 } = JSON.parse((await readBody(request)).toString() || "{}") as {
        limit?: number;
        offset?: number;
      };
      const all = [...files.entries()];
      const page = all.slice(offset, offset + limit).map(([key, file]) => ({
        id: key,
        customId: null,
        key,
        name: file.name,
        size: file.bytes.length,
        status: "Uploaded" as const,
        uploadedAt: file.uploadedAt,
      }));
      return json(response, 200, { hasMore: offset + limit < all.length, files: page });
    }

    // Test controls, not part of UploadThing's protocol.
    if (request.method === "GET" && url.pathname === "/__test/files") {
      return json(response, 200, [...files.keys()]);
    }
    if (request.method === "POST" && url.pathname === "/__test/fail-uploads") {
      const { after } = JSON.parse((await readBody(request)).toString()) as { after: number | null };
      uploadsBeforeFailure = after ?? Number.POSITIVE_INFINITY;
      return json(response, 200, { ok: true });
    }
    json(response, 404, { error: `No stand-in route for ${request.method} ${url.pathname}` });
  };

  const server = createServer((request, response) => {
    routes(request, response).catch((error: unknown) => json(response, 500, { error: String(error) }));
  });
  // All interfaces: downloads go to "localhost", which may resolve to ::1 or 127.0.0.1.
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  const token = Buffer.from(JSON.stringify({ apiKey: API_KEY, appId: APP_ID, regions: ["local"] })).toString("base64");

  return {
    url: origin,
    env: {
      UPLOADTHING_TOKEN: token,
      UPLOADTHING_INGEST_URL: origin,
      UPLOADTHING_API_URL: origin,
      // The SDK builds http:// (not https://) file URLs for a host containing "local".
      UPLOADTHING_UFS_HOST: `localhost:${port}`,
      UPLOADTHING_UFS_APP_ID_LOCATION: "path",
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
