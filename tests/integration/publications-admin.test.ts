// Network administration (issue 16 §5 and "Bad input"): creating publications and bundles. A slug
// or hostname that collides with an existing one is a clear error and nothing is half-created.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAllTiers, listPublications } from "@/db/queries/publications";
import { seedDemo } from "@/db/seed/seed";
import { createPublication, setBundleByKeys } from "@/lib/publications/admin";
import { AppError } from "@/lib/http/errors";
import { cliActor, type Actor } from "@/lib/studio/audit";
import { databaseKinds, openTestDatabase, type TestDatabase } from "./helpers/databases";

const now = new Date("2026-11-28T00:00:00Z");
const network = cliActor("network-admin");

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe.each(databaseKinds())("network administration on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await seedDemo(t.db, now);
  });
  afterAll(async () => t?.close());

  const counts = async () => {
    const [pubs, { tiers }] = await Promise.all([listPublications(t.db), listAllTiers(t.db)]);
    return { publications: pubs.length, hosts: pubs.flatMap((p) => p.hosts).length, tiers: tiers.length };
  };

  it("creates a publication with its hosts and starting tiers, then refuses every collision whole", async () => {
    const created = await createPublication(t.db, network, { slug: "Weekly", name: "주간 마스트헤드", hosts: ["Weekly.Example.com", "weekly.example.com"] });
    expect(created).toMatchObject({ slug: "weekly", hosts: ["weekly.example.com"] });
    const { tiers } = await listAllTiers(t.db);
    expect(
      tiers
        .filter((x) => x.publicationId === created.id)
        .map((x) => x.slug)
        .sort(),
    ).toEqual(["free", "premium"]);

    const before = await counts();
    const slugTaken = await rejection(createPublication(t.db, network, { slug: "data", name: "x", hosts: ["new.example.com"] }));
    expect(slugTaken).toMatchObject({ type: "conflict", surface: "slug" });
    expect(slugTaken.message).toMatch(/already exists/);
    // One free host and one taken: nothing is created, not even the free host.
    const hostTaken = await rejection(createPublication(t.db, network, { slug: "another", name: "x", hosts: ["free.example.com", "data.localhost"] }));
    expect(hostTaken).toMatchObject({ type: "conflict", surface: "hosts" });
    expect(hostTaken.message).toContain("data.localhost");
    // SITE_URL's host belongs to the primary even though no row names it.
    const siteHost = new URL(process.env.SITE_URL ?? "http://localhost:3000").hostname;
    expect(await rejection(createPublication(t.db, network, { slug: "shadow", name: "x", hosts: [siteHost] }))).toMatchObject({ type: "conflict" });
    for (const [slug, hosts] of [
      ["p", ["ok.example.com"]],
      ["api", ["ok.example.com"]],
      ["fine", ["http://x.example.com/"]],
      ["fine", []],
    ] as const) {
      const err = await createPublication(t.db, network, { slug, name: "x", hosts: [...hosts] }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, `${slug} ${hosts.join(",")}`).toBeTruthy();
    }
    expect(await counts()).toEqual(before);
    expect((await listPublications(t.db)).map((p) => p.slug)).not.toContain("another");
  });

  it("only network admins create publications and bundles", async () => {
    const pubAdmin: Actor = { memberId: null, label: "pub-admin", role: "admin", publicationId: 1, network: false };
    expect(await rejection(createPublication(t.db, pubAdmin, { slug: "nope", name: "x", hosts: ["nope.example.com"] }))).toMatchObject({ type: "forbidden" });
    expect(await rejection(setBundleByKeys(t.db, pubAdmin, "premium", ["data.premium"]))).toMatchObject({ type: "forbidden" });
  });

  it("a bundle names paid tiers of other publications only", async () => {
    expect(await rejection(setBundleByKeys(t.db, network, "premium", ["supporter"]))).toMatchObject({ type: "invalid", surface: "includes" });
    expect(await rejection(setBundleByKeys(t.db, network, "premium", ["data.free"]))).toMatchObject({ type: "invalid" });
    expect(await rejection(setBundleByKeys(t.db, network, "premium", ["gazette.premium"]))).toMatchObject({ type: "invalid", surface: "tier" });
    const { included } = await setBundleByKeys(t.db, network, "premium", ["data.premium", "weekly.premium"]);
    expect(included.map((x) => x.slug)).toEqual(["premium", "premium"]);
    const { tiers, includes } = await listAllTiers(t.db);
    const primaryPremium = tiers.find((x) => x.slug === "premium" && x.publicationId === 1)!;
    expect(includes.filter((i) => i.tierId === primaryPremium.id)).toHaveLength(2);
  });
});
