import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~db/client.server";
import { overviewCounts } from "~db/queries/overview.server";

export const meta: MetaFunction = () => [{ title: "SKJ — SKJ Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read");
  const counts = overviewCounts(getDb());
  return { openDrafts: counts.openDrafts, publishedVersions: counts.publishedVersions, positions: counts.positions };
}

export default function DaftarSkj() {
  const { openDrafts, publishedVersions, positions } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Standar Kompetensi Jabatan</h1>
          <p>
            {positions} jabatan · {openDrafts} draf terbuka · {publishedVersions} versi ditetapkan
          </p>
        </div>
      </div>
      {openDrafts + publishedVersions === 0 ? (
        <p className="empty">Belum ada SKJ yang disusun. Penyusunan SKJ dimulai dari halaman jabatan.</p>
      ) : null}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
