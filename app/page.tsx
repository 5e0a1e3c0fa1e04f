export default function HomePage() {
  return (
    <main className="mx-auto max-w-2xl px-4 py-12">
      <h1 className="text-3xl font-bold text-brand-800">Kinconecta Support</h1>
      <p className="mt-3 text-lg text-muted">Help for tourists and guides on the Kinconecta platform.</p>
      <p className="mt-6 text-muted">
        The Support Tickets API lives at <code>/api/support-tickets</code>; see the{" "}
        <a className="text-brand-700 underline" href="/docs/api">
          API reference
        </a>{" "}
        (OpenAPI 3.1 at <code>/api/openapi.json</code>).
      </p>
    </main>
  );
}
