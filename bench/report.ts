// What every benchmark prints and records: rounded figures, percentiles, a text table, the machine it ran on, and
// the report file under bench/results.
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export function table(rows: Array<Record<string, unknown>>): string {
  if (rows.length === 0) return "";
  const columns = Object.keys(rows[0]!);
  const cells = rows.map((row) => columns.map((column) => String(row[column] ?? "")));
  const widths = columns.map((column, i) => Math.max(column.length, ...cells.map((cell) => cell[i]!.length)));
  const line = (values: string[]) => values.map((value, i) => value.padEnd(widths[i]!)).join("  ");
  return [line(columns), line(widths.map((width) => "-".repeat(width))), ...cells.map(line)].join("\n");
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpu: `${cpus.length} × ${cpus[0]?.model ?? "unknown"}`,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    loadAverageAtStart: os.loadavg().map(round),
  };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** What a run records: when, on what machine, with which options, and each part's figures. */
export interface BenchReport {
  date: string;
  machine: Record<string, unknown>;
  [part: string]: unknown;
}

export function newReport(options: Map<string, string>): BenchReport {
  return { date: new Date().toISOString(), machine: machine(), options: Object.fromEntries(options) };
}

/** Adds the load average at the end to `report.machine` and writes the report to bench/results/<date>.json; answers that path. */
export async function saveReport(report: BenchReport): Promise<string> {
  report.machine.loadAverageAtEnd = os.loadavg().map(round);
  const file = path.join("bench/results", `${report.date}.json`.replaceAll(":", "-"));
  const root = path.resolve(import.meta.dirname, "..");
  await mkdir(path.join(root, path.dirname(file)), { recursive: true });
  await writeFile(path.join(root, file), JSON.stringify(report, null, 2) + "\n");
  return file;
}
