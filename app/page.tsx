import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { PublicHeader } from "@/components/ui/public-header";

const HELP_WITH = ["bookings", "account", "other"] as const;

export default async function HomePage() {
  const t = await getTranslations("Home");
  return (
    <>
      <PublicHeader />
      <main>
        <section className="bg-gradient-to-b from-brand-50 to-sand-50">
          <div className="mx-auto max-w-3xl px-4 pt-14 pb-12 sm:pt-20">
            <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">{t("eyebrow")}</p>
            <h1 className="mt-2 text-4xl font-bold text-brand-800 sm:text-5xl">{t("title")}</h1>
            <p className="mt-4 max-w-xl text-lg text-muted">{t("intro")}</p>
            <div className="mt-8">
              <Link href="/support/new" className={`${buttonClasses()} px-6 py-3 text-base`}>
                {t("submit")}
              </Link>
            </div>
          </div>
        </section>
        <section aria-labelledby="help-heading" className="mx-auto max-w-3xl px-4 py-10">
          <h2 id="help-heading" className="text-xl font-semibold">
            {t("helpHeading")}
          </h2>
          <ul className="mt-4 grid gap-4 sm:grid-cols-3">
            {HELP_WITH.map((topic) => (
              <li key={topic} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
                <h3 className="font-semibold text-brand-800">{t(`help.${topic}.title`)}</h3>
                <p className="mt-1 text-sm text-muted">{t(`help.${topic}.text`)}</p>
              </li>
            ))}
          </ul>
          <p className="mt-8 text-sm text-muted">{t("alreadyFiled")}</p>
          <p className="mt-4 text-sm text-muted">
            {t.rich("api", {
              link: (chunks) => (
                <a className="text-brand-700 underline" href="/docs/api">
                  {chunks}
                </a>
              ),
            })}
          </p>
        </section>
      </main>
    </>
  );
}
