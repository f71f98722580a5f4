"""The dashboard's routes. Each page calls app use cases directly; every write goes through
``run_write`` with the signed-in admin key's principal, so validation and audit are those of the
admin API."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote, urlencode

import jinja2
import yaml
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from loyalty.app import admin, offers, users, webhooks
from loyalty.app.adjustments import adjust_points
from loyalty.app.config_kinds import KINDS
from loyalty.app.coupons import user_coupons
from loyalty.app.credentials import hash_key, principal_from_api_key, principal_from_key_hash
from loyalty.app.ledger_view import user_ledger
from loyalty.app.principal import Principal
from loyalty.app.services import Services
from loyalty.app.uow import Encoded, Tx, run_write
from loyalty.core.errors import ErrorCode, LoyaltyError
from loyalty.core.timeutil import iso_utc
from loyalty.web import charts, extensions, schema_help, stats_source
from loyalty.web import panels as _panels  # noqa: F401  (registers the offer, survey and webhook panels)
from loyalty.web.session import Session, SessionCodec, csrf_matches, new_session

HERE = Path(__file__).parent
# Pages show keys once and personal data: never cached, never framed, nothing loaded from elsewhere.
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self'; img-src 'self' data:; "
        "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    ),
}
R = TypeVar("R")


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
    )
    env.filters["when"] = lambda ms: "—" if ms is None else iso_utc(int(ms)).replace("T", " ")[:16]
    env.filters["tojson_pretty"] = lambda v: json.dumps(v, indent=2, ensure_ascii=False)
    env.filters["num"] = lambda v: f"{v:,}" if isinstance(v, int) else v
    return env


@dataclass
class Ctx:
    request: Request
    session: Session
    principal: Principal
    form: FormData | None = None
    nav: list[str] = field(default_factory=list)


Handler = Callable[[Ctx], Awaitable[Response]]


async def write(services: Services, principal: Principal, work: Callable[[Tx], Awaitable[R]]) -> R:
    """Run a dashboard command in one write transaction, exactly as an admin API write runs."""
    done: list[R] = []

    async def run(tx: Tx) -> R:
        result = await work(tx)
        done.append(result)
        return result

    await run_write(services, principal, run, lambda _: Encoded(200, b"", "text/html"))
    return done[0]


def item_title(item: dict[str, Any]) -> str:
    for name in ("title", "name", "label", "description"):
        value = item.get(name)
        if isinstance(value, dict):  # localised text
            value = next(iter(value.values()), None)
        if isinstance(value, str) and value:
            return value
    return ""


def dump_yaml(body: dict[str, Any]) -> str:
    return yaml.safe_dump(body, sort_keys=False, allow_unicode=True, default_flow_style=False)


def build(services: Services) -> Mount:
    codec = SessionCodec(services.settings.dashboard_secret)
    env = _environment()

    def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("session", None)
        context.setdefault("principal", None)
        context.setdefault("notice", request.query_params.get("notice"))
        html = env.get_template(name).render(
            request=request,
            path=request.url.path,
            kinds=sorted(KINDS),
            **context,
        )
        return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)

    async def signed_in(request: Request) -> tuple[Session, Principal] | None:
        session = codec.read(request)
        if session is None or session.key_hash is None:
            return None
        try:
            principal = await principal_from_key_hash(services.tenants, session.key_hash)
        except LoyaltyError:
            return None
        if principal.tenant_id != session.tenant_id or not principal.is_admin:
            return None
        return session, principal

    def page(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            found = await signed_in(request)
            if found is None:
                if request.method != "GET":
                    return render(
                        request, "error.html", 403, message="Your session has ended; sign in again."
                    )
                target = "/dashboard/login?" + urlencode({"next": request.url.path})
                return RedirectResponse(target, status_code=303)
            session, principal = found
            ctx = Ctx(request=request, session=session, principal=principal)
            if request.method == "POST":
                ctx.form = await request.form()
                if not csrf_matches(session, ctx.form.get("csrf")):
                    return render(request, "error.html", 403, message="The form has expired (CSRF check).")
            try:
                return await handler(ctx)
            except LoyaltyError as error:
                status = {ErrorCode.NOT_FOUND: 404, ErrorCode.FORBIDDEN: 403}.get(error.code, 400)
                return render(
                    request, "error.html", status, message=error.message, session=session, principal=principal
                )

        return endpoint

    def show(ctx: Ctx, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return render(ctx.request, name, status, session=ctx.session, principal=ctx.principal, **context)

    def back(url: str, notice: str | None = None) -> RedirectResponse:
        if notice:
            url += ("&" if "?" in url else "?") + urlencode({"notice": notice})
        return RedirectResponse(url, status_code=303)

    # ----- sign-in -----------------------------------------------------------------------------

    async def login(request: Request) -> Response:
        session = codec.read(request) or new_session()
        error = None
        next_url = request.query_params.get("next") or "/dashboard/"
        if request.method == "POST":
            form = await request.form()
            next_url = str(form.get("next") or "/dashboard/")
            if not csrf_matches(session, form.get("csrf")):
                return render(request, "error.html", 403, message="The form has expired (CSRF check).")
            key = str(form.get("apiKey") or "").strip()
            try:
                principal = await principal_from_api_key(services.tenants, key) if key else None
            except LoyaltyError:
                principal = None
            if principal is None:
                error = "That API key is unknown or revoked."
            elif not principal.is_admin:
                error = "The dashboard needs an admin API key (this one is a service key)."
            else:
                fresh = new_session()  # a new CSRF token at sign-in
                signed = Session(csrf=fresh.csrf, key_hash=hash_key(key), tenant_id=principal.tenant_id)
                if not next_url.startswith("/dashboard") or "//" in next_url:
                    next_url = "/dashboard/"
                redirect = RedirectResponse(next_url, status_code=303)
                codec.write(request, redirect, signed)
                return redirect
        response = render(
            request, "login.html", 401 if error else 200, csrf=session.csrf, error=error, next_url=next_url
        )
        codec.write(request, response, Session(csrf=session.csrf))
        return response

    async def logout(request: Request) -> Response:
        session = codec.read(request)
        form = await request.form()
        if not csrf_matches(session, form.get("csrf")):
            return render(request, "error.html", 403, message="The form has expired (CSRF check).")
        response = RedirectResponse("/dashboard/login", status_code=303)
        codec.write(request, response, new_session())
        return response

    # ----- overview ----------------------------------------------------------------------------

    async def overview(ctx: Ctx) -> Response:
        counts = {k: len(await admin.list_items(services, ctx.principal, k)) for k in sorted(KINDS)}
        audit = (await admin.list_items(services, ctx.principal, "audit"))[:8]
        stats = await stats_source.load_stats(services, ctx.principal, "7d")
        spark = (
            charts.line_chart(
                charts.daily_series(stats, "events"), title="Events per day", width=1000, height=200
            )
            if stats
            else None
        )
        return show(ctx, "overview.html", counts=counts, audit=audit, stats=stats, spark=spark)

    # ----- configuration kinds (generic) -------------------------------------------------------

    def kind_or_404(name: str) -> Any:
        kind = KINDS.get(name)
        if kind is None:
            raise LoyaltyError(ErrorCode.NOT_FOUND, f"there is no configuration kind '{name}'")
        return kind

    async def config_list(ctx: Ctx) -> Response:
        name = ctx.request.path_params["kind"]
        kind = kind_or_404(name)
        new_id = (ctx.request.query_params.get("new") or "").strip()
        if new_id:
            return back(f"/dashboard/config/{quote(name)}/{quote(new_id, safe='')}")
        fields = schema_help.fields_of(kind.schema)
        items = await admin.list_items(services, ctx.principal, name)
        rows = [
            {
                "id": str(item.get(kind.id_field or "id") or ""),
                "title": item_title(item),
                "version": item.get("version"),
                "item": item,
            }
            for item in items
        ]
        return show(
            ctx,
            "config_list.html",
            kind=kind,
            rows=rows,
            toggle=schema_help.toggle_of(fields),
        )

    async def panel_of(ctx: Ctx, kind: Any, item_id: str, item: Any) -> dict[str, Any] | None:
        found = extensions.KIND_PANELS.get(kind.name)
        if found is None or not isinstance(item, dict):
            return None
        template, loader = found
        return {"template": template, **await loader(services, ctx.principal, item_id, item)}

    async def editor(
        ctx: Ctx,
        kind: Any,
        item_id: str,
        text: str,
        *,
        exists: bool,
        item: Any,
        error: LoyaltyError | None = None,
        status: int = 200,
        **extra: Any,
    ) -> Response:
        fields = schema_help.fields_of(kind.schema)
        return show(
            ctx,
            "config_edit.html",
            status,
            kind=kind,
            item_id=item_id,
            text=text,
            exists=exists,
            item=item,
            fields=fields,
            error=error,
            error_field=schema_help.top_field(error.field) if error else None,
            toggle=schema_help.toggle_of(fields),
            fragment=extensions.KIND_FRAGMENTS.get(kind.name),
            panel=await panel_of(ctx, kind, item_id, item) if exists else None,
            **extra,
        )

    async def config_edit(ctx: Ctx) -> Response:
        name, item_id = ctx.request.path_params["kind"], ctx.request.path_params["id"]
        kind = kind_or_404(name)
        if ctx.request.method == "POST":
            assert ctx.form is not None
            text = str(ctx.form.get("body") or "")
            try:
                body = yaml.safe_load(text) if text.strip() else None
            except yaml.YAMLError as exc:
                error = LoyaltyError(ErrorCode.INVALID_INPUT, f"not valid YAML/JSON: {exc}", field="body")
                return await editor(
                    ctx, kind, item_id, text, exists=False, item=None, error=error, status=400
                )
            try:
                saved = await write(
                    services, ctx.principal, lambda tx: admin.put_item(tx, name, item_id, body)
                )
            except LoyaltyError as error:
                if error.code == ErrorCode.FORBIDDEN:
                    raise
                return await editor(
                    ctx, kind, item_id, text, exists=False, item=None, error=error, status=400
                )
            return back(
                f"/dashboard/config/{quote(name)}/{quote(item_id, safe='')}",
                f"Saved {name}/{item_id} (version {saved.get('version')}).",
            )
        try:
            item = await admin.get_item(services, ctx.principal, name, item_id)
        except LoyaltyError as error:
            if error.code != ErrorCode.NOT_FOUND:
                raise
            skeleton: dict[str, Any] = {kind.id_field: item_id} if kind.id_field else {}
            for f in schema_help.fields_of(kind.schema):
                if f.required and f.name not in skeleton:
                    skeleton[f.name] = None
            return await editor(ctx, kind, item_id, dump_yaml(skeleton), exists=False, item=None)
        body = {k: v for k, v in item.items() if k != "version"}
        return await editor(ctx, kind, item_id, dump_yaml(body), exists=True, item=item)

    async def stored_editor(
        ctx: Ctx, name: str, item_id: str, *, status: int = 200, **extra: Any
    ) -> Response:
        item = await admin.get_item(services, ctx.principal, name, item_id)
        body = {k: v for k, v in item.items() if k != "version"}
        return await editor(
            ctx, kind_or_404(name), item_id, dump_yaml(body), exists=True, item=item, status=status, **extra
        )

    async def offer_codes_import(ctx: Ctx) -> Response:
        """Import pasted or uploaded codes into the offer's pool, as ``POST /v1/admin/offers/{id}/codes``."""
        assert ctx.form is not None
        offer_id = ctx.request.path_params["id"]
        pasted = str(ctx.form.get("codes") or "")
        upload = ctx.form.get("file")
        raw = await upload.read() if isinstance(upload, UploadFile) else b""
        try:
            if not raw and not pasted.strip():
                raise LoyaltyError(
                    ErrorCode.INVALID_INPUT, "paste codes (one per line) or choose a CSV file", field="codes"
                )
            codes = offers.codes_from_body(raw or pasted.encode(), "text/csv")
            done = await write(services, ctx.principal, lambda tx: offers.import_codes(tx, offer_id, codes))
        except LoyaltyError as error:
            if error.code in (ErrorCode.FORBIDDEN, ErrorCode.NOT_FOUND):
                raise
            return await stored_editor(
                ctx, "offers", offer_id, status=400, pool_error=error, pool_text=pasted
            )
        return back(
            f"/dashboard/config/offers/{quote(offer_id, safe='')}",
            f"Imported {done.imported} codes ({done.duplicates} already known); "
            f"{done.available} of {done.total} available.",
        )

    async def webhook_resend(ctx: Ctx) -> Response:
        """Send a delivery again, as ``POST /v1/admin/webhooks/{id}/deliveries/{deliveryId}/resend``."""
        webhook_id, delivery_id = ctx.request.path_params["id"], ctx.request.path_params["deliveryId"]
        try:
            done = await write(
                services, ctx.principal, lambda tx: webhooks.resend_delivery(tx, webhook_id, delivery_id)
            )
        except LoyaltyError as error:
            if error.code in (ErrorCode.FORBIDDEN, ErrorCode.NOT_FOUND):
                raise
            status = 409 if error.code == ErrorCode.CONFLICT else 400
            return await stored_editor(ctx, "webhooks", webhook_id, status=status, delivery_error=error)
        return back(
            f"/dashboard/config/webhooks/{quote(webhook_id, safe='')}",
            f"Re-sending delivery {delivery_id} ({done['eventType']}); it is pending again.",
        )

    async def config_status(ctx: Ctx) -> Response:
        name, item_id = ctx.request.path_params["kind"], ctx.request.path_params["id"]
        kind = kind_or_404(name)
        toggle = schema_help.toggle_of(schema_help.fields_of(kind.schema))
        if toggle is None:
            raise LoyaltyError(
                ErrorCode.INVALID_INPUT, f"{name} cannot be switched on and off", field="status"
            )
        item = await admin.get_item(services, ctx.principal, name, item_id)
        body = {k: v for k, v in item.items() if k != "version"}
        body[toggle.field] = toggle.off if toggle.is_on(item) else toggle.on
        await write(services, ctx.principal, lambda tx: admin.put_item(tx, name, item_id, body))
        state = "active" if body[toggle.field] == toggle.on else "inactive"
        return back(f"/dashboard/config/{quote(name)}", f"{name}/{item_id} is now {state}.")

    async def config_delete(ctx: Ctx) -> Response:
        name, item_id = ctx.request.path_params["kind"], ctx.request.path_params["id"]
        kind_or_404(name)
        await write(services, ctx.principal, lambda tx: admin.delete_item(tx, name, item_id))
        return back(f"/dashboard/config/{quote(name)}", f"Deleted {name}/{item_id}.")

    # ----- settings ----------------------------------------------------------------------------

    async def settings_page(ctx: Ctx) -> Response:
        current = await admin.get_item(services, ctx.principal, "settings", admin.SETTINGS_ID)
        values = {k: v for k, v in current.items() if k not in ("id", "jwtSecretSet")}
        error = None
        if ctx.request.method == "POST":
            assert ctx.form is not None
            values = settings_from_form(values, ctx.form)
            try:
                await write(
                    services,
                    ctx.principal,
                    lambda tx: admin.put_item(tx, "settings", admin.SETTINGS_ID, values),
                )
                return back("/dashboard/settings", "Settings saved.")
            except LoyaltyError as exc:
                if exc.code == ErrorCode.FORBIDDEN:
                    raise
                error = exc
        return show(
            ctx,
            "settings.html",
            400 if error else 200,
            values=values,
            jwt_secret_set=current.get("jwtSecretSet"),
            error=error,
            error_field=(error.field or "") if error else None,
        )

    # ----- API keys ----------------------------------------------------------------------------

    async def api_keys_page(ctx: Ctx) -> Response:
        created = None
        error = None
        form_values = {"id": "", "name": "", "role": "service"}
        if ctx.request.method == "POST":
            assert ctx.form is not None
            form_values = {k: str(ctx.form.get(k) or "").strip() for k in ("id", "name", "role")}
            body = {"name": form_values["name"] or form_values["id"], "role": form_values["role"]}
            try:
                created = await write(
                    services,
                    ctx.principal,
                    lambda tx: admin.put_item(tx, "api-keys", form_values["id"], body),
                )
                form_values = {"id": "", "name": "", "role": "service"}
            except LoyaltyError as exc:
                if exc.code == ErrorCode.FORBIDDEN:
                    raise
                error = exc
        keys = await admin.list_items(services, ctx.principal, "api-keys")
        return show(
            ctx,
            "api_keys.html",
            400 if error else 200,
            keys=keys,
            created=created,
            error=error,
            form_values=form_values,
            own_key=ctx.principal.api_key_id,
        )

    async def api_key_revoke(ctx: Ctx) -> Response:
        key_id = ctx.request.path_params["id"]
        await write(services, ctx.principal, lambda tx: admin.delete_item(tx, "api-keys", key_id))
        return back("/dashboard/api-keys", f"Revoked API key '{key_id}'.")

    # ----- users -------------------------------------------------------------------------------

    async def user_page(
        ctx: Ctx,
        user_id: str,
        *,
        error: LoyaltyError | None = None,
        form_values: dict[str, str] | None = None,
    ) -> Response:
        context: dict[str, Any] = {"user_id": user_id, "error": error, "form_values": form_values or {}}
        if user_id:
            users.check_user_id(user_id)
            context["points"] = await users.points_view(services, ctx.principal, user_id)
            context["ledger"] = await user_ledger(services, ctx.principal, user_id)
            context["history"] = (
                await users.history(services, ctx.principal, user_id, ascending=False, show_all=True)
            )[:100]
            sections = []
            for title, loader in extensions.USER_SECTIONS:
                sections.append((title, await loader(services, ctx.principal, user_id)))
            context["sections"] = sections
            context["coupons"] = await user_coupons(services, ctx.principal, user_id)
            context["now"] = services.now()
        return show(ctx, "user.html", 400 if error else 200, **context)

    async def users_page(ctx: Ctx) -> Response:
        return await user_page(ctx, (ctx.request.query_params.get("userId") or "").strip())

    async def user_adjust(ctx: Ctx) -> Response:
        assert ctx.form is not None
        user_id = ctx.request.path_params["userId"]
        raw_points = str(ctx.form.get("points") or "").strip()
        reason = str(ctx.form.get("reason") or "")
        try:
            try:
                amount = int(raw_points)
            except ValueError:
                raise LoyaltyError(
                    ErrorCode.INVALID_INPUT, "'points' must be a whole number, e.g. 50 or -20", field="points"
                ) from None
            done = await write(services, ctx.principal, lambda tx: adjust_points(tx, user_id, amount, reason))
        except LoyaltyError as exc:
            if exc.code in (ErrorCode.FORBIDDEN, ErrorCode.NOT_FOUND):
                raise
            return await user_page(
                ctx, user_id, error=exc, form_values={"points": raw_points, "reason": reason}
            )
        sign = "+" if done.points > 0 else ""
        return back(
            "/dashboard/users?" + urlencode({"userId": user_id}),
            f"Adjusted {sign}{done.points} points; balance is now {done.balance}.",
        )

    # ----- analytics and audit -----------------------------------------------------------------

    async def analytics_page(ctx: Ctx) -> Response:
        period = ctx.request.query_params.get("period") or "7d"
        if period not in stats_source.PERIODS:
            period = "7d"
        stats = await stats_source.load_stats(services, ctx.principal, period)
        figures = {}
        if stats is not None:
            figures = {
                "events": charts.bar_chart(charts.daily_series(stats, "events"), title="Events per day"),
                "users": charts.line_chart(charts.daily_series(stats, "users"), title="Unique users per day"),
                "points": charts.bar_chart(charts.daily_series(stats, "points"), title="Points per day"),
                "top": charts.hbar_chart(charts.top_events(stats), title="Top events"),
                "hourly": charts.bar_chart(
                    [(f"{h:02d}", float(v)) for h, v in enumerate(charts.hourly_totals(stats))],
                    title="Events by hour of day",
                ),
            }
        streaks = await stats_source.load_streak_analytics(services, ctx.principal)
        return show(
            ctx,
            "analytics.html",
            stats=stats,
            figures=figures,
            period=period,
            periods=stats_source.PERIODS,
            streaks=streaks,
        )

    async def audit_page(ctx: Ctx) -> Response:
        records = (await admin.list_items(services, ctx.principal, "audit"))[:200]
        return show(ctx, "audit.html", records=records)

    routes: list[BaseRoute] = [
        Route("/", page(overview), methods=["GET"]),
        Route("/login", login, methods=["GET", "POST"]),
        Route("/logout", logout, methods=["POST"]),
        Route("/config/{kind}", page(config_list), methods=["GET"]),
        Route("/config/{kind}/{id}", page(config_edit), methods=["GET", "POST"]),
        Route("/config/offers/{id}/codes", page(offer_codes_import), methods=["POST"]),
        Route("/config/webhooks/{id}/deliveries/{deliveryId}/resend", page(webhook_resend), methods=["POST"]),
        Route("/config/{kind}/{id}/status", page(config_status), methods=["POST"]),
        Route("/config/{kind}/{id}/delete", page(config_delete), methods=["POST"]),
        Route("/settings", page(settings_page), methods=["GET", "POST"]),
        Route("/api-keys", page(api_keys_page), methods=["GET", "POST"]),
        Route("/api-keys/{id}/revoke", page(api_key_revoke), methods=["POST"]),
        Route("/users", page(users_page), methods=["GET"]),
        Route("/users/{userId}/adjust", page(user_adjust), methods=["POST"]),
        Route("/analytics", page(analytics_page), methods=["GET"]),
        Route("/audit", page(audit_page), methods=["GET"]),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="dashboard-static"),
    ]
    return Mount("/dashboard", routes=routes)


