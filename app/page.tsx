import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

const HELP_WITH = [
  { title: "Bookings and payments", text: "A payment that fails, a tour you cannot book, a refund you are waiting for." },
  { title: "Your account", text: "Signing in, your profile and photos, your guide listing." },
  { title: "Anything else", text: "Questions about tours, cancellations or how Kinconecta works." },
];

export default function HomePage() {
  return (
    <main>
      <section className="bg-gradient-to-b from-brand-50 to-sand-50">
        <div className="mx-auto max-w-3xl px-4 pt-14 pb-12 sm:pt-20">
          <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Kinconecta Support</p>
          <h1 className="mt-2 text-4xl font-bold text-brand-800 sm:text-5xl">How can we help on your journey?</h1>
          <p className="mt-4 max-w-xl text-lg text-muted">
            Tourists and guides: tell us what went wrong and we will sort it out with you. No account needed; you get a
            ticket number and a private link to follow it.
          </p>
          <div className="mt-8">
            <Link href="/support/new" className={`${buttonClasses()} px-6 py-3 text-base`}>
              Submit a ticket
            </Link>
          </div>
        </div>
      </section>
      <section aria-labelledby="help-heading" className="mx-auto max-w-3xl px-4 py-10">
        <h2 id="help-heading" className="text-xl font-semibold">
          We help with
        </h2>
        <ul className="mt-4 grid gap-4 sm:grid-cols-3">
          {HELP_WITH.map((item) => (
            <li key={item.title} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <h3 className="font-semibold text-brand-800">{item.title}</h3>
              <p className="mt-1 text-sm text-muted">{item.text}</p>
            </li>
          ))}
        </ul>
        <p className="mt-8 text-sm text-muted">
          Already filed a ticket? Open the private link from your confirmation to see its status and add files.
        </p>
        <p className="mt-4 text-sm text-muted">
          Building on Kinconecta? Read the{" "}
          <a className="text-brand-700 underline" href="/docs/api">
            Support Tickets API reference
          </a>
          .
        </p>
      </section>
    </main>
  );
}
