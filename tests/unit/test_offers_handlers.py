"""Offers, coupons and referrals over the in-memory store: redeeming and revoking a coupon, offer
stock, limits and code pools, and the referral code rules. Users are resolved by a stand-in (the
users port is another feature's); webhooks, audit and bonus payments are recorded, not written."""

from __future__ import annotations

from typing import Any

import pytest

from loyalty.app.kernel.principal import Principal
from loyalty.app.messaging import outbox
from loyalty.app.offers import catalog, coupon_care, offers, redeem
from loyalty.app.offers.coupons import CouponNotFound
from loyalty.app.promotions import bonus, lifecycle, referrals
from loyalty.app.tenancy.tenant_settings import LifecycleReward
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.core import referrals as core_referrals
from loyalty.core.errors import ErrorCode, LoyaltyError, not_found
from loyalty.core.expiry import DAY_MS
from tests.fakes.offers import PoolCode
from tests.fakes.store import NOW, FakeStore, fake_tenant, fake_tx

USERS = {"ann": 1, "bob": 2, "cy": 3}


@pytest.fixture(autouse=True)
def known_users(monkeypatch: pytest.MonkeyPatch) -> None:
    """``resolve_user`` over a fixed set of users (no user is created)."""

    async def resolve(tx: Any, user_id: str, *, create: bool) -> int:
        if user_id not in USERS:
            raise not_found("user", user_id)
        return USERS[user_id]

    for module in (offers, coupon_care, redeem, referrals):
        monkeypatch.setattr(module, "resolve_user", resolve)


def tenant_with(*items: catalog.Offer | referrals.ReferralProgramme) -> TenantConfig:
    tenant = fake_tenant()
    for item in items:
        if isinstance(item, catalog.Offer):
            tenant.items.setdefault(catalog.KIND, {})[item.offerId or ""] = item
        else:
            tenant.items.setdefault(referrals.KIND, {})[item.referralId] = item
            compiled = referrals.compile_programme(item)
            tenant.prepared.setdefault(referrals.KIND, {})[item.referralId] = compiled
    return tenant


async def coupon(
    store: FakeStore, user_pk: int, *, valid_until: int = NOW + DAY_MS, code: str = "C-1"
) -> int:
    coupon_id = await store.coupons.insert_if_code_free(
        tenant_id=1,
        user_pk=user_pk,
        offer_id="coffee",
        code=code,
        title="Coffee",
        description=None,
        valid_until=valid_until,
        metadata={},
        ledger_entry_id=None,
        now=NOW - DAY_MS,
    )
    assert coupon_id is not None
    return coupon_id


def refused(raised: pytest.ExceptionInfo[LoyaltyError]) -> tuple[ErrorCode, str | None, str]:
    return raised.value.code, raised.value.field, raised.value.message


# Redeeming a coupon.


async def test_an_open_coupon_is_redeemed_once() -> None:
    store = FakeStore()
    cid = await coupon(store, 1)
    await offers.redeem_coupon(fake_tx(store), "ann", cid)
    row = store.coupons.rows[cid]
    assert (row["redeemed"], row["redeemed_at"]) == (True, NOW)
    with pytest.raises(LoyaltyError) as raised:
        await offers.redeem_coupon(fake_tx(store, now=NOW + 1), "ann", cid)
    assert refused(raised) == (ErrorCode.NOT_REDEEMABLE, "couponId", "the coupon is already redeemed")
    assert row["redeemed_at"] == NOW


async def test_a_revoked_coupon_is_not_redeemable() -> None:
    store = FakeStore()
    cid = await coupon(store, 1)
    assert await store.coupons.revoke_if_open(user_pk=1, coupon_id=cid, reason="typo", now=NOW)
    with pytest.raises(LoyaltyError) as raised:
        await offers.redeem_coupon(fake_tx(store), "ann", cid)
    assert refused(raised) == (ErrorCode.NOT_REDEEMABLE, "couponId", "the coupon was revoked")
    assert store.coupons.rows[cid]["redeemed"] is False


async def test_an_expired_coupon_is_not_redeemable() -> None:
    store = FakeStore()
    cid = await coupon(store, 1, valid_until=NOW)
    with pytest.raises(LoyaltyError) as raised:
        await offers.redeem_coupon(fake_tx(store), "ann", cid)
    assert refused(raised) == (ErrorCode.NOT_REDEEMABLE, "couponId", "the coupon has expired")
    assert store.coupons.rows[cid]["redeemed"] is False


