// Example texts stay examples (issue 14 item 6): the demo's illustrative dictionary texts are stored with the
// text status "contoh", and whatever prints them must say so until an admin replaces them with sourced texts.

export const EXAMPLE_MARK = "CONTOH — bukan teks resmi";

/** Whether a dictionary revision holds an example text rather than one with a source. */
export function isExampleText(revision: { textStatus: string | null | undefined }): boolean {
  return revision.textStatus === "contoh";
}
