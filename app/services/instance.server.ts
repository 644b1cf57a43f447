// What printing needs from the instance: its profile (refused while missing) and which pinned dictionary
// texts are examples.
import { and, eq, inArray, or } from "drizzle-orm";
import { isExampleText } from "~/domain/example-text";
import { INSTANCE_MISSING_MESSAGE, type InstanceProfile } from "~/domain/instance";
import type { DbOrTx } from "~db/client.server";
import { instanceProfile } from "~db/queries/instance.server";
import { competencies, competencyRevisions } from "~db/schema";

/** Printing or exporting before the profile is filled in: the message is for the user as it is. */
export class InstanceMissingError extends Error {
  constructor() {
    super(INSTANCE_MISSING_MESSAGE);
  }
}

export function requireInstance(db: DbOrTx): InstanceProfile {
  const profile = instanceProfile(db);
  if (!profile) throw new InstanceMissingError();
  return profile;
}

/** The codes whose pinned revision (code, revision number) holds an example text. */
export function exampleCodesOf(db: DbOrTx, pinned: readonly { code: string; dictionaryRevision: number }[]): Set<string> {
  if (pinned.length === 0) return new Set();
  const rows = db
    .select({ code: competencies.code, textStatus: competencyRevisions.textStatus })
    .from(competencyRevisions)
    .innerJoin(competencies, eq(competencies.id, competencyRevisions.competencyId))
    .where(
      and(
        inArray(competencies.code, [...new Set(pinned.map((p) => p.code))]),
        or(...pinned.map((p) => and(eq(competencies.code, p.code), eq(competencyRevisions.number, p.dictionaryRevision)))),
      ),
    )
    .all();
  return new Set(rows.filter(isExampleText).map((r) => r.code));
}

/** For download routes: a clear refusal instead of a document printed with an empty name; otherwise the profile. */
export function refuseWithoutInstance(db: DbOrTx): InstanceProfile {
  const profile = instanceProfile(db);
  if (!profile) throw new Response(INSTANCE_MISSING_MESSAGE, { status: 409, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return profile;
}
