import { EXAMPLE_MARK } from "~/domain/example-text";

/** Whether a national JF standard may be relied on: verified against its act, and not an example text. */
export function JfStandardMarks({ verified, example }: { verified: boolean; example: boolean }) {
  return (
    <>
      {example ? <span className="tag tag-warn">{EXAMPLE_MARK}</span> : null}{" "}
      {verified ? <span className="tag tag-ok">terverifikasi</span> : <span className="tag tag-warn">belum diverifikasi</span>}
    </>
  );
}
