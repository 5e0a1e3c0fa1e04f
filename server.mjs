// `npm start`: serves the built app like `next start`, and also tells it each connection's address.
// Route handlers never see the socket, and `next start` only fills X-Forwarded-For when a client sent
// none, so a client could pick its own address and dodge the per-address rate limits
// (lib/http/rate-limit.ts). Here the socket's address goes into a header that clients cannot set.
//
// Nothing listens before the app can serve: the built instrumentation hook (instrumentation.ts)
// validates every setting, connects and migrates the database and loads the secret, and a failure
// ends the process with a message naming the setting. (Next.js runs that hook in the background
// while it already serves, and a failed hook left it answering 500 to everything.)
import { AsyncLocalStorage } from "node:async_hooks";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import next from "next";

const PEER_ADDRESS_HEADER = "x-kinconecta-peer-address";
const SHUTDOWN_GRACE_MS = 10_000;

// Next.js's own server sets this global before it loads any app code (node-environment-baseline); the start-up
// below runs first, and the auto-close job it starts composes emails with use-intl, whose React build needs it.
globalThis.AsyncLocalStorage ??= AsyncLocalStorage;

const startUp = path.join(import.meta.dirname, ".next", "server", "instrumentation.js");
try {
  if (!existsSync(startUp)) throw new Error("No production build found: run `npm run build` first.");
  await createRequire(import.meta.url)(startUp).register();
} catch (error) {
  console.error(`\nThe server cannot start.\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

// PORT was checked by the start-up above (lib/env.ts).
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || "0.0.0.0";
// In Next.js's standalone output (.next/standalone, what the Docker image runs) there is no next.config.ts to load:
// Next.js takes the build's own copy of the config from this variable, as the server.js it writes there does.
const builtConfig = path.join(import.meta.dirname, ".next", "required-server-files.json");
if (!existsSync(path.join(import.meta.dirname, "next.config.ts")) && existsSync(builtConfig)) {
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify(JSON.parse(readFileSync(builtConfig, "utf8")).config);
}
const app = next({ dev: false, hostname, port, dir: import.meta.dirname });
const handle = app.getRequestHandler();
await app.prepare();
globalThis[Symbol.for("kinconecta.peerAddressHeader")] = true;

// Responses not yet finished, so that a shutdown can mark them `Connection: close`, or end the connection after
// those already begun (see shutDown below).
const inFlight = new Set();

const server = createServer((request, response) => {
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  if (stopping) response.setHeader("connection", "close");
  else {
    inFlight.add(response);
    response.once("close", () => inFlight.delete(response));
    response.once("finish", () => inFlight.delete(response));
  }
  void handle(request, response);
}).listen(port, hostname, () => {
  console.log(`Kinconecta Support Desk listening on http://${hostname}:${port}`);
});

// Graceful shutdown, as `next start` does it: stop accepting connections, let the requests in flight
// finish (idle keep-alive connections are closed), then exit; a request that hangs gets the grace period.
// Every answer from then on says `Connection: close` and its connection ends with it: a load balancer's
// pooled keep-alive connection would otherwise stay open (busy at the signal, idle a moment later) until
// Node's keep-alive timeout, holding up the exit by 5 s and inviting a request onto a connection about
// to close (tests/scale: a rolling restart behind HAProxy).
let stopping = false;
function shutDown(signal) {
  if (stopping) return;
  stopping = true;
  const exitCode = signal === "SIGINT" ? 130 : 143;
  setTimeout(() => process.exit(exitCode), SHUTDOWN_GRACE_MS).unref();
  for (const response of inFlight) {
    if (!response.headersSent) response.setHeader("connection", "close");
    else {
      // Its headers promised keep-alive; HTTP lets a server close between requests, which the balancer retries.
      const socket = response.socket;
      response.once("finish", () => socket?.end());
    }
  }
  server.close(() => process.exit(exitCode));
  server.closeIdleConnections();
}
process.on("SIGTERM", () => shutDown("SIGTERM"));
process.on("SIGINT", () => shutDown("SIGINT"));
