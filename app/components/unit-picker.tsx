import { useId, useState, type KeyboardEvent } from "react";
import { useJsonLookup } from "./use-json-lookup";

export interface PickedUnit {
  code: string;
  name: string;
}

interface UnitMatch extends PickedUnit {
  above: string[];
  active: boolean;
}

interface UnitPickerProps {
  /** The form field that carries the chosen unit's code. */
  name: string;
  /** The field's own label; without it the picker sits in a Field, which labels it through `id`. */
  label?: string;
  id?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
  /** The unit chosen when the page loaded. */
  initial: PickedUnit | null;
  /** What an empty field means, shown as its placeholder ("Semua unit"). */
  emptyLabel: string;
  /** Only active units are offered (a position or a sub-unit can only be placed under one). */
  activeOnly?: boolean;
  /** Told the code of each choice (empty for none), for a form that keeps its own values. */
  onPick?: (code: string) => void;
}

/**
 * A searchable unit field (ARIA combobox): the units that match what is typed are loaded from /struktur/pilih,
 * so a page never carries the thousands of units of a province. The form receives the code of the unit
 * picked from the list; leaving the field without picking puts the previous choice back, and an emptied field
 * means no unit.
 */
export function UnitPicker({ name, label, id: givenId, initial, emptyLabel, activeOnly, onPick, ...aria }: UnitPickerProps) {
  const ownId = useId();
  const id = givenId ?? ownId;
  const [picked, setPicked] = useState<PickedUnit | null>(initial);
  const [text, setText] = useState(initial?.name ?? "");
  const [typed, setTyped] = useState(false);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const url = open ? `/struktur/pilih?q=${encodeURIComponent(typed ? text : "")}${activeOnly ? "&aktif=1" : ""}` : null;
  const { data, failed } = useJsonLookup<{ units: UnitMatch[] }>(url, typed ? 200 : 0);
  const matches = open ? (data?.units ?? []) : [];

  const choose = (unit: PickedUnit | null) => {
    if ((unit?.code ?? "") !== (picked?.code ?? "")) onPick?.(unit?.code ?? "");
    setPicked(unit);
    setText(unit?.name ?? "");
    setTyped(false);
    setOpen(false);
    setActive(-1);
  };
  const leave = () => {
    if (text.trim() === "") choose(null);
    else choose(picked);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      if (matches.length > 0) setActive((i) => (event.key === "ArrowDown" ? (i + 1) % matches.length : (i <= 0 ? matches.length : i) - 1));
    } else if (event.key === "Enter" && open && active >= 0 && matches[active]) {
      // picks the highlighted unit instead of sending the form
      event.preventDefault();
      choose(matches[active]!);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      leave();
    }
  };
  const listId = `${id}-daftar`;
  const optionId = (i: number) => `${id}-unit-${i}`;
  const picker = (
    <div className="unit-picker">
      <input
        id={id}
        {...aria}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        placeholder={emptyLabel}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setTyped(true);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={leave}
        onKeyDown={onKeyDown}
      />
      <input type="hidden" name={name} value={picked?.code ?? ""} />
      <ul
        id={listId}
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA combobox pattern puts its listbox on a list
        role="listbox"
        aria-label={`Pilihan ${(label ?? "unit").toLowerCase()}`}
        className="picker-results unit-picker-list"
        hidden={!open}
      >
        {matches.map((unit, i) => (
          // biome-ignore lint/a11y/useFocusableInteractive: options are reached through aria-activedescendant, focus stays in the input
          <li
            key={unit.code}
            id={optionId(i)}
            // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an option of the listbox above
            role="option"
            aria-selected={i === active}
            // mousedown, not click: the input's blur would otherwise close the list first
            onMouseDown={(event) => {
              event.preventDefault();
              choose(unit);
            }}
          >
            {unit.name}
            <span className="muted">
              {unit.above.length > 0 ? ` — ${unit.above.join(", ")}` : ""}
              {unit.active ? "" : " (nonaktif)"}
            </span>
          </li>
        ))}
      </ul>
      <p className="muted" role="status">
        {open && failed
          ? "Daftar unit tidak dapat dimuat; coba lagi."
          : open && data && matches.length === 0
            ? "Tidak ada unit yang cocok."
            : ""}
      </p>
    </div>
  );
  return label ? (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {picker}
    </div>
  ) : (
    picker
  );
}
