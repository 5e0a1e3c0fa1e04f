// npm run bench:attachments [-- --runs 10] [--uploadthing]
// Starts the built app (npm run build first) on a fresh embedded database, files N tickets with one
// 10 MB attachment each, and prints the throughput and the server's memory. With --uploadthing the
// app stores the files on the local UploadThing stand-in through the real SDK.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { startTestServer } from "../tests/support/test-server";
import { startUploadThingStandIn, type UploadThingStandIn } from "../tests/support/uploadthing-stand-in";

const MB = 1024 * 1024;
const FILE_BYTES = 10 * MB;
const runsFlag = process.argv.indexOf("--runs");
const runs = runsFlag === -1 ? 10 : Number(process.argv[runsFlag + 1]);
const onUploadThing = process.argv.includes("--uploadthing");

async function residentMB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

// A complete 1×1 PNG, then random bytes up to 10 MB (still detected as PNG by its content).
const TINY_PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f80f00000101000518d84e0000000049454e44ae426082",
  "hex",
);
const png = Buffer.concat([
  TINY_PNG,
  randomBytes(FILE_BYTES - TINY_PNG.length),
]);

let standIn: UploadThingStandIn | undefined;
if (onUploadThing) standIn = await startUploadThingStandIn();
const server = await startTestServer({ extraEnv: standIn?.env });
try {
  const baseline = await residentMB(server.pid);
  let peak = baseline;
  const sampler = setInterval(() => {
    residentMB(server.pid).then((mb) => (peak = Math.max(peak, mb)), () => {});
  }, 10);

  const started = performance.now();
  for (let run = 0; run < runs; run++) {
    const form = new FormData();
    for (const [name, value] of Object.entries({
      roleContext: "tourist",
      fullName: "Bench Mark",
      email: `bench${run}@example.com`,
      category: "General Inquiry",
      subject: "Screenshot",
      message: "A 10 MB screenshot.",
    })) form.append(name, value);
    form.append("attachments", new Blob([new Uint8Array(png)]), "screenshot.png");
    const response = await fetch(`${server.baseURL}/api/support-tickets`, { method: "POST", body: form });
    if (response.status !== 201) throw new Error(`upload ${run + 1} failed: ${response.status} ${await response.text()}`);
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);

  const storage = onUploadThing ? "UploadThing stand-in" : "local disk";
  console.log(`${runs} × 10 MB uploads to ${storage}: ${seconds.toFixed(2)} s, ${((runs * FILE_BYTES) / MB / seconds).toFixed(1)} MB/s`);
  console.log(`server RSS: ${baseline.toFixed(0)} MB before, ${peak.toFixed(0)} MB peak during uploads (+${(peak - baseline).toFixed(0)} MB)`);
} finally {
  await server.stop();
  await standIn?.stop();
}
