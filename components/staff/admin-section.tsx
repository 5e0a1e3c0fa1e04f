"use client";

import { Button } from "@/components/ui/button";

export const adminFieldClasses = "mt-1 block rounded-lg border border-slate-400 bg-white px-3 py-2";

/** One admin list: a heading, an optional intro, a create form (its fields passed in), the last error, then the list itself. */
export function AdminSection({
  headingId,
  title,
  intro,
  fields,
  createLabel,
  pending,
  errors,
  onCreate,
  children,
}: {
  headingId: string;
  title: string;
  intro?: React.ReactNode;
  fields: React.ReactNode;
  createLabel: string;
  pending: boolean;
  errors: Array<Error | null>;
  onCreate: (data: FormData, reset: () => void) => void;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <h2 id={headingId} className="text-xl font-bold">
        {title}
      </h2>
      {intro && <p className="text-sm text-muted">{intro}</p>}
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          onCreate(new FormData(form), () => form.reset());
        }}
      >
        {fields}
        <Button type="submit" disabled={pending}>
          {createLabel}
        </Button>
      </form>
      {errors.map(
        (error) =>
          error && (
            <p key={error.message} role="alert" className="text-sm text-red-800">
              {error.message}
            </p>
          ),
      )}
      {children}
    </section>
  );
}

export function AdminTable({ caption, columns, children }: { caption: string; columns: string[]; children: React.ReactNode }) {
  return (
    <table className="w-full rounded-lg border border-slate-300 bg-white text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="bg-sand-100">
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col" className="px-3 py-2">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** A row's destructive action, named after the row ("Revoke crm", "Disable ana@…") for screen readers. */
export function RowAction({ action, target, pending, onClick }: { action: string; target: string; pending: boolean; onClick: () => void }) {
  return (
    <Button variant="danger" disabled={pending} onClick={onClick} aria-label={`${action} ${target}`}>
      {action}
    </Button>
  );
}
