/** Starts a real `loyalty serve` on a fresh SQLite file, with one bootstrap tenant, for the tests. */
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..", "..", "..", "..");

export interface Server {
  baseUrl: string;
  tenant: string;
  apiKey: string;
  jwtSecret: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function startServer(): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), "loyalty-ts-client-"));
  const port = await freePort();
  const tenant = "shop";
  const apiKey = `lyk_${randomBytes(24).toString("base64url")}`;
  const jwtSecret = randomBytes(32).toString("base64url");
  const python = process.env.LOYALTY_PYTHON ?? join(ROOT, ".venv", "bin", "python");
  const child: ChildProcess = spawn(python, ["-m", "loyalty", "serve", "--port", String(port)], {
    env: {
      ...process.env,
      PYTHONPATH: join(ROOT, "src"),
      LOYALTY_DATABASE_URL: `sqlite:///${join(dir, "loyalty.db")}`,
      LOYALTY_BOOTSTRAP_TENANT: tenant,
      LOYALTY_BOOTSTRAP_ADMIN_KEY: apiKey,
      LOYALTY_BOOTSTRAP_JWT_SECRET: jwtSecret,
      LOYALTY_DELIVERY_IN_PROCESS: "false",
      LOYALTY_LOG_LEVEL: "WARNING",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`loyalty serve exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("loyalty serve did not become ready in 30 s");
    await new Promise((wake) => setTimeout(wake, 100));
  }
  return {
    baseUrl,
    tenant,
    apiKey,
    jwtSecret,
    async stop() {
      child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An HS256 user token, as a shop's backend signs one for its signed-in customer (docs/integration.md). */
export function userToken(secret: string, tenant: string, userId: string, ttlSeconds = 3600): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${encode({ alg: "HS256", typ: "JWT" })}.${encode({ sub: userId, tenant, iat: now, exp: now + ttlSeconds })}`;
  return `${unsigned}.${createHmac("sha256", secret).update(unsigned).digest("base64url")}`;
}
