// A local webhook receiver for the suites: it verifies every delivery with the `standardwebhooks` library (a
// third-party verifier, not the app's own signing code) and answers as each test scripts it. Test code only.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface ReceivedDelivery {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Which of the secrets given to `verifiedWith` verify its signature. */
  verifiedBy: string[];
  receivedAt: number;
}

/** How to answer a delivery: a status, or `hang` for never answering (a timeout on the sender's side). */
export type Answer = { status: number; body?: string; headers?: Record<string, string> } | "hang";

export interface WebhookReceiver {
  url: (path: string) => string;
  received: ReceivedDelivery[];
  /** The secrets to verify with (the endpoint's, after registration and rotation). */
  secrets: string[];
  /** Answers for the next deliveries to `path`, in order; afterwards 200. */
  script: (path: string, ...answers: Answer[]) => void;
  close: () => Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedDelivery[] = [];
  const scripts = new Map<string, Answer[]>();
  const secrets: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
      const verifiedBy = secrets.filter((secret) => {
        try {
          new Webhook(secret).verify(body, headers);
          return true;
        } catch {
          return false;
        }
      });
      received.push({ path: request.url ?? "", headers: request.headers, body, verifiedBy, receivedAt: Date.now() });
      const answer = scripts.get(request.url ?? "")?.shift() ?? { status: 200 };
      if (answer === "hang") return;
      response.writeHead(answer.status, answer.headers).end(answer.body ?? "ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    secrets,
    script: (path, ...answers) => scripts.set(path, answers),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
