import { describe, expect, it } from "vitest";
import {
  buildPublicationTable,
  hostnameProblem,
  publicationForHost,
  publicationOrigin,
  publicationSlugProblem,
  type PublicationRef,
} from "@/lib/publications/model";

const pub = (id: number, slug: string, hosts: string[], isPrimary = false): PublicationRef => ({
  id,
  slug,
  name: slug,
  nameEn: null,
  tagline: "",
  taglineEn: null,
  locale: "ko",
  timeZone: "Asia/Seoul",
  accentColor: "#000000",
  logoUrl: null,
  isPrimary,
  hosts,
});
const table = buildPublicationTable([pub(1, "main", [], true), pub(2, "data", ["data.example.com", "stats.example.com"])], "example.com")!;

describe("routing by host", () => {
  it("maps hostnames (port ignored, case and trailing dot folded) to their publication", () => {
    expect(publicationForHost(table, "data.example.com").slug).toBe("data");
    expect(publicationForHost(table, "DATA.example.com:8443").slug).toBe("data");
    expect(publicationForHost(table, "stats.example.com.").slug).toBe("data");
    expect(publicationForHost(table, "example.com:3000").slug).toBe("main");
  });

  it("answers unknown, malformed and IP hosts as the primary publication, never another", () => {
    for (const host of [
      "evil.example.net",
      "127.0.0.1:3000",
      "[::1]:3000",
      "data.example.com.evil.net",
      "data.example.com@evil",
      "",
      null,
      "a b",
      "data.example.com/x",
    ]) {
      expect(publicationForHost(table, host).slug).toBe("main");
    }
  });

  it("gives every publication its canonical origin from SITE_URL's scheme and port", () => {
    expect(publicationOrigin(table.bySlug.get("main")!, "http://localhost:3000")).toBe("http://localhost:3000");
    expect(publicationOrigin(table.bySlug.get("data")!, "http://localhost:3000")).toBe("http://data.example.com:3000");
    expect(publicationOrigin(table.bySlug.get("data")!, "https://example.com")).toBe("https://data.example.com");
  });

  it("refuses slugs and hostnames that cannot name a publication", () => {
    expect(publicationSlugProblem("data")).toBeNull();
    for (const bad of ["", "Data", "t", "p", "api", "studio", "en", "1data", "data_x", "a".repeat(41)]) expect(publicationSlugProblem(bad)).not.toBeNull();
    expect(hostnameProblem("data.localhost")).toBeNull();
    for (const bad of ["data.localhost:3000", "10.0.0.1", "http://x.com", "x y.com", "-x.com", "[::1]"]) expect(hostnameProblem(bad)).not.toBeNull();
  });
});
