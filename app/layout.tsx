import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Kinconecta Support", template: "%s · Kinconecta Support" },
  description: "Help for Kinconecta tourists and guides.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: Next.js can only put proxy.ts's per-request CSP nonce on the inline
  // scripts of a page it renders now, never on one prerendered at build time.
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