async def test_another_users_coupon_or_an_unknown_one_is_not_found_by_its_number() -> None:
    store = FakeStore()
    cid = await coupon(store, 1)
    for user_id, number in (("bob", cid), ("ann", cid + 100)):
        with pytest.raises(CouponNotFound) as raised:
            await offers.redeem_coupon(fake_tx(store), user_id, number)
        assert (raised.value.code, raised.value.coupon_id) == (ErrorCode.NOT_FOUND, number)
    assert store.coupons.rows[cid]["redeemed"] is False


# Revoking a coupon.


@pytest.fixture
def effects(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Any]]:
    """The webhooks and audit records a command would write, in order."""
    done: list[tuple[str, Any]] = []

    async def publish(tx: Any, event: str, data: dict[str, Any], *, user_id: str) -> None:
        done.append((event, {**data, "userId": user_id}))

    async def audit(tx: Any, action: str, user_id: str, coupon_id: int, before: Any, after: Any) -> None:
        done.append((action, (f"users/{user_id}/coupons/{coupon_id}", before, after)))

    monkeypatch.setattr(outbox, "publish", publish)
    monkeypatch.setattr(coupon_care, "_audit", audit)
    return done


async def test_a_revoke_withdraws_an_open_coupon_with_webhook_and_audit(
    effects: list[tuple[str, Any]],
) -> None:
    store = FakeStore()
    cid = await coupon(store, 1, valid_until=NOW - 1)  # expired but unredeemed: still revocable
    done = await coupon_care.revoke_coupon(fake_tx(store), "ann", cid, "  sent by mistake ")
    row = store.coupons.rows[cid]
    assert (row["revoked_at"], row["revoke_reason"]) == (NOW, "sent by mistake")
    assert done == coupon_care.CouponChange(
        "ann", cid, "C-1", "coffee", "sent by mistake", NOW - 1, revoked_at=NOW
    )
    details = {"couponId": str(cid), "code": "C-1", "offerId": "coffee"}
    assert effects == [
        ("coupon.revoked", {**details, "reason": "sent by mistake", "userId": "ann"}),
        (
            "coupon.revoke",
            (
                f"users/ann/coupons/{cid}",
                {**details, "state": "open"},
                {"state": "revoked", "reason": "sent by mistake"},
            ),
        ),
    ]


@pytest.mark.parametrize("state", ["redeemed", "revoked"])
async def test_only_an_unredeemed_unrevoked_coupon_can_be_revoked(
    state: str, effects: list[tuple[str, Any]]
) -> None:
    store = FakeStore()
    cid = await coupon(store, 1)
    if state == "redeemed":
        assert await store.coupons.redeem_if_open(user_pk=1, coupon_id=cid, now=NOW - 5)
    else:
        assert await store.coupons.revoke_if_open(user_pk=1, coupon_id=cid, reason="first", now=NOW - 5)
    with pytest.raises(LoyaltyError) as raised:
        await coupon_care.revoke_coupon(fake_tx(store), "ann", cid, "again")
    message = f"the coupon is already {state}: only an unredeemed coupon can be revoked"
    assert refused(raised) == (ErrorCode.CONFLICT, "couponId", message)
    assert store.coupons.rows[cid]["revoke_reason"] == (None if state == "redeemed" else "first")
    assert effects == []


async def test_a_revoke_needs_a_reason_and_a_coupon_of_the_user(effects: list[tuple[str, Any]]) -> None:
    store = FakeStore()
    cid = await coupon(store, 1)
    with pytest.raises(LoyaltyError) as raised:
        await coupon_care.revoke_coupon(fake_tx(store), "ann", cid, " ")
    assert refused(raised) == (
        ErrorCode.INVALID_INPUT,
        "reason",
        "'reason' is required: say why the coupon is withdrawn",
    )
    with pytest.raises(CouponNotFound) as missing:
        await coupon_care.revoke_coupon(fake_tx(store), "bob", cid, "x")
    assert missing.value.coupon_id == cid
    assert store.coupons.rows[cid]["revoked_at"] is None
    assert effects == []


# Offers: stock, per-user limits and code pools.


async def test_stock_is_counted_until_sold_out() -> None:
    store = FakeStore()
    tx = fake_tx(store)
    limited = catalog.Offer(offerId="mug", stock=2)
    await redeem.take_stock(tx, limited)
    await redeem.take_stock(tx, limited)
    with pytest.raises(LoyaltyError) as raised:
        await redeem.take_stock(tx, limited)
    assert refused(raised)[:2] == (ErrorCode.NOT_REDEEMABLE, "offerId")
    assert store.offers.issued == {(1, "mug"): 2}
    await redeem.take_stock(tx, catalog.Offer(offerId="free"))  # no stock: nothing counted
    assert store.offers.issued == {(1, "mug"): 2}


