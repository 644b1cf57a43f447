import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { endSession } from "~/auth/session.server";

async function logout(request: Request) {
  throw redirect("/login", { headers: { "Set-Cookie": await endSession(request) } });
}

export const action = ({ request }: ActionFunctionArgs) => logout(request);
// Visiting /logout signs out as well (contract §1 names it as a page).
export const loader = ({ request }: LoaderFunctionArgs) => logout(request);
