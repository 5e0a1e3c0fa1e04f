import { LanguageSwitch } from "@/components/ui/language-switch";

export default function SupportLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="border-b border-sand-100 bg-white">
        <div className="mx-auto flex max-w-3xl items-center px-4 py-3">
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- next/link would add 3.6 KB to the form page's first load for one rarely used link */}
          <a href="/" className="rounded font-bold text-brand-800">
            Kinconecta <span className="font-normal text-muted">Support</span>
          </a>
          <div className="ml-auto">
            <LanguageSwitch />
          </div>
        </div>
      </header>
      {children}
    </>
  );
}