async def test_a_free_redemption_answers_with_the_coupon_and_no_balance() -> None:
    store = FakeStore()
    tenant = tenant_with(catalog.Offer(offerId="mug", title="Mug", stock=5, couponValidDays=2))
    done = await redeem.redeem_offer(fake_tx(store, tenant=tenant), "ann", "mug")
    assert (done.points, done.balance_after) == (0, None)
    assert (done.coupon.offer_id, done.coupon.title, done.coupon.valid_until) == (
        "mug",
        "Mug",
        NOW + 2 * DAY_MS,
    )
    assert store.coupons.rows[done.coupon.id]["code"] == done.coupon.code
    assert (store.offers.user_counts, store.offers.issued) == ({(1, "mug"): 1}, {(1, "mug"): 1})
    [entry] = store.history.rows
    assert (entry["entry_id"], entry["points"]) == (f"OFFER#mug#{done.coupon.id}", 0)


async def test_a_user_at_the_limit_is_refused_before_anything_is_taken() -> None:
    store = FakeStore()
    tx = fake_tx(store, tenant=tenant_with(catalog.Offer(offerId="mug", stock=5, perUserLimit=1)))
    store.offers.user_counts[1, "mug"] = 1
    with pytest.raises(LoyaltyError) as raised:
        await redeem.redeem_offer(tx, "ann", "mug")
    assert refused(raised)[:2] == (ErrorCode.LIMIT_REACHED, "offerId")
    assert (store.offers.user_counts, store.offers.issued, store.coupons.rows) == ({(1, "mug"): 1}, {}, {})


async def test_an_inactive_or_ended_offer_is_refused_before_the_user_is_counted() -> None:
    store = FakeStore()
    tenant = tenant_with(
        catalog.Offer(offerId="off", status="INACTIVE"), catalog.Offer(offerId="old", validUntil=NOW)
    )
    for offer_id, message in (("off", "the offer is not active"), ("old", "the offer has expired")):
        with pytest.raises(LoyaltyError) as raised:
            await redeem.redeem_offer(fake_tx(store, tenant=tenant), "ann", offer_id)
        assert refused(raised) == (ErrorCode.NOT_REDEEMABLE, "id", message)
    with pytest.raises(LoyaltyError) as unknown:
        await redeem.redeem_offer(fake_tx(store, tenant=tenant), "ann", "tea")
    assert refused(unknown) == (ErrorCode.NOT_FOUND, None, "offer 'tea' does not exist")
    assert store.offers.user_counts == {}


async def test_pool_codes_are_handed_out_in_order_skipping_codes_already_on_a_coupon() -> None:
    store = FakeStore()
    tx = fake_tx(store)
    pooled = catalog.Offer(
        offerId="vip",
        title="VIP",
        shopId="s1",
        couponTemplate=catalog.CouponTemplate(codePool=True, validDays=3),
    )
    await coupon(store, 2, code="P-2")  # issued before it was imported into this pool
    store.offers.pools[1] = [PoolCode("vip", c) for c in ("P-1", "P-2", "P-3")]
    first = await redeem.hand_out(tx, 1, pooled, ledger_entry_id=None)
    second = await redeem.hand_out(tx, 3, pooled, ledger_entry_id=7)
    assert (first.code, second.code) == ("P-1", "P-3")
    assert first.valid_until == NOW + 3 * DAY_MS
    assert first.metadata == {"shopId": "s1"}
    assert store.coupons.rows[second.id]["ledger_entry_id"] == 7
    claimed = [(c.code, c.claimed_by) for c in store.offers.pools[1]]
    assert claimed == [("P-1", 1), ("P-2", 3), ("P-3", 3)]  # the spent duplicate stays claimed
    with pytest.raises(LoyaltyError) as raised:
        await redeem.hand_out(tx, 1, pooled, ledger_entry_id=None)
    assert refused(raised)[:2] == (ErrorCode.NOT_REDEEMABLE, "offerId")
    assert len(store.coupons.rows) == 3


def test_a_coupon_ends_at_the_earlier_of_the_templates_end_and_its_days() -> None:
    days = catalog.Offer(couponValidDays=10)
    assert redeem.coupon_valid_until(days, NOW) == NOW + 10 * DAY_MS
    both = catalog.Offer(
        couponValidDays=10, couponTemplate=catalog.CouponTemplate(validDays=2, validUntil=NOW + DAY_MS)
    )
    assert redeem.coupon_valid_until(both, NOW) == NOW + DAY_MS
    assert redeem.coupon_valid_until(catalog.Offer(), NOW) is None


