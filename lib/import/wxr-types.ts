// The parts of a WordPress eXtended RSS (WXR 1.x) export the importer uses.

export type WxrAuthor = { login: string; email: string | null; displayName: string; bio: string };
export type WxrTerm = { slug: string; name: string; description: string };
export type WxrItemTerm = { domain: "category" | "post_tag"; slug: string; name: string };

export type WxrItem = {
  id: number;
  type: string; // post, page, attachment, nav_menu_item…
  status: string; // publish, future, draft, pending, private, trash, inherit, auto-draft
  title: string;
  slug: string; // post_name, percent-decoded
  link: string;
  creator: string; // author login
  contentHtml: string;
  excerpt: string;
  // <wp:post_password> was set: WordPress showed readers only the title and a password form.
  // The password itself is not kept — Masthead gates by tier, not by a shared secret.
  passwordProtected: boolean;
  dateGmt: Date | null;
  terms: WxrItemTerm[];
  meta: Record<string, string>;
  attachmentUrl: string | null;
  line: number;
};

export type WxrDocument = {
  siteUrl: string;
  authors: WxrAuthor[];
  categories: WxrTerm[];
  tags: WxrTerm[];
  items: WxrItem[];
};

// A malformed export: names where it failed, so the editor can fix the file.
export class WxrError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
    readonly element: string | null,
  ) {
    super(line ? `${message} (line ${line}${element ? `, <${element}>` : ""})` : message);
    this.name = "WxrError";
  }
}

// An import option the caller passed that cannot be honoured (e.g. an unknown tier): nothing is
// written, and the CLI or the studio says why.
export class ImportOptionError extends Error {
  constructor(
    readonly option: string,
    readonly value: string,
    readonly allowed: readonly string[],
  ) {
    super(`unknown ${option} "${value}": use one of ${allowed.join(", ")}`);
    this.name = "ImportOptionError";
  }
}
