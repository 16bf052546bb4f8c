import { createClient } from "redis";

// One Redis connection per server process, wrapped so the cache never waits long for it and
// never throws into Next: commands fail fast while Redis is away (no offline queue), a command
// that hangs is cut off after a short timeout and Redis is skipped for a moment, and an outage is
// logged once when it starts and once when it ends.

export class RedisUnavailable extends Error {}

export class RedisLink {
  /**
   * @param {{ url: string, commandTimeoutMs?: number, connectTimeoutMs?: number, coolOffMs?: number,
   *   log?: { warn: (msg: string) => void, info: (msg: string) => void }, onRecover?: () => Promise<void> | void }} opts
   */
  constructor({ url, commandTimeoutMs = 500, connectTimeoutMs = 1000, coolOffMs = 2000, log = defaultLog, onRecover }) {
    this.commandTimeoutMs = commandTimeoutMs;
    this.coolOffMs = coolOffMs;
    this.log = log;
    this.onRecover = onRecover;
    this.outage = false;
    this.downs = 0;
    this.coolOffUntil = 0;
    this.client = createClient({
      url,
      disableOfflineQueue: true,
      socket: { connectTimeout: connectTimeoutMs, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000) },
    });
    // Without a listener an 'error' event would crash the process.
    this.client.on("error", (err) => this.markDown(err));
    this.client.on("ready", () => this.markUp());
    this.client.connect().catch((err) => this.markDown(err));
  }

  available() {
    return this.client.isReady && Date.now() >= this.coolOffUntil;
  }

  /**
   * Runs `fn` against Redis with a deadline. Throws RedisUnavailable (already logged) on failure.
   * @template T @param {(client: any) => Promise<T>} fn @returns {Promise<T>}
   */
  async run(fn) {
    if (!this.available()) throw new RedisUnavailable("redis unavailable");
    // A reply that was already on its way when the connection dropped must not count as recovery.
    const downsBefore = this.downs;
    let timer;
    try {
      const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${this.commandTimeoutMs} ms`)), this.commandTimeoutMs);
      });
      const result = await Promise.race([fn(this.client), deadline]);
      if (this.outage && this.downs === downsBefore && this.client.isReady) this.markUp();
      return result;
    } catch (err) {
      this.markDown(err);
      this.coolOffUntil = Date.now() + this.coolOffMs;
      throw new RedisUnavailable("redis unavailable");
    } finally {
      clearTimeout(timer);
    }
  }

  /** @param {unknown} err */
  markDown(err) {
    if (this.outage) return;
    this.outage = true;
    this.downs++;
    const reason = err instanceof Error ? err.message || err.name : String(err);
    this.log.warn(`[cache] Redis unreachable (${reason}); serving from this instance's memory until it returns`);
  }

  markUp() {
    if (!this.outage) return;
    this.outage = false;
    this.coolOffUntil = 0;
    this.log.info("[cache] Redis reachable again; shared cache restored");
    void Promise.resolve(this.onRecover?.()).catch(() => undefined);
  }

  async close() {
    this.client.removeAllListeners("ready");
    await this.client.close().catch(() => this.client.destroy());
  }
}

const defaultLog = { warn: (m) => console.warn(m), info: (m) => console.log(m) };
