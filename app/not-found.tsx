import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { PublicHeader } from "@/components/ui/public-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Metadata");
  return { title: t("notFound") };
}

/** Every unknown address, and a tracking link whose ticket or key does not match. */
export default async function NotFound() {
  const t = await getTranslations("NotFound");
  return (
    <>
      <PublicHeader />
      <main className="mx-auto max-w-3xl px-4 py-12">
        <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
        <p className="mt-3 text-muted">{t("text")}</p>
        <div className="mt-6 flex flex-wrap gap-3">
          <a href="/support/new" className={buttonClasses()}>
            {t("submit")}
          </a>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- next/link would add its 3 KB to every page's first load: this boundary is part of each one */}
          <a href="/" className={buttonClasses("secondary")}>
            {t("home")}
          </a>
        </div>
      </main>
    </>
  );
}
