/**
 * API keys: bearer tokens with a role. Keys are never stored or logged in clear: configured keys
 * (environment or keys file) are hashed at start, created keys are hashed before they are stored,
 * and a presented key is hashed and compared in constant time. Keys are 256-bit random values, so a
 * single SHA-256 is enough (no password stretching is needed against brute force).
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { DomainError } from "../domain/index.js";
import type { CatalogueStore, Role, StoredKey } from "../catalogue/store/store.js";
import type { Principal } from "./principal.js";

export const RoleSchema = z.enum(["reader", "editor", "admin"]);

export function hashKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A configured key: given in clear (hashed at once) or already as its SHA-256 hash. */
export const ConfiguredKeySchema = z
  .object({
    name: z.string().min(1).max(100),
    role: RoleSchema,
    key: z.string().min(16, "must be at least 16 characters").optional(),
    hash: z
      .string()
      .regex(/^[0-9a-f]{64}$/, "must be a hex SHA-256")
      .optional(),
  })
  .strict()
  .refine((k) => (k.key === undefined) !== (k.hash === undefined), {
    message: "give exactly one of key or hash",
  });
export type ConfiguredKey = z.infer<typeof ConfiguredKeySchema>;

export class KeyRing {
  private readonly configured: StoredKey[];

  constructor(
    configured: readonly ConfiguredKey[],
    private readonly store: CatalogueStore | null,
  ) {
    this.configured = configured.map((k, i) => ({
      id: `config-${i + 1}`,
      name: k.name,
      role: k.role,
      hash: k.hash ?? hashKey(k.key as string),
      createdAt: "configured",
      revoked: false,
    }));
  }

  /** The principal for an `Authorization` header; null when there is none; 401 when it is wrong. */
  authenticate(header: string | undefined): Principal | null {
    if (header === undefined || header === "") return null;
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw unauthorized("use the header Authorization: Bearer <api key>");
    const hash = hashKey(m[1] as string);
    const found =
      this.configured.find((k) => sameHash(k.hash, hash)) ??
      this.store?.findKeyByHash(hash) ??
      null;
    if (!found || !sameHash(found.hash, hash)) throw unauthorized("unknown API key");
    if (found.revoked) throw unauthorized("this API key was revoked");
    return { id: found.id, name: found.name, role: found.role };
  }

  /** Creates a key, stores only its hash, and returns the clear key (shown once). */
  create(role: Role, name: string): { id: string; key: string; role: Role; name: string } {
    if (!this.store)
      throw new DomainError("invalid_input", "Keys can only be created with a database", []);
    const key = `stk_${randomBytes(32).toString("base64url")}`;
    const id = randomUUID();
    this.store.addKey({
      id,
      name,
      role,
      hash: hashKey(key),
      createdAt: new Date().toISOString(),
      revoked: false,
    });
    return { id, key, role, name };
  }

  list(): Omit<StoredKey, "hash">[] {
    const all = [...this.configured, ...(this.store?.listKeys() ?? [])];
    return all.map(({ hash: _hash, ...rest }) => rest);
  }

  revoke(id: string): void {
    if (!this.store?.revokeKey(id))
      throw new DomainError(
        "not_found",
        `No revocable key "${id}" (configured keys are revoked by removing them from the configuration)`,
        [{ path: "id", problem: "unknown" }],
      );
  }
}

function unauthorized(problem: string): DomainError {
  return new DomainError("unauthorized", `Not authenticated: ${problem}`, [
    { path: "Authorization", problem },
  ]);
}
