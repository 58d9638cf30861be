/** Who is acting, and the one rule table for what each role may do. */
import { DomainError } from "../domain/index.js";
import type { Role } from "../catalogue/store/store.js";

export interface Principal {
  /** Stable id of the key (or "cli:<user>" for the command line). */
  id: string;
  name: string;
  role: Role;
}

const RANK: Record<Role, number> = { reader: 0, editor: 1, admin: 2 };

/** Throws forbidden unless `who` has at least `role`. */
export function requireRole(who: Principal, role: Role, action: string): void {
  if (RANK[who.role] < RANK[role]) {
    throw new DomainError(
      "forbidden",
      `A ${who.role} key may not ${action}; it needs the ${role} role`,
      [{ path: "Authorization", problem: `role ${role} required` }],
    );
  }
}

export function actorOf(who: Principal): string {
  return `${who.name} (${who.role})`;
}
