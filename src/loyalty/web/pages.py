"""The dashboard's routes. Each page calls app use cases directly; every write goes through
``run_write`` with the signed-in person's principal, so validation and audit are those of the
admin API and the audit trail names the person. ``loyalty.web.roles`` says which role may use which
route; ``page`` checks it before any handler runs."""

from __future__ import annotations

import datetime
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
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

from loyalty.api import coupon_ids
from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.store import Store
from loyalty.app.kernel.uow import Encoded, Tx, run_write
from loyalty.app.ledger.adjustments import adjust_points
from loyalty.app.messaging import webhooks
from loyalty.app.offers import coupon_care, offers
from loyalty.app.offers.coupons import CouponNotFound
from loyalty.app.tenancy import admin, staff
from loyalty.app.tenancy.config_kinds import KINDS, ConfigKind
from loyalty.app.tenancy.credentials import hash_key, principal_from_api_key, principal_from_key_hash
from loyalty.app.users import members, users
from loyalty.core.errors import ErrorCode, LoyaltyError
from loyalty.core.timeutil import iso_utc
from loyalty.web import (
    charts,
    extensions,
    member_view,
    roles,
    schema_form,
    schema_help,
    signin_limits,
    sso,
    stats_source,
)
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
    # An ISO 8601 instant of a wire shape (a streak's lastCompletedAt), shown as the other times are.
    return env


