import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";

// Every unknown path: sign in first, then a 404 page inside the app shell.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  throw new Response("Alamat yang Anda buka tidak ada atau sudah dipindahkan.", { status: 404 });
}

export default function NotFound() {
  return null;
}

export const ErrorBoundary = GeneralErrorBoundary;
