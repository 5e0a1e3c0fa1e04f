// A real SMTP server on loopback that keeps every message it accepts, for the notification tests.
// It can be stopped and started again on the same port (an outage), and can refuse chosen recipients.
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  /** RCPT TO addresses: who the message was really delivered to, whatever its headers say. */
  recipients: string[];
  raw: string;
  parsed: ParsedMail;
}

export interface SmtpSinkOptions {
  /** An SMTP reply code (e.g. 451 try later, 550 no such user) for recipients it should refuse. */
  refuse?: (address: string) => number | undefined;
  /** Holds each message this long before accepting it, like a slow server (so a kill can land mid-send). */
  delayMs?: number;
}

export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private server?: SMTPServer;

  constructor(
    readonly port: number,
    private readonly options: SmtpSinkOptions = {},
  ) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.recipients.includes(address));
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const code = this.options.refuse?.(address.address);
        if (!code) return callback();
        callback(Object.assign(new Error(`Refused ${address.address}`), { responseCode: code }));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          const held = new Promise((resolve) => setTimeout(resolve, this.options.delayMs ?? 0));
          held.then(() => simpleParser(raw)).then(
            (parsed) => {
              this.received.push({ recipients: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw, parsed });
              callback();
            },
            (error: Error) => callback(error),
          );
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    // smtp-server reports a client's connection errors on the server; unheard, one is an uncaught exception. A client
    // that dies mid-session (an app killed by a test) resets its connection: that message was never accepted.
    server.on("error", () => {});
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
