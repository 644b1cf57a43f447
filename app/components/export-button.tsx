import { Form, useNavigation } from "@remix-run/react";

/** Queues a bundle export and opens its progress page (the POST goes to /ekspor, whatever page shows the button). */
export function ExportButton({
  subject,
  id,
  format,
  label,
}: {
  subject: "penetapan" | "unit";
  id: number;
  format: "pdf" | "docx";
  label: string;
}) {
  const busy = useNavigation().formAction === "/ekspor?index";
  return (
    <Form method="post" action="/ekspor?index">
      <input type="hidden" name="subject" value={subject} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="format" value={format} />
      <button type="submit" className="button button-secondary" disabled={busy}>
        {label}
      </button>
    </Form>
  );
}
