import { createInterface } from "node:readline";

/**
 * Reads a password from standard input: on a terminal, after a prompt (on stderr, so stdout stays the
 * command's output) and without echoing what is typed; when piped, its first line.
 */
export async function readPassword(prompt: string, input = process.stdin, output = process.stderr): Promise<string> {
  if (!input.isTTY) return readFirstLine(input);
  output.write(prompt);
  input.setRawMode(true);
  input.resume();
  input.setEncoding("utf8");
  let typed = "";
  try {
    return await new Promise<string>((resolve, reject) => {
      input.on("data", (chunk: string) => {
        for (const character of chunk) {
          if (character === "\r" || character === "\n" || character === "\u0004") return resolve(typed);
          if (character === "\u0003") return reject(new Error("Cancelled"));
          if (character === "\u007f" || character === "\b") typed = typed.slice(0, -1);
          else typed += character;
        }
      });
    });
  } finally {
    input.setRawMode(false);
    input.pause();
    input.removeAllListeners("data");
    output.write("\n");
  }
}

async function readFirstLine(input: NodeJS.ReadableStream): Promise<string> {
  const lines = createInterface({ input, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return "";
}
