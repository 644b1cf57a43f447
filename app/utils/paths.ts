/** The page of a dictionary entry; codes may hold "/" (instansi pembina codes), kept as path segments. */
export const entryPath = (code: string) => `/kamus/entri/${code.split("/").map(encodeURIComponent).join("/")}`;
