// Who may do what. One table for the UI (which links to show) and the server guard (which requests to refuse).
export const ROLES = ["admin", "analis", "reviewer", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "read", // every page of the register, dictionary, SKJ and penetapan
  "register:write", // SOTK units and positions
  "dictionary:write", // technical dictionary drafts
  "dictionary:publish",
  "jf-standard:write", // national standards of functional positions: import and edit
  "skj:write", // drafts, submission
  "skj:review", // approve, return
  "skj:publish", // penetapan
  "users:manage",
  "settings:write",
  "audit:read",
  "exports:all", // every user's export jobs (each user always sees their own)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  viewer: ["read"],
  analis: ["read", "register:write", "dictionary:write", "jf-standard:write", "skj:write"],
  // reviewers may also edit (contract §1); four-eyes is checked per document, not here
  reviewer: ["read", "register:write", "dictionary:write", "dictionary:publish", "skj:write", "skj:review", "skj:publish"],
  admin: [...PERMISSIONS],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export interface NavItem {
  to: string;
  label: string;
}

const NAVIGATION: { item: NavItem; needs: Permission }[] = [
  { item: { to: "/", label: "Beranda" }, needs: "read" },
  { item: { to: "/struktur", label: "Struktur Organisasi" }, needs: "read" },
  { item: { to: "/jabatan", label: "Jabatan" }, needs: "read" },
  { item: { to: "/kamus", label: "Kamus Kompetensi" }, needs: "read" },
  { item: { to: "/skj", label: "SKJ" }, needs: "read" },
  { item: { to: "/penetapan", label: "Penetapan" }, needs: "read" },
  { item: { to: "/admin", label: "Admin" }, needs: "users:manage" },
];

export function navigationFor(role: Role): NavItem[] {
  return NAVIGATION.filter((n) => can(role, n.needs)).map((n) => n.item);
}
