import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { getSessionUser } from "~/auth/session.server";
import { AppShell, type ShellData } from "~/components/app-shell";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LeaveGuard } from "~/components/unsaved/leave-guard";
import { useNonce } from "~/components/nonce";
import { can, navigationFor } from "~/domain/permissions";
import { instanceProfile } from "~db/queries/instance.server";
import { demoUsersActive } from "~db/queries/users.server";
import { getDb } from "~db/client.server";
import styles from "~/styles/app.css";
import { z } from "zod";

// zod compiles its parsers with `new Function` unless told not to, and probes for it even then: under the
// Content-Security-Policy (no 'unsafe-eval') that probe is a reported violation in every browser
z.config({ jitless: true });

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "data:," },
];

export const meta: MetaFunction = () => [{ title: "SKJ Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  return {
    user,
    navigation: user ? navigationFor(user.role) : [],
    demoUsersActive: demoUsersActive(getDb()),
    // a fresh install prints nothing until an admin has said whose SKJ these are
    instanceMissing: user ? can(user.role, "settings:write") && !instanceProfile(getDb()) : false,
  } satisfies ShellData;
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="id">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const data = useLoaderData<typeof loader>();
  // lets browser tests (and support staff) tell a hydrated page from server HTML
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <AppShell user={data.user} navigation={data.navigation} demoUsersActive={data.demoUsersActive} instanceMissing={data.instanceMissing}>
      <LeaveGuard>
        <Outlet />
      </LeaveGuard>
    </AppShell>
  );
}

export function ErrorBoundary() {
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <AppShell
      user={data?.user ?? null}
      navigation={data?.navigation ?? []}
      demoUsersActive={data?.demoUsersActive ?? false}
      instanceMissing={data?.instanceMissing ?? false}
    >
      <GeneralErrorBoundary />
    </AppShell>
  );
}
