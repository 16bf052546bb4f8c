// Posts an image to the studio upload route (the same one as the hero image) and returns its URL.
export async function uploadImage(file: File): Promise<{ url: string } | { status: number; message?: string }> {
  const res = await fetch("/api/admin/studio/uploads", { method: "POST", body: file, headers: { "content-type": file.type || "application/octet-stream" } });
  const body = (await res.json().catch(() => ({}))) as { url?: string; error?: { message?: string } };
  return res.ok && body.url ? { url: body.url } : { status: res.status, message: body.error?.message };
}
