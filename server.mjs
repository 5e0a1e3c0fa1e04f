// `npm start`: serves the built app like `next start`, and also tells it each connection's address.
// Route handlers never see the socket, and `next start` only fills X-Forwarded-For when a client sent
// none, so a client could pick its own address and dodge the per-address rate limits
// (lib/http/rate-limit.ts). Here the socket's address goes into a header that clients cannot set.
import { createServer } from "node:http";
import next from "next";

const PEER_ADDRESS_HEADER = "x-kinconecta-peer-address";
const SHUTDOWN_GRACE_MS = 10_000;
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || "0.0.0.0";

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
globalThis[Symbol.for("kinconecta.peerAddressHeader")] = true;

const server = createServer((request, response) => {
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  void handle(request, response);
}).listen(port, hostname, () => {
  console.log(`Kinconecta Support Desk listening on http://${hostname}:${port}`);
});

// Graceful shutdown, as `next start` does it: stop accepting connections, let the requests in flight
// finish (idle keep-alive connections are closed), then exit; a request that hangs gets the grace period.
let stopping = false;
function shutDown(signal) {
  if (stopping) return;
  stopping = true;
  const exitCode = signal === "SIGINT" ? 130 : 143;
  setTimeout(() => process.exit(exitCode), SHUTDOWN_GRACE_MS).unref();
  server.close(() => process.exit(exitCode));
  server.closeIdleConnections();
}
process.on("SIGTERM", () => shutDown("SIGTERM"));
process.on("SIGINT", () => shutDown("SIGINT"));