@dataclass
class Ctx:
    request: Request
    session: Session
    principal: Principal
    role: str
    staff: staff.StaffView | None = None
    """None for the bootstrap session of a tenant's admin API key."""
    form: FormData | None = None


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
    env.globals["may"] = roles.may

    def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("session", None)
        context.setdefault("principal", None)
        context.setdefault("role", None)
        context.setdefault("staff", None)
        context.setdefault("notice", request.query_params.get("notice"))
        html = env.get_template(name).render(
            request=request,
            path=request.url.path,
            kinds=sorted(KINDS),
            **context,
        )
        return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)

    async def signed_in(request: Request) -> Ctx | None:
        """The session's person (or bootstrap key) and role, while the session is still good."""
        session = codec.read(request)
        if session is None or not session.signed_in or session.tenant_id is None:
            return None
        tenant = await services.tenants.by_id(session.tenant_id)
        if tenant is None:
            return None
        if session.staff_id is not None and session.staff_version is not None:
            person = await staff.session_staff(services, tenant.id, session.staff_id, session.staff_version)
            if person is None:
                return None
            principal = staff.principal_of(person, tenant.name)
            return Ctx(request=request, session=session, principal=principal, role=person.role, staff=person)
        assert session.key_hash is not None
        try:
            principal = await principal_from_key_hash(services.tenants, session.key_hash)
        except LoyaltyError:
            return None
        if principal.tenant_id != tenant.id or not principal.is_admin:
            return None
        if await staff.has_staff(services, tenant.id):
            return None  # the key was only the bootstrap: once people have accounts, they sign in
        return Ctx(request=request, session=session, principal=principal, role=roles.ADMIN)

    def page(path: str, handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            ctx = await signed_in(request)
            if ctx is None:
                if request.method != "GET":
                    return render(
                        request, "error.html", 403, message="Your session has ended; sign in again."
                    )
                target = "/dashboard/login?" + urlencode({"next": request.url.path})
                return RedirectResponse(target, status_code=303)
            if not roles.allowed(path, request.method, ctx.role):
                return show(
                    ctx,
                    "error.html",
                    403,
                    message=f"Your role ({ctx.role}) may not do this. Ask an admin of the tenant.",
                )
            if ctx.staff is not None and ctx.staff.must_change_password and path != "/account":
                if request.method != "GET":
                    return show(ctx, "error.html", 403, message="Choose your own password first.")
                return back(
                    "/dashboard/account", "Choose your own password to replace the one-time password."
                )
            if request.method == "POST":
                ctx.form = await request.form()
                if not csrf_matches(ctx.session, ctx.form.get("csrf")):
                    return render(request, "error.html", 403, message="The form has expired (CSRF check).")
            try:
                return await handler(ctx)
            except LoyaltyError as error:
                status = {ErrorCode.NOT_FOUND: 404, ErrorCode.FORBIDDEN: 403}.get(error.code, 400)
                return show(ctx, "error.html", status, message=error.message)

        return endpoint

    def show(ctx: Ctx, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return render(
            ctx.request,
            name,
            status,
            session=ctx.session,
            principal=ctx.principal,
            role=ctx.role,
            staff=ctx.staff,
            **context,
        )

    def back(url: str, notice: str | None = None) -> RedirectResponse:
        if notice:
            url += ("&" if "?" in url else "?") + urlencode({"notice": notice})
        return RedirectResponse(url, status_code=303)

    # ----- sign-in -----------------------------------------------------------------------------

    def safe_next(raw: object) -> str:
        url = str(raw or "/dashboard/")
        return url if url.startswith("/dashboard") and "//" not in url else "/dashboard/"

    def login_form(
        request: Request,
        session: Session,
        *,
        status: int = 200,
        error: str | None = None,
        key_error: str | None = None,
        sso_error: str | None = None,
        values: dict[str, str] | None = None,
        retry_after: int | None = None,
    ) -> Response:
        values = values or {"tenant": request.query_params.get("tenant") or "", "email": ""}
        response = render(
            request,
            "login.html",
            status,
            csrf=session.csrf,
            error=error,
            key_error=key_error,
            sso_error=sso_error,
            values=values,
            next_url=safe_next(request.query_params.get("next")),
        )
        if retry_after is not None:
            response.headers["Retry-After"] = str(retry_after)
        codec.write(request, response, Session(csrf=session.csrf))
        return response

    def start_session(request: Request, target: str, signed: Session) -> Response:
        redirect = RedirectResponse(target, status_code=303)
        codec.write(request, redirect, signed)
        return redirect

    async def login(request: Request) -> Response:
        session = codec.read(request) or new_session()
        if request.method == "GET":
            return login_form(request, session)
        form = await request.form()
        if not csrf_matches(session, form.get("csrf")):
            return render(request, "error.html", 403, message="The form has expired (CSRF check).")
        values = {
            "tenant": str(form.get("tenant") or "").strip(),
            "email": str(form.get("email") or "").strip(),
        }
        retry = await signin_limits.check(services, request, values["tenant"], values["email"])
        if retry is not None:
            message = f"Too many sign-in attempts; try again in {retry} s."
            return login_form(request, session, status=429, error=message, values=values, retry_after=retry)
        tenant = await services.tenants.by_name(values["tenant"]) if values["tenant"] else None
        person = None
        if tenant is not None:
            person = await staff.authenticate(
                services, tenant.id, values["email"], str(form.get("password") or "")
            )
        if tenant is None or person is None:
            error = "That tenant, email and password do not match an active account."
            return login_form(request, session, status=401, error=error, values=values)
        fresh = new_session()  # a new CSRF token at sign-in
        signed = Session(
            csrf=fresh.csrf, tenant_id=tenant.id, staff_id=person.id, staff_version=person.session_version
        )
        target = "/dashboard/account" if person.must_change_password else safe_next(form.get("next"))
        return start_session(request, target, signed)

    async def login_with_key(request: Request) -> Response:
        """The bootstrap: a tenant's admin API key signs in only while the tenant has no staff."""
        session = codec.read(request) or new_session()
        form = await request.form()
        if not csrf_matches(session, form.get("csrf")):
            return render(request, "error.html", 403, message="The form has expired (CSRF check).")
        key = str(form.get("apiKey") or "").strip()
        retry = await signin_limits.check(services, request, "", "")
        if retry is not None:
            message = f"Too many sign-in attempts; try again in {retry} s."
            return login_form(request, session, status=429, key_error=message, retry_after=retry)
        try:
            principal = await principal_from_api_key(services.tenants, key) if key else None
        except LoyaltyError:
            principal = None
        error = None
        if principal is None:
            error = "That API key is unknown or revoked."
        elif not principal.is_admin:
            error = "The dashboard needs an admin API key (this one is a service key)."
        elif await staff.has_staff(services, principal.tenant_id):
            error = "This tenant has staff accounts: sign in with your email and password."
        if error is not None or principal is None:
            return login_form(request, session, status=401, key_error=error)
        fresh = new_session()
        signed = Session(csrf=fresh.csrf, key_hash=hash_key(key), tenant_id=principal.tenant_id)
        return start_session(request, safe_next(form.get("next")), signed)

    async def logout(request: Request) -> Response:
        session = codec.read(request)
        form = await request.form()
        if not csrf_matches(session, form.get("csrf")):
            return render(request, "error.html", 403, message="The form has expired (CSRF check).")
        response = RedirectResponse("/dashboard/login", status_code=303)
        codec.write(request, response, new_session())
        return response

    async def sso_start(request: Request) -> Response:
        session = codec.read(request) or new_session()
        form = await request.form()
        if not csrf_matches(session, form.get("csrf")):
            return render(request, "error.html", 403, message="The form has expired (CSRF check).")
        name = str(form.get("tenant") or "").strip()
        tenant = await services.tenants.by_name(name) if name else None
        try:
            if tenant is None:
                raise LoyaltyError(ErrorCode.NOT_FOUND, f"there is no tenant '{name}'", field="tenant")
            redirect_uri = str(request.url_for("dashboard-sso-callback"))
            url, state = await sso.authorization_url(tenant, redirect_uri)
        except LoyaltyError as error:
            values = {"tenant": name, "email": ""}
            return login_form(request, session, status=400, sso_error=error.message, values=values)
        pending = Session(csrf=session.csrf, oidc={**state, "tenant": str(tenant.id)})
        # A page that moves on, not a redirect: the CSP's form-action 'self' also covers the
        # redirects after a form, and the provider is another origin.
        response = render(request, "sso_redirect.html", url=url)
        codec.write(request, response, pending)
        return response

    async def sso_callback(request: Request) -> Response:
        session = codec.read(request) or new_session()
        pending = session.oidc or {}
        tenant = await services.tenants.by_id(int(pending["tenant"])) if pending.get("tenant") else None
        try:
            if tenant is None:
                raise LoyaltyError(ErrorCode.UNAUTHENTICATED, "no single sign-on is under way; start again")
            redirect_uri = str(request.url_for("dashboard-sso-callback"))
            identity = await sso.finish(tenant, redirect_uri, dict(request.query_params), pending)
            person = await sso.account_for(services, tenant, identity)
        except LoyaltyError as error:
            return login_form(request, new_session(), status=401, sso_error=error.message)
        fresh = new_session()
        signed = Session(
            csrf=fresh.csrf, tenant_id=tenant.id, staff_id=person.id, staff_version=person.session_version
        )
        return start_session(request, "/dashboard/", signed)

    # ----- the person's own account ------------------------------------------------------------

    async def account_page(ctx: Ctx) -> Response:
        error = None
        if ctx.request.method == "POST":
            assert ctx.form is not None
            if ctx.staff is None:
                raise LoyaltyError(ErrorCode.FORBIDDEN, "the bootstrap API key session has no password")
            fields = {k: str(ctx.form.get(k) or "") for k in ("current", "password", "repeat")}
            try:
                async with services.stores.write() as store:
                    person = await staff.change_password(
                        store,
                        services.settings,
                        ctx.staff,
                        current=fields["current"],
                        new=fields["password"],
                        repeat=fields["repeat"],
                        now=services.now(),
                    )
            except LoyaltyError as exc:
                if exc.code != ErrorCode.INVALID_INPUT:
                    raise
                error = exc
            else:
                # The password change ended every session of the person: this one goes on anew.
                signed = Session(
                    csrf=ctx.session.csrf,
                    tenant_id=person.tenant_id,
                    staff_id=person.id,
                    staff_version=person.session_version,
                )
                redirect = back("/dashboard/account", "Your password is changed.")
                codec.write(ctx.request, redirect, signed)
                return redirect
        return show(ctx, "account.html", 400 if error else 200, error=error)

    # ----- staff accounts (admin) --------------------------------------------------------------

    async def staff_page(ctx: Ctx) -> Response:
        created = None
        error = None
        form_values = {"email": "", "role": roles.SUPPORT}
        if ctx.request.method == "POST":
            assert ctx.form is not None
            form_values = {k: str(ctx.form.get(k) or "").strip() for k in ("email", "role")}
            try:
                async with services.stores.write() as store:
                    created = await staff.create_staff(
                        store,
                        services.settings,
                        tenant_id=ctx.principal.tenant_id,
                        email=form_values["email"],
                        role=form_values["role"],
                        actor=ctx.principal.actor,
                        now=services.now(),
                    )
                form_values = {"email": "", "role": roles.SUPPORT}
            except LoyaltyError as exc:
                if exc.code not in (ErrorCode.INVALID_INPUT, ErrorCode.ALREADY_EXISTS):
                    raise
                error = exc
        async with services.stores.read() as store:
            people = await staff.list_staff(store, ctx.principal.tenant_id)
        return show(
            ctx,
            "staff.html",
            400 if error else 200,
            people=people,
            created=created,
            error=error,
            form_values=form_values,
        )

    async def staff_refused(ctx: Ctx, exc: LoyaltyError) -> Response:
        """The staff page again, with why a role change or a disable was refused."""
        if exc.code not in (ErrorCode.INVALID_INPUT, ErrorCode.CONFLICT):
            raise exc
        async with services.stores.read() as store:
            people = await staff.list_staff(store, ctx.principal.tenant_id)
        return show(
            ctx,
            "staff.html",
            409 if exc.code == ErrorCode.CONFLICT else 400,
            people=people,
            created=None,
            error=None,
            role_error=exc,
            form_values={"email": "", "role": roles.SUPPORT},
        )

    async def staff_change(
        ctx: Ctx,
        change: Callable[[Store], Awaitable[staff.StaffView]],
        notice: Callable[[staff.StaffView], str],
    ) -> Response:
        """Run a change to a person's account in one write transaction, then back to the staff
        page with ``notice``, or the staff page again with why the change was refused."""
        try:
            async with services.stores.write() as store:
                person = await change(store)
        except LoyaltyError as exc:
            return await staff_refused(ctx, exc)
        return back("/dashboard/staff", notice(person))

    async def staff_disable(ctx: Ctx) -> Response:
        email = ctx.request.path_params["email"]
        tenant_id, actor = ctx.principal.tenant_id, ctx.principal.actor
        return await staff_change(
            ctx,
            lambda store: staff.disable_staff(
                store, tenant_id=tenant_id, email=email, actor=actor, now=services.now()
            ),
            lambda person: f"Disabled {person.email}; their sessions have ended.",
        )

    async def staff_role(ctx: Ctx) -> Response:
        assert ctx.form is not None
        email = ctx.request.path_params["email"]
        role = str(ctx.form.get("role") or "").strip()
        tenant_id, actor = ctx.principal.tenant_id, ctx.principal.actor
        return await staff_change(
            ctx,
            lambda store: staff.change_role(
                store, tenant_id=tenant_id, email=email, role=role, actor=actor, now=services.now()
            ),
            lambda person: f"{person.email} is now {person.role}.",
        )

    # ----- overview ----------------------------------------------------------------------------

    async def overview(ctx: Ctx) -> Response:
        counts = {k: len(await admin.list_items(services, ctx.principal, k)) for k in sorted(KINDS)}
        audit, _ = await admin.audit_records(services, ctx.principal, limit=8)
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

    def kind_or_404(name: str) -> ConfigKind:
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

    async def panel_of(
        ctx: Ctx, kind: ConfigKind, item_id: str, item: dict[str, Any] | None
    ) -> dict[str, Any] | None:
        found = extensions.KIND_PANELS.get(kind.name)
        if found is None or not isinstance(item, dict):
            return None
        template, loader = found
        return {"template": template, **await loader(services, ctx.principal, item_id, item)}

    async def editor(
        ctx: Ctx,
        kind: ConfigKind,
        item_id: str,
        text: str,
        *,
        exists: bool,
        item: dict[str, Any] | None,
        error: LoyaltyError | None = None,
        status: int = 200,
        **extra: Any,
    ) -> Response:
        fields = schema_help.fields_of(kind.schema)
        extra.setdefault("form", None)
        if extra["form"] is None and error is None and isinstance(item, dict):
            extra["form"] = schema_form.form_fields(fields, {k: v for k, v in item.items() if k != "version"})
        # The form is the default; ?mode=yaml (and a refused YAML save) shows the whole body as YAML.
        wants_yaml = ctx.request.query_params.get("mode") == "yaml" or (
            ctx.request.method == "POST" and ctx.form is not None and ctx.form.get("body") is not None
        )
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
            mode="yaml" if wants_yaml or extra["form"] is None else "form",
            fragment=extensions.KIND_FRAGMENTS.get(kind.name),
            panel=await panel_of(ctx, kind, item_id, item) if exists else None,
            **extra,
        )

    async def config_edit(ctx: Ctx) -> Response:
        name, item_id = ctx.request.path_params["kind"], ctx.request.path_params["id"]
        kind = kind_or_404(name)
        fields = schema_help.fields_of(kind.schema)
        if ctx.request.method == "POST" and ctx.form is not None and ctx.form.get("mode") == "form":
            typed = schema_form.typed_fields(fields, ctx.form)
            try:
                form_body = schema_form.body_from_form(fields, ctx.form)
                saved = await write(
                    services, ctx.principal, lambda tx: admin.put_item(tx, name, item_id, form_body)
                )
            except LoyaltyError as refused:
                if refused.code == ErrorCode.FORBIDDEN:
                    raise
                stored = await stored_item(ctx, name, item_id)
                return await editor(
                    ctx,
                    kind,
                    item_id,
                    "",
                    exists=stored is not None,
                    item=stored,
                    error=refused,
                    status=400,
                    form=typed,
                )
            return back(
                f"/dashboard/config/{quote(name)}/{quote(item_id, safe='')}",
                f"Saved {name}/{item_id} (version {saved.get('version')}).",
            )
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
            for f in fields:
                if f.required and f.name not in skeleton:
                    skeleton[f.name] = None
            return await editor(
                ctx,
                kind,
                item_id,
                dump_yaml(skeleton),
                exists=False,
                item=None,
                form=schema_form.form_fields(fields, skeleton),
            )
        body = {k: v for k, v in item.items() if k != "version"}
        return await editor(
            ctx,
            kind,
            item_id,
            dump_yaml(body),
            exists=True,
            item=item,
            form=schema_form.form_fields(fields, body),
        )

    async def stored_item(ctx: Ctx, name: str, item_id: str) -> dict[str, Any] | None:
        try:
            return await admin.get_item(services, ctx.principal, name, item_id)
        except LoyaltyError as error:
            if error.code != ErrorCode.NOT_FOUND:
                raise
            return None

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

    # ----- members -----------------------------------------------------------------------------

    def member_url(user_id: str) -> str:
        return "/dashboard/users/" + quote(user_id, safe="")

    async def members_page(ctx: Ctx) -> Response:
        params = dict(ctx.request.query_params)
        exact = (params.get("userId") or "").strip()
        if exact:  # the overview's lookup box (and old links) name one member
            return back(member_url(exact))
        error = None
        page_rows = None
        try:
            search = members.parse_filter(params)
            page_rows = await members.search(services, ctx.principal, search, after=params.get("after") or "")
        except LoyaltyError as exc:
            if exc.code != ErrorCode.INVALID_INPUT:
                raise
            error = exc
        query = {k: v for k, v in params.items() if k != "after" and v}
        next_url = None
        if page_rows is not None and page_rows.next_after:
            next_url = "/dashboard/users?" + urlencode({**query, "after": page_rows.next_after})
        return show(
            ctx,
            "members.html",
            400 if error else 200,
            params=params,
            page=page_rows,
            error=error,
            next_url=next_url,
        )

    async def member_page(
        ctx: Ctx,
        user_id: str,
        *,
        error: LoyaltyError | None = None,
        form_values: dict[str, str] | None = None,
        error_form: str = "adjust",
    ) -> Response:
        """``error_form`` names the form whose refusal is shown: adjust, grant, revoke or delete."""
        users.check_user_id(user_id)
        context: dict[str, Any] = {
            "user_id": user_id,
            "error": error,
            "error_form": error_form,
            "form_values": form_values or {},
        }
        context["points"] = await users.points_view(services, ctx.principal, user_id)
        if context["points"].user_exists:
            context.update(await member_view.load(services, ctx.principal, user_id))
            sections = []
            for title, loader in extensions.USER_SECTIONS:
                sections.append((title, await loader(services, ctx.principal, user_id)))
            context["sections"] = sections
        context["now"] = services.now()
        return show(ctx, "user.html", 400 if error else 200, **context)

    async def member(ctx: Ctx) -> Response:
        return await member_page(ctx, ctx.request.path_params["userId"])

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
            return await member_page(
                ctx, user_id, error=exc, form_values={"points": raw_points, "reason": reason}
            )
        sign = "+" if done.points > 0 else ""
        return back(
            member_url(user_id), f"Adjusted {sign}{done.points} points; balance is now {done.balance}."
        )

    async def coupon_refused(
        ctx: Ctx, user_id: str, exc: LoyaltyError, values: dict[str, str], form: str
    ) -> Response:
        if exc.code in (ErrorCode.FORBIDDEN, ErrorCode.NOT_FOUND) and exc.field != "offerId":
            raise exc
        response = await member_page(ctx, user_id, error=exc, form_values=values, error_form=form)
        response.status_code = {ErrorCode.CONFLICT: 409, ErrorCode.NOT_FOUND: 404}.get(exc.code, 400)
        return response

    async def coupon_grant(ctx: Ctx) -> Response:
        """Issue an offer's coupon without charging points, as ``POST /v1/admin/users/{id}/coupons``."""
        assert ctx.form is not None
        user_id = ctx.request.path_params["userId"]
        values = {k: str(ctx.form.get(k) or "").strip() for k in ("offerId", "couponReason")}
        try:
            done = await write(
                services,
                ctx.principal,
                lambda tx: coupon_care.grant_coupon(tx, user_id, values["offerId"], values["couponReason"]),
            )
        except LoyaltyError as exc:
            return await coupon_refused(ctx, user_id, exc, values, "grant")
        return back(member_url(user_id), f"Issued coupon {done.code} ({done.offer_id}); no points charged.")

    async def coupon_revoke(ctx: Ctx) -> Response:
        """Withdraw an unredeemed coupon, as ``POST /v1/admin/users/{id}/coupons/{couponId}/revoke``."""
        assert ctx.form is not None
        user_id = ctx.request.path_params["userId"]
        reason = str(ctx.form.get("reason") or "").strip()
        try:
            coupon_id = coupon_ids.parse_coupon_id(ctx.request.path_params["couponId"])
            done = await write(
                services, ctx.principal, lambda tx: coupon_care.revoke_coupon(tx, user_id, coupon_id, reason)
            )
        except CouponNotFound as missing:  # named as the admin API names it
            return await coupon_refused(
                ctx, user_id, coupon_ids.missing(missing), {"revokeReason": reason}, "revoke"
            )
        except LoyaltyError as exc:
            return await coupon_refused(ctx, user_id, exc, {"revokeReason": reason}, "revoke")
        return back(member_url(user_id), f"Revoked coupon {done.code}; it can no longer be redeemed.")

    async def user_export(ctx: Ctx) -> Response:
        """The member's data as JSON (GDPR access), the same as ``GET /v1/admin/users/{id}/export``."""
        user_id = ctx.request.path_params["userId"]
        data = await users.export_user(services, ctx.principal, user_id)
        body = json.dumps(data, indent=2, ensure_ascii=False, default=str).encode()
        headers = {
            **SECURITY_HEADERS,
            "Content-Disposition": f'attachment; filename="{quote(user_id, safe="")}-export.json"',
        }
        return Response(body, media_type="application/json", headers=headers)

    async def user_delete(ctx: Ctx) -> Response:
        """GDPR erasure, after the person typed the member's id to confirm it."""
        assert ctx.form is not None
        user_id = ctx.request.path_params["userId"]
        if str(ctx.form.get("confirm") or "").strip() != user_id:
            error = LoyaltyError(
                ErrorCode.INVALID_INPUT, "type the member's id to confirm the deletion", field="confirm"
            )
            return await member_page(ctx, user_id, error=error, error_form="delete")
        await write(services, ctx.principal, lambda tx: users.delete_user(tx, user_id))
        return back("/dashboard/users", f"Deleted member {user_id} and all their data.")

    # ----- analytics and audit -----------------------------------------------------------------

    async def analytics_page(ctx: Ctx) -> Response:
        period = ctx.request.query_params.get("period") or "7d"
        if period not in stats_source.PERIODS:
            period = "7d"
        stats = await stats_source.load_stats(services, ctx.principal, period)
        figures = {}
        if stats is not None:
            # Drawn at about the width a half-page card has at 1280 px, so the 13 px axis labels
            # are shown at 13 px rather than scaled down.
            half = {"width": HALF_CHART_WIDTH}
            figures = {
                "events": charts.bar_chart(
                    charts.daily_series(stats, "events"), title="Events per day", **half
                ),
                "users": charts.line_chart(
                    charts.daily_series(stats, "users"), title="Unique users per day", **half
                ),
                "points": charts.bar_chart(
                    charts.daily_series(stats, "points"), title="Points awarded by events per day", **half
                ),
                "top": charts.hbar_chart(charts.top_events(stats), title="Top events"),
                "hourly": charts.bar_chart(
                    [(f"{h:02d}", float(v)) for h, v in enumerate(charts.hourly_totals(stats))],
                    title="Events by hour of day",
                    **half,
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
        params = {k: (ctx.request.query_params.get(k) or "").strip() for k in AUDIT_FILTERS}
        try:
            records, next_before = await admin.audit_records(
                services,
                ctx.principal,
                actor=params["actor"],
                action=params["action"],
                target=params["target"],
                since=day_start(params["from"], "from"),
                until=day_start(params["to"], "to", next_day=True),
                before_id=whole_number(params["before"], "before"),
            )
        except LoyaltyError as exc:
            if exc.code != ErrorCode.INVALID_INPUT:
                raise
            return show(ctx, "audit.html", 400, records=[], params=params, error=exc, next_url=None)
        query = {k: v for k, v in params.items() if v and k != "before"}
        next_url = None
        if next_before is not None:
            next_url = "/dashboard/audit?" + urlencode({**query, "before": next_before})
        return show(ctx, "audit.html", records=records, params=params, error=None, next_url=next_url)

    handlers: dict[str, Handler] = {
        "/": overview,
        "/account": account_page,
        "/staff": staff_page,
        "/staff/{email}/disable": staff_disable,
        "/staff/{email}/role": staff_role,
        "/config/{kind}": config_list,
        "/config/{kind}/{id}": config_edit,
        "/config/offers/{id}/codes": offer_codes_import,
        "/config/webhooks/{id}/deliveries/{deliveryId}/resend": webhook_resend,
        "/config/{kind}/{id}/status": config_status,
        "/config/{kind}/{id}/delete": config_delete,
        "/settings": settings_page,
        "/api-keys": api_keys_page,
        "/api-keys/{id}/revoke": api_key_revoke,
        "/users": members_page,
        "/users/{userId}": member,
        "/users/{userId}/adjust": user_adjust,
        "/users/{userId}/coupons": coupon_grant,
        "/users/{userId}/coupons/{couponId}/revoke": coupon_revoke,
        "/users/{userId}/export": user_export,
        "/users/{userId}/delete": user_delete,
        "/analytics": analytics_page,
        "/audit": audit_page,
    }
    public: dict[str, Callable[[Request], Awaitable[Response]]] = {
        "/login": login,
        "/login/key": login_with_key,
        "/logout": logout,
        "/sso": sso_start,
        "/sso/callback": sso_callback,
    }
    # The route order matters: the offer and webhook actions before the generic {kind}/{id} ones.
    order = [
        "/", "/login", "/login/key", "/logout", "/sso", "/sso/callback", "/account", "/staff",
        "/staff/{email}/disable", "/staff/{email}/role", "/config/{kind}", "/config/{kind}/{id}",
        "/config/offers/{id}/codes",
        "/config/webhooks/{id}/deliveries/{deliveryId}/resend", "/config/{kind}/{id}/status",
        "/config/{kind}/{id}/delete", "/settings", "/api-keys", "/api-keys/{id}/revoke", "/users",
        "/users/{userId}", "/users/{userId}/adjust", "/users/{userId}/coupons",
        "/users/{userId}/coupons/{couponId}/revoke", "/users/{userId}/export", "/users/{userId}/delete",
        "/analytics", "/audit",
    ]  # fmt: skip
    routes: list[BaseRoute] = []
    for path in order:
        methods = sorted(m for (p, m) in roles.RULES if p == path)
        if not methods:
            raise RuntimeError(f"the dashboard route {path} has no rule in loyalty.web.roles.RULES")
        endpoint = public[path] if path in public else page(path, handlers[path])
        name = "dashboard-sso-callback" if path == "/sso/callback" else None
        routes.append(Route(path, endpoint, methods=methods, name=name))
    routes.append(Mount("/static", StaticFiles(directory=str(HERE / "static")), name="dashboard-static"))
    return Mount("/dashboard", routes=routes)


HALF_CHART_WIDTH = 460
AUDIT_FILTERS = ("actor", "action", "target", "from", "to", "before")


def whole_number(raw: str, field: str) -> int | None:
    if not raw:
        return None
    try:
        return int(raw)
    except ValueError:
        raise LoyaltyError(
            ErrorCode.INVALID_INPUT, f"'{field}' must be a whole number", field=field
        ) from None


def day_start(raw: str, field: str, *, next_day: bool = False) -> int | None:
    """A YYYY-MM-DD date as epoch ms at 00:00 UTC (of the day after, for an inclusive 'to')."""
    if not raw:
        return None
    try:
        day = datetime.date.fromisoformat(raw)
    except ValueError:
        raise LoyaltyError(
            ErrorCode.INVALID_INPUT, f"'{field}' must be a date (YYYY-MM-DD)", field=field
        ) from None
    if next_day:
        day += datetime.timedelta(days=1)
    start = datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC)
    return int(start.timestamp() * 1000)


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
    for name in ("birthdayReward", "anniversaryReward"):
        points, offer = number(f"{name}.points"), text(f"{name}.offerId")
        kept = current.get(name) or {}
        values[name] = (
            None
            if points is None and not offer
            else {"points": points or 0, "offerId": offer or None, "active": kept.get("active", True)}
        )
    values["expiryReminderDays"] = number("expiryReminderDays")
    if text("jwtSecret"):
        values["jwtSecret"] = text("jwtSecret")
    return values
