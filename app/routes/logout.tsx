import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { endSession, getSessionUser } from "~/auth/session.server";

export const meta: MetaFunction = () => [{ title: "Keluar — SKJ Studio" }];

// Signing out is a POST (the app shell's "Keluar" button, or the form below); a GET only asks, so a link
// or an image on another site can no longer end someone's session (issue 13).
export const action = async ({ request }: ActionFunctionArgs) => {
  throw redirect("/login", { headers: { "Set-Cookie": await endSession(request) } });
};

export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await getSessionUser(request))) throw redirect("/login");
  return null;
}

export default function LogoutPage() {
  return (
    <section className="stacked">
      <h1>Keluar dari SKJ Studio</h1>
      <p>Anda masih masuk. Tekan tombol di bawah untuk keluar dari sesi ini.</p>
      <Form method="post">
        <button type="submit" className="button">
          Keluar sekarang
        </button>
      </Form>
    </section>
  );
}
