import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "./language-switch";

/** The public pages' header: the way home and the language switch. */
export async function PublicHeader() {
  const t = await getTranslations("Header");
  return (
    <header className="border-b border-sand-100 bg-white">
      <div className="mx-auto flex max-w-3xl items-center px-4 py-3">
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- next/link would add 3.6 KB to the form page's first load for one rarely used link */}
        <a href="/" className="rounded font-bold text-brand-800">
          {t.rich("brand", { muted: (chunks) => <span className="font-normal text-muted">{chunks}</span> })}
        </a>
        <div className="ml-auto">
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}