async def test_imported_codes_skip_those_known_in_the_tenant() -> None:
    store = FakeStore()
    tenant = tenant_with(
        catalog.Offer(offerId="vip", couponTemplate=catalog.CouponTemplate(codePool=True)),
        catalog.Offer(offerId="other", couponTemplate=catalog.CouponTemplate(codePool=True)),
    )
    await coupon(store, 1, code="ON-COUPON")
    first = await offers.import_codes(fake_tx(store, tenant=tenant), "other", ["A", "B"])
    assert (first.total, first.available, first.imported, first.duplicates) == (2, 2, 2, 0)
    again = await offers.import_codes(fake_tx(store, tenant=tenant), "vip", ["A", "ON-COUPON", "C", "D"])
    assert again == offers.PoolState("vip", total=2, available=2, imported=2, duplicates=2)
    assert await store.offers.code_counts(1, "other") == (2, 2)


async def test_only_an_admin_imports_codes_and_only_into_a_pool_offer() -> None:
    store = FakeStore()
    tenant = tenant_with(catalog.Offer(offerId="plain"))
    with pytest.raises(LoyaltyError) as raised:
        await offers.import_codes(fake_tx(store, tenant=tenant), "plain", ["A"])
    assert refused(raised) == (
        ErrorCode.INVALID_INPUT,
        "couponTemplate.codePool",
        "offer 'plain' does not hand out pool codes",
    )
    support = Principal(1, "t", None, frozenset(), api_key_role="support")
    with pytest.raises(LoyaltyError) as forbidden:
        await offers.import_codes(fake_tx(store, tenant=tenant, principal=support), "plain", ["A"])
    assert forbidden.value.code == ErrorCode.FORBIDDEN
    assert store.offers.pools == {}


async def test_a_lifecycle_present_is_the_offers_coupon_or_nothing() -> None:
    store = FakeStore()
    tenant = tenant_with(
        catalog.Offer(offerId="cake", title="Cake", points=500),
        catalog.Offer(offerId="off", status="INACTIVE"),
        catalog.Offer(offerId="empty", couponTemplate=catalog.CouponTemplate(codePool=True)),
    )
    tx = fake_tx(store, tenant=tenant)
    for offer_id in (None, "gone", "off", "empty"):  # the points are paid all the same
        assert await lifecycle._gift_coupon(tx, 1, LifecycleReward(points=10, offerId=offer_id)) == {}
    assert store.coupons.rows == {}
    gift = await lifecycle._gift_coupon(tx, 1, LifecycleReward(offerId="cake"))
    (row,) = store.coupons.rows.values()
    assert gift == {"offerId": "cake", "couponId": str(row["id"]), "code": row["code"]}
    assert (row["user_pk"], row["title"], row["ledger_entry_id"]) == (1, "Cake", None)


# Referral codes.

PROGRAMME = referrals.ReferralProgramme(
    referralId="friends", eventId="purchase", referrerPoints=50, refereePoints=20
)


async def owned_code(store: FakeStore, user_pk: int, code: str) -> None:
    await store.referrals.insert_code_if_absent(tenant_id=1, user_pk=user_pk, code=code, now=NOW)


async def test_a_code_registers_the_user_once_normalised() -> None:
    store = FakeStore()
    await owned_code(store, 1, "ANNCODE")
    tx = fake_tx(store, tenant=tenant_with(PROGRAMME))
    done = await referrals.register_referral(tx, "bob", "  anncode ")
    assert done == {
        "message": "referral registered",
        "userId": "bob",
        "referralId": "friends",
        "code": "ANNCODE",
    }
    assert await store.referrals.referrer_of(2) == 1
    assert await store.referrals.referred_count(1) == 1
    await owned_code(store, 3, "CYCODE")
    with pytest.raises(LoyaltyError) as raised:
        await referrals.register_referral(tx, "bob", "CYCODE")
    assert refused(raised) == (
        ErrorCode.INVALID_INPUT,
        "code",
        "user 'bob' has already registered a referral code",
    )
    assert await store.referrals.referrer_of(2) == 1


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("", "'code' is required"),
        (None, "'code' is required"),
        (12, "'code' is required"),
        ("X" * 33, "'code' must be at most 32 characters"),
    ],
)
async def test_a_code_must_be_a_short_string(code: object, message: str) -> None:
    with pytest.raises(LoyaltyError) as raised:
        await referrals.register_referral(fake_tx(tenant=tenant_with(PROGRAMME)), "bob", code)
    assert refused(raised) == (ErrorCode.INVALID_INPUT, "code", message)


