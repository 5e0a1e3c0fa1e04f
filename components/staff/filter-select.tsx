"use client";

export const filterFieldClasses = "mt-1 block rounded-lg border border-slate-400 bg-white px-3 py-2 text-sm";

/** A labelled select of a plain GET form of filters, which applies as soon as it changes. */
export function FilterSelect({
  idPrefix,
  name,
  label,
  value,
  anyLabel,
  options,
}: {
  /** Tells this form's fields from another's on the same page. */
  idPrefix: string;
  name: string;
  label: string;
  value: string | undefined;
  /** The first option, for no filter at all (none when the filter always has a value). */
  anyLabel?: string;
  options: Array<{ value: string; label: string }>;
}) {
  const id = `${idPrefix}-${name}`;
  return (
    <div>
      <label htmlFor={id} className="text-sm font-semibold">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={value ?? ""}
        key={`${name}-${value}`}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className={filterFieldClasses}
      >
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
