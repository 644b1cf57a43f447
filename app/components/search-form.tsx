import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

/** A GET form with one `q` field that searches the list on the same page; `children` follow the button. */
export function SearchForm({ id, label, what, q, children }: { id: string; label: string; what: string; q: string; children?: ReactNode }) {
  return (
    <Form method="get" className="filters" role="search">
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input id={id} name="q" type="search" defaultValue={q} placeholder={`Nama atau kode ${what}`} />
      </div>
      <button type="submit" className="button button-secondary">
        Cari
      </button>
      {children}
    </Form>
  );
}
