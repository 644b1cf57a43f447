import { Form, Link } from "@remix-run/react";

interface Props {
  /** Whether this row's action was asked for (the page's `?<askParam>=<id>`), so the question shows. */
  asking: boolean;
  id: number;
  /** The action's `intent`, posted only once the user confirms. */
  intent: string;
  /** The query parameter that asks; asking is not a change, so it is a GET. */
  askParam: string;
  askLabel: string;
  askAriaLabel: string;
  question: string;
  confirmLabel: string;
  /** Where "Batal" goes: the page without the question. */
  cancelTo: string;
}

/** A destructive action of a table row that asks in place before it posts. */
export function ConfirmInRow({ asking, id, intent, askParam, askLabel, askAriaLabel, question, confirmLabel, cancelTo }: Props) {
  return asking ? (
    <Form method="post" className="actions">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <span>{question}</span>
      <button type="submit" className="button">
        {confirmLabel}
      </button>
      <Link to={cancelTo}>Batal</Link>
    </Form>
  ) : (
    <Form method="get">
      <input type="hidden" name={askParam} value={id} />
      <button type="submit" className="button button-secondary" aria-label={askAriaLabel}>
        {askLabel}
      </button>
    </Form>
  );
}