async def test_no_registration_without_an_active_programme() -> None:
    store = FakeStore()
    await owned_code(store, 1, "ANNCODE")
    inactive = referrals.ReferralProgramme(
        referralId="old", eventId="purchase", refereePoints=5, status="INACTIVE"
    )
    for tenant in (fake_tenant(), tenant_with(inactive)):
        with pytest.raises(LoyaltyError) as raised:
            await referrals.register_referral(fake_tx(store, tenant=tenant), "bob", "ANNCODE")
        assert refused(raised) == (ErrorCode.INVALID_INPUT, "code", "no referral programme is active")
    assert store.referrals.registrations == {}


async def test_unknown_own_and_mutual_codes_are_refused() -> None:
    store = FakeStore()
    tx = fake_tx(store, tenant=tenant_with(PROGRAMME))
    await owned_code(store, 1, "ANNCODE")
    await owned_code(store, 2, "BOBCODE")
    with pytest.raises(LoyaltyError) as unknown:
        await referrals.register_referral(tx, "bob", "NOPE")
    assert refused(unknown) == (ErrorCode.NOT_FOUND, None, "referral code 'NOPE' does not exist")
    with pytest.raises(LoyaltyError) as own:
        await referrals.register_referral(tx, "ann", "ANNCODE")
    assert refused(own) == (ErrorCode.INVALID_INPUT, "code", "a user cannot be referred by their own code")
    await referrals.register_referral(tx, "bob", "ANNCODE")
    with pytest.raises(LoyaltyError) as mutual:
        await referrals.register_referral(tx, "ann", "BOBCODE")
    assert refused(mutual) == (ErrorCode.INVALID_INPUT, "code", "this code's owner was referred by this user")
    store.referrals.gone.add(2)  # a deleted user's code belongs to nobody
    with pytest.raises(LoyaltyError) as gone:
        await referrals.register_referral(tx, "cy", "BOBCODE")
    assert gone.value.code == ErrorCode.NOT_FOUND
    assert set(store.referrals.registrations) == {2}


async def test_a_users_code_is_drawn_once_and_a_taken_code_is_drawn_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = FakeStore()
    tx = fake_tx(store)
    drawn = iter(["TAKEN", "TAKEN", "FRESH", "OTHER"])
    monkeypatch.setattr(referrals, "new_code", lambda: next(drawn))
    await owned_code(store, 2, "TAKEN")
    assert await referrals._code_for(tx, 1) == "FRESH"
    assert await referrals._code_for(tx, 1) == "FRESH"  # kept: "OTHER" was not stored
    assert store.referrals.codes[1] == (1, "FRESH")


async def test_no_free_code_after_the_attempts_is_a_conflict(monkeypatch: pytest.MonkeyPatch) -> None:
    store = FakeStore()
    await owned_code(store, 2, "TAKEN")
    monkeypatch.setattr(referrals, "new_code", lambda: "TAKEN")
    with pytest.raises(LoyaltyError) as raised:
        await referrals._code_for(fake_tx(store), 1)
    assert refused(raised) == (ErrorCode.CONFLICT, None, "no free referral code was found; retry")
    assert 1 not in store.referrals.codes


# Paying a referral.


@pytest.fixture
def bonuses(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int, str]]:
    paid: list[tuple[int, int, str]] = []

    async def pay(tx: Any, user_pk: int, points: int, bonus: Any, **_: Any) -> None:
        paid.append((user_pk, points, bonus.entry_id))

    monkeypatch.setattr(bonus, "pay", pay)
    return paid


async def test_a_referral_is_paid_once_and_the_referrer_within_the_cap(
    bonuses: list[tuple[int, int, str]],
) -> None:
    store = FakeStore()
    tx = fake_tx(store)
    rule = core_referrals.ReferralRule(
        referral_id="friends", condition=None, referrer_points=50, referee_points=20, max_per_referrer=1
    )
    await owned_code(store, 1, "ANNCODE")
    for referee in (2, 3):
        await store.referrals.register(
            tenant_id=1, user_pk=referee, referrer_pk=1, referral_id="friends", now=NOW
        )
    award = core_referrals.ReferralAward(rule=rule, referrer_pk=1)
    await referrals.pay(tx, 2, award)
    await referrals.pay(tx, 2, award)  # a second qualifying event of bob pays nothing
    await referrals.pay(tx, 3, award)  # past the referrer's cap: only cy is paid
    assert bonuses == [
        (2, 20, "REFERRAL#friends#referee"),
        (1, 50, "REFERRAL#friends#referrer#2"),
        (3, 20, "REFERRAL#friends#referee"),
    ]
    assert store.referrals.paid[1] == 1
    flags = {pk: r.referrer_rewarded for pk, r in store.referrals.registrations.items()}
    assert flags == {2: True, 3: False}
