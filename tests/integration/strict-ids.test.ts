// A record has one address (issue 13): "1e0", "0x1", " 1", "01", "1.0" name nothing, on every route.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { strictId } from "~/utils/params";
import { loader as exportJob } from "~/routes/ekspor.$id";
import { loader as positionPage } from "~/routes/jabatan.$id._index";
import { loader as versionPdf } from "~/routes/jabatan.$id.versi.$n[.]pdf";
import { loader as unitPage } from "~/routes/struktur.$id";
import { loader as userPage } from "~/routes/admin.users.$userId";
import { loader as penetapanPage } from "~/routes/penetapan.$id";
import { cookieFor, get, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

const ODD_SPELLINGS = ["1e0", "0x1", " 1", "1 ", "01", "1.0", "+1", "0", "-1", "1_0", "０１", "9".repeat(16)];

describe("strict integer ids", () => {
  it.each(ODD_SPELLINGS)("%j names no record", (spelling) => {
    expect(strictId(spelling)).toBeNull();
  });

  it("reads the plain decimal spelling", () => {
    expect(strictId("1")).toBe(1);
    expect(strictId("20260")).toBe(20260);
  });

  it("answers 404 on every page whose address holds an id, for each odd spelling of an existing one", async () => {
    await useTestDatabase("demo");
    const cookie = await cookieFor("admin@demo.go.id");
    const pages = [
      [positionPage, "id", "/jabatan/1"],
      [unitPage, "id", "/struktur/1"],
      [userPage, "userId", "/admin/users/1"],
      [exportJob, "id", "/ekspor/1"],
      [penetapanPage, "id", "/penetapan/1"],
    ] as const;
    for (const [loader, name, path] of pages) {
      for (const spelling of ODD_SPELLINGS) {
        expect((await run(loader, get(path, cookie), { [name]: spelling })).status, `${path} as ${spelling}`).toBe(404);
      }
    }
    expect((await run(positionPage, get("/jabatan/1", cookie), { id: "1" })).status).toBe(200);
    expect((await run(versionPdf, get("/jabatan/1/versi/1e0.pdf", cookie), { id: "1", n: "1e0" })).status).toBe(404);
  });

  it("leaves no route reading a numeric parameter with Number()", () => {
    const routes = fs.readdirSync("app/routes").map((f) => [f, fs.readFileSync(`app/routes/${f}`, "utf8")] as const);
    expect(routes.filter(([, source]) => /Number\(params\.|parseInt\(params\./.test(source)).map(([f]) => f)).toEqual([]);
  });
});
