import { Link, useRouteLoaderData } from "@remix-run/react";
import type { ShellData } from "~/components/app-shell";
import { can } from "~/domain/permissions";

export interface UnverifiedNoticeProps {
  /** The settings whose effect the page shows; pass unverifiedSettings(db) or full rows, verified ones are skipped. */
  settings: readonly { key: string; label: string; verified: boolean }[];
  /** Overrides the link decision; by default only users who may edit settings see it. */
  canEdit?: boolean;
}

/**
 * The tables behind the rules come from secondary sources (reference README, "data of low or medium trust"),
 * so every page that shows their effect says so until an admin has checked them against the regulation.
 */
export function UnverifiedNotice({ settings, canEdit }: UnverifiedNoticeProps) {
  const root = useRouteLoaderData<ShellData>("root");
  const pending = settings.filter((s) => !s.verified);
  if (pending.length === 0) return null;
  const showLink = canEdit ?? (root?.user ? can(root.user.role, "settings:write") : false);
  return (
    <p className="warning" role="note" data-testid="unverified-notice">
      Tabel berikut belum diverifikasi terhadap peraturan resmi: {pending.map((s) => s.label).join("; ")}.
      {showLink ? (
        <>
          {" "}
          <Link to="/admin/settings">Periksa di Pengaturan aturan</Link>
        </>
      ) : null}
    </p>
  );
}
