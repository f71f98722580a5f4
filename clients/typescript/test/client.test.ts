/**
 * The generated TypeScript client against a real `loyalty serve` (SQLite): one walk through a shop
 * integration, every call typed by the document. A document that stops matching the server fails here
 * (or, for a shape the test uses, fails to compile).
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { createLoyaltyClient, type LoyaltyClient, type Schemas } from "../src/index.js";
import { startServer, userToken, type Server } from "./server.js";

let server: Server;
let shop: LoyaltyClient;
let user: LoyaltyClient;

before(async () => {
  server = await startServer();
  shop = createLoyaltyClient({ baseUrl: server.baseUrl, apiKey: server.apiKey });
  user = createLoyaltyClient({ baseUrl: server.baseUrl, token: userToken(server.jwtSecret, server.tenant, "u-42") });
});

after(async () => {
  await server?.stop();
});

const purchase: Schemas["AdminEventInput"] = {
  title: "Purchase completed",
  status: "ACTIVE",
  type: "TRANSACTION",
  rewardValueField: "amount",
  reward: { default: 2 },
  metadataFields: [{ key: "amount", type: "number", required: true }],
};

test("a shop integration through the typed client", async () => {
  // the programme, through the typed admin API
  const put = await shop.PUT("/v1/admin/events/{id}", {
    params: { path: { id: "purchase_completed" } },
    body: purchase,
  });
  assert.equal(put.response.status, 200);
  assert.equal(put.data?.eventId, "purchase_completed");
  assert.equal(put.data?.version, 1);
  const login = await shop.PUT("/v1/admin/events/{id}", {
    params: { path: { id: "app_login" } },
    body: { title: "App login", status: "ACTIVE", type: "FIXED", reward: { default: 5 } },
  });
  assert.equal(login.response.status, 200);
  const coffee = await shop.PUT("/v1/admin/offers/{id}", {
    params: { path: { id: "coffee" } },
    body: { title: "Free coffee", type: "LOCAL", points: 100 },
  });
  assert.equal(coffee.data?.points, 100);

  const created = await shop.POST("/v1/user", { body: { userId: "u-42" } });
  assert.equal(created.response.status, 201);
  assert.equal(created.data?.userId, "u-42");

  // seed 002: a TRANSACTION event of 49.99 at 2 points per unit → 100 points; a retry counts once
  const order = { eventId: "purchase_completed", userId: "u-42", metadata: { amount: 49.99 } };
  const logged = await shop.POST("/v1/event", {
    body: order,
    params: { header: { "Idempotency-Key": "order-A-1001" } },
  });
  assert.equal(logged.data?.data.points, 100);
  const retried = await shop.POST("/v1/event", {
    body: order,
    params: { header: { "Idempotency-Key": "order-A-1001" } },
  });
  assert.equal(retried.response.headers.get("Idempotent-Replayed"), "true");

  // a refund: the second order's event is reversed by the id its answer carried
  const second = await shop.POST("/v1/event", {
    body: { eventId: "purchase_completed", userId: "u-42", metadata: { amount: 10 } },
    params: { header: { "Idempotency-Key": "order-A-1002" } },
  });
  assert.equal(second.data?.data.points, 20);
  const loggedEventId = second.response.headers.get("Loyalty-Logged-Event-Id") ?? "";
  const reversal = await shop.POST("/v1/event/{loggedEventId}/reverse", { params: { path: { loggedEventId } } });
  assert.equal(reversal.response.status, 200);
  assert.deepEqual([reversal.data?.data.points, reversal.data?.data.shortfall], [20, 0]);

  const points = await user.GET("/v1/user/{userId}/points", { params: { path: { userId: "u-42" } } });
  assert.deepEqual(points.data, { userId: "u-42", points: 100, userExists: true, pendingPoints: 0 });
  const history = await user.GET("/v1/user/{userId}/history", {
    params: { path: { userId: "u-42" }, query: { sort: "desc", showAll: false } },
  });
  assert.deepEqual(
    history.data?.map((entry) => entry.points),
    [-20, 20, 100],
  );

  const redeemed = await user.POST("/v1/user/{userId}/offer/{offerId}/redeem", {
    params: { path: { userId: "u-42", offerId: "coffee" } },
  });
  assert.equal(redeemed.response.status, 200);
  const coupons = await user.GET("/v1/user/{userId}/coupon", { params: { path: { userId: "u-42" } } });
  assert.equal(coupons.data?.length, 1);

  // seed 001: an Audience action is an event of the user's own token
  const action = await user.POST("/api/loyalty/action", { body: { action: "app_login" } });
  assert.equal(action.data?.data["points"], 5);

  // the Emporix face: addPoints, and the balance counts them
  const added = await shop.POST("/reward-points/customer/{customerId}/addPoints", {
    params: { path: { customerId: "u-42" } },
    body: { points: 123 },
  });
  assert.equal(added.data?.points, 123);
  const after = await user.GET("/v1/user/{userId}/points", { params: { path: { userId: "u-42" } } });
  assert.equal(after.data?.points, 0 + 5 + 123);
});

test("errors come back as the dialect's typed envelope", async () => {
  const missing = await shop.POST("/v1/event", { body: { eventId: "no_such_event", userId: "nobody" } });
  assert.equal(missing.response.status, 404);
  assert.equal(missing.error?.statusCode, 404);
  const bad = await shop.POST("/reward-points/customer/{customerId}/addPoints", {
    params: { path: { customerId: "u-42" } },
    body: { points: 0 },
  });
  assert.equal(bad.response.status, 400);
  assert.equal(bad.error?.field, "points");
  assert.equal(bad.response.headers.get("content-type"), "application/json"); // as the vendor documents
});
