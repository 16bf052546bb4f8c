// Browser-side calls to the comments API (design §9). The island never renders from anything
// else, so the cached page around it stays one render per tier.
import type { ApiError, CommentListResponse, CommentView } from "./types";

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; error: ApiError["error"] };

const base = (slug: string) => `/api/articles/${encodeURIComponent(slug)}/comments`;

async function call<T>(url: string, init: RequestInit): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, cache: "no-store", headers: { "content-type": "application/json", ...init.headers } });
  } catch {
    return { ok: false, status: 0, error: { code: "network", message: "" } };
  }
  const json: unknown = await res.json().catch(() => null);
  if (res.ok) return { ok: true, data: json as T };
  const error = (json as ApiError | null)?.error ?? { code: "unknown", message: "" };
  return { ok: false, status: res.status, error };
}

export const commentsApi = {
  list: (slug: string) => call<CommentListResponse>(base(slug), { method: "GET" }),
  create: (slug: string, body: string, parentId: number | null) =>
    call<{ comment: CommentView }>(base(slug), { method: "POST", body: JSON.stringify({ body, parentId }) }),
  edit: (slug: string, id: number, body: string) => call<{ comment: CommentView }>(`${base(slug)}/${id}`, { method: "PATCH", body: JSON.stringify({ body }) }),
  remove: (slug: string, id: number) => call<{ id: number }>(`${base(slug)}/${id}`, { method: "DELETE" }),
  report: (slug: string, id: number) => call<{ reported: true }>(`${base(slug)}/${id}/report`, { method: "POST", body: "{}" }),
};
