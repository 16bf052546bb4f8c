// Whether a path parameter can name a stored row at all. PostgreSQL text cannot hold NUL (the
// query fails with 22021 and the page answers 500), no slug holds control characters or runs past
// 200 characters, and a key that cannot match must not become a cache entry either.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function isLookupKey(key: string, maxLength = 200): boolean {
  return key.length > 0 && key.length <= maxLength && !CONTROL.test(key);
}
