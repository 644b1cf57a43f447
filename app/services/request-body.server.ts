// Every action reads its body through here, so a body of the wrong kind is answered 415/400 instead of
// ending in a 500 inside request.formData() or on a JSON value that is not an object (issue 13).
const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

const mediaType = (request: Request) => (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();

export const isJsonBody = (request: Request) => mediaType(request) === "application/json";

/** The posted form; a thrown 415 for any other kind of body, 400 for a form that cannot be read. */
export async function readFormBody(request: Request): Promise<FormData> {
  if (!FORM_TYPES.has(mediaType(request))) {
    throw new Response("Isi permintaan harus berupa formulir (application/x-www-form-urlencoded atau multipart/form-data).", {
      status: 415,
    });
  }
  try {
    return await request.formData();
  } catch {
    throw new Response("Isi formulir tidak dapat dibaca.", { status: 400 });
  }
}

/** The JSON object the editor posted, or null when the body is no JSON object at all (the caller answers 400). */
export async function readJsonObject(request: Request): Promise<Record<string, unknown> | null> {
  try {
    const value: unknown = await request.json();
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
