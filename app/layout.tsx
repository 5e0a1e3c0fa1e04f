import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { clientMessages } from "@/lib/i18n/client-messages";
import { PageStrings } from "@/lib/i18n/page-strings";
import "./globals.css";

const METADATA: Metadata = {
  // Files in public/; the manifest lets a phone add the help page to its home screen.
  manifest: "/manifest.webmanifest",
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "48x48" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
  },
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Metadata");
  return { ...METADATA, title: { default: t("siteName"), template: `%s · ${t("siteName")}` }, description: t("description") };
}

// The brand colour of app/globals.css (--color-brand-600), as in the manifest.
export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b6e63" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: Next.js can only put proxy.ts's per-request CSP nonce on the inline
  // scripts of a page it renders now, never on one prerendered at build time.
  await connection();
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        {/* The error page's words and the file picker's (public and staff pages share it); each page gives its
            own client components theirs in a provider of its own. */}
        <PageStrings locale={locale} messages={await clientMessages("Error", "Files")}>
          {children}
        </PageStrings>
      </body>
    </html>
  );
}
