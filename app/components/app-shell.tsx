import { Form, Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import type { NavItem, Role } from "~/domain/permissions";
import { ROLE_LABELS } from "~/domain/labels";

/** What the root loader sends for the shell, and what any component may read of it with useRouteLoaderData("root"). */
export interface ShellData {
  user: { name: string; email: string; role: Role } | null;
  navigation: NavItem[];
  demoUsersActive: boolean;
  /** Shown to admins until the instance profile is filled in. */
  instanceMissing?: boolean;
}

export function AppShell({ user, navigation, demoUsersActive, instanceMissing = false, children }: ShellData & { children: ReactNode }) {
  return (
    <>
      {demoUsersActive ? (
        <div className="demo-banner" role="status">
          Mode demo: akun demo masih aktif (kata sandi <code>demo-skj-2026</code>). Nonaktifkan akun demo sebelum dipakai sungguhan.
        </div>
      ) : null}
      {instanceMissing ? (
        <div className="demo-banner" role="alert">
          Profil instansi belum diisi: SKJ belum dapat dicetak atau diekspor. <a href="/admin/instansi">Isi profil instansi</a> (nama
          instansi, jabatan kepala, tempat penetapan).
        </div>
      ) : null}
      <header className="topbar">
        {/* an in-app link, so unsaved input is saved (or the user asked) before leaving, like every other link */}
        <Link to="/" className="brand">
          SKJ Studio
        </Link>
        {user ? (
          <nav aria-label="Navigasi utama" className="mainnav">
            <ul>
              {navigation.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === "/"}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {user ? (
          <div className="usermenu">
            <span className="username" title={user.email}>
              {user.name} <span className="role-badge">{ROLE_LABELS[user.role]}</span>
            </span>
            <Link to="/akun/token">Token API saya</Link>
            <Form method="post" action="/logout">
              <button type="submit" className="button-link">
                Keluar
              </button>
            </Form>
          </div>
        ) : null}
      </header>
      <main className="content">{children}</main>
    </>
  );
}
