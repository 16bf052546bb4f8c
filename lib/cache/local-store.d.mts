export class LocalStore {
  constructor(maxBytes: number);
  readonly bytes: number;
  readonly size: number;
  get(key: string): unknown;
  set(key: string, entry: unknown, size: number): void;
  delete(key: string): void;
}
