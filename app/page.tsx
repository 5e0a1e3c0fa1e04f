export default function HomePage() {
  return (
    <main style={{ maxWidth: 640, margin: "0 auto", padding: "2rem 1rem" }}>
      <h1>Kinconecta Support</h1>
      <p>Help for tourists and guides on the Kinconecta platform.</p>
      <p>
        The Support Tickets API lives at <code>/api/support-tickets</code>; see the README for examples.
      </p>
    </main>
  );
}