def settings_from_form(current: dict[str, Any], form: FormData) -> dict[str, Any]:
    """The settings body from the form: plain fields as typed; untouched ones (jwks) kept."""
    values = dict(current)

    def text(name: str) -> str:
        return str(form.get(name) or "").strip()

    def number(name: str) -> Any:
        raw = text(name)
        if not raw:
            return None
        try:
            return int(raw)
        except ValueError:
            return raw  # let the settings validation name the field

    values["timeZone"] = text("timeZone")
    values["couponCodePattern"] = text("couponCodePattern")
    values["languages"] = [p.strip() for p in text("languages").split(",") if p.strip()]
    values["defaultLanguage"] = text("defaultLanguage")
    values["autoCreateUsers"] = form.get("autoCreateUsers") == "on"
    values["allowNegativeBalance"] = form.get("allowNegativeBalance") == "on"
    policy: dict[str, Any] = {"mode": text("expiryPolicy.mode") or "never"}
    if number("expiryPolicy.days") is not None:
        policy["days"] = number("expiryPolicy.days")
    if text("expiryPolicy.period"):
        policy["period"] = text("expiryPolicy.period")
    policy["afterMonths"] = number("expiryPolicy.afterMonths") or 0
    values["expiryPolicy"] = policy
    values["rateLimit"] = {
        "requestsPerMinute": number("rateLimit.requestsPerMinute") or 0,
        "perCredentialPerMinute": number("rateLimit.perCredentialPerMinute") or 0,
    }
    if text("jwtSecret"):
        values["jwtSecret"] = text("jwtSecret")
    return values
