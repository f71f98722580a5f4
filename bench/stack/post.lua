wrk.method = "POST"
wrk.body = '{"eventId":"purchase_completed","userId":"user-123","metadata":{"amount":49.99,"currency":"EUR"}}'
wrk.headers["Content-Type"] = "application/json"
