import type { ImportError } from "./sotk-import";

/** What an import page answers: a refusal in words, every bad row, or what the import will do (preview) or did. */
export type ImportReply<Result> =
  | { kind: "message"; message: string }
  | { kind: "errors"; errors: ImportError[] }
  | ({ kind: "preview" | "done"; files: string[] } & Result);
