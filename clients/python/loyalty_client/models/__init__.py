"""Contains all the data models used in inputs/outputs"""

from .action_result import ActionResult
from .action_result_data import ActionResultData
from .action_to_log import ActionToLog
from .action_to_log_data_type_0 import ActionToLogDataType0
from .added_points import AddedPoints
from .adjustment_body import AdjustmentBody
from .adjustment_reply import AdjustmentReply
from .admin_api_key import AdminApiKey
from .admin_api_key_created import AdminApiKeyCreated
from .admin_api_key_input import AdminApiKeyInput
from .admin_api_key_input_role import AdminApiKeyInputRole
from .admin_api_key_revoked import AdminApiKeyRevoked
from .admin_audit_record import AdminAuditRecord
from .admin_audit_record_after_type_0 import AdminAuditRecordAfterType0
from .admin_audit_record_before_type_0 import AdminAuditRecordBeforeType0
from .admin_campaign import AdminCampaign
from .admin_campaign_input import AdminCampaignInput
from .admin_campaign_input_status import AdminCampaignInputStatus
from .admin_campaign_input_title_type_1 import AdminCampaignInputTitleType1
from .admin_campaign_status import AdminCampaignStatus
from .admin_campaign_title_type_1 import AdminCampaignTitleType1
from .admin_challenge import AdminChallenge
from .admin_challenge_conditions_type_0 import AdminChallengeConditionsType0
from .admin_challenge_input import AdminChallengeInput
from .admin_challenge_input_conditions_type_0 import AdminChallengeInputConditionsType0
from .admin_challenge_input_status import AdminChallengeInputStatus
from .admin_challenge_input_subtitle_type_1 import AdminChallengeInputSubtitleType1
from .admin_challenge_input_title_type_1 import AdminChallengeInputTitleType1
from .admin_challenge_input_type import AdminChallengeInputType
from .admin_challenge_status import AdminChallengeStatus
from .admin_challenge_subtitle_type_1 import AdminChallengeSubtitleType1
from .admin_challenge_title_type_1 import AdminChallengeTitleType1
from .admin_challenge_type import AdminChallengeType
from .admin_deleted import AdminDeleted
from .admin_event import AdminEvent
from .admin_event_conditions_type_0 import AdminEventConditionsType0
from .admin_event_history_description_type_0 import AdminEventHistoryDescriptionType0
from .admin_event_history_title_type_0 import AdminEventHistoryTitleType0
from .admin_event_input import AdminEventInput
from .admin_event_input_conditions_type_0 import AdminEventInputConditionsType0
from .admin_event_input_history_description_type_0 import AdminEventInputHistoryDescriptionType0
from .admin_event_input_history_title_type_0 import AdminEventInputHistoryTitleType0
from .admin_event_input_limit_period import AdminEventInputLimitPeriod
from .admin_event_input_reward import AdminEventInputReward
from .admin_event_input_status import AdminEventInputStatus
from .admin_event_input_type import AdminEventInputType
from .admin_event_limit_period import AdminEventLimitPeriod
from .admin_event_reward import AdminEventReward
from .admin_event_status import AdminEventStatus
from .admin_event_type import AdminEventType
from .admin_inventory import AdminInventory
from .admin_inventory_input import AdminInventoryInput
from .admin_inventory_input_title_type_1 import AdminInventoryInputTitleType1
from .admin_inventory_title_type_1 import AdminInventoryTitleType1
from .admin_leaderboard import AdminLeaderboard
from .admin_leaderboard_description_type_1 import AdminLeaderboardDescriptionType1
from .admin_leaderboard_input import AdminLeaderboardInput
from .admin_leaderboard_input_description_type_1 import AdminLeaderboardInputDescriptionType1
from .admin_leaderboard_input_metric import AdminLeaderboardInputMetric
from .admin_leaderboard_input_periods_item import AdminLeaderboardInputPeriodsItem
from .admin_leaderboard_input_status import AdminLeaderboardInputStatus
from .admin_leaderboard_input_title_type_1 import AdminLeaderboardInputTitleType1
from .admin_leaderboard_metric import AdminLeaderboardMetric
from .admin_leaderboard_periods_item import AdminLeaderboardPeriodsItem
from .admin_leaderboard_status import AdminLeaderboardStatus
from .admin_leaderboard_title_type_1 import AdminLeaderboardTitleType1
from .admin_metric import AdminMetric
from .admin_metric_input import AdminMetricInput
from .admin_metric_input_title_type_1 import AdminMetricInputTitleType1
from .admin_metric_title_type_1 import AdminMetricTitleType1
from .admin_milestone import AdminMilestone
from .admin_milestone_basis import AdminMilestoneBasis
from .admin_milestone_input import AdminMilestoneInput
from .admin_milestone_input_basis import AdminMilestoneInputBasis
from .admin_milestone_input_title_type_1 import AdminMilestoneInputTitleType1
from .admin_milestone_title_type_1 import AdminMilestoneTitleType1
from .admin_offer import AdminOffer
from .admin_offer_coupon_type_0 import AdminOfferCouponType0
from .admin_offer_input import AdminOfferInput
from .admin_offer_input_coupon_type_0 import AdminOfferInputCouponType0
from .admin_offer_input_metadata_type_0 import AdminOfferInputMetadataType0
from .admin_offer_input_status import AdminOfferInputStatus
from .admin_offer_metadata_type_0 import AdminOfferMetadataType0
from .admin_offer_status import AdminOfferStatus
from .admin_referral import AdminReferral
from .admin_referral_conditions_type_0 import AdminReferralConditionsType0
from .admin_referral_description_type_1 import AdminReferralDescriptionType1
from .admin_referral_input import AdminReferralInput
from .admin_referral_input_conditions_type_0 import AdminReferralInputConditionsType0
from .admin_referral_input_description_type_1 import AdminReferralInputDescriptionType1
from .admin_referral_input_status import AdminReferralInputStatus
from .admin_referral_input_title_type_1 import AdminReferralInputTitleType1
from .admin_referral_status import AdminReferralStatus
from .admin_referral_title_type_1 import AdminReferralTitleType1
from .admin_settings import AdminSettings
from .admin_settings_input import AdminSettingsInput
from .admin_settings_input_jwks_type_0 import AdminSettingsInputJwksType0
from .admin_settings_jwks_type_0 import AdminSettingsJwksType0
from .admin_streak import AdminStreak
from .admin_streak_description_type_1 import AdminStreakDescriptionType1
from .admin_streak_input import AdminStreakInput
from .admin_streak_input_description_type_1 import AdminStreakInputDescriptionType1
from .admin_streak_input_milestones import AdminStreakInputMilestones
from .admin_streak_input_status import AdminStreakInputStatus
from .admin_streak_input_time_frame import AdminStreakInputTimeFrame
from .admin_streak_input_title_type_1 import AdminStreakInputTitleType1
from .admin_streak_milestones import AdminStreakMilestones
from .admin_streak_status import AdminStreakStatus
from .admin_streak_time_frame import AdminStreakTimeFrame
from .admin_streak_title_type_1 import AdminStreakTitleType1
from .admin_survey import AdminSurvey
from .admin_survey_input import AdminSurveyInput
from .admin_survey_input_status import AdminSurveyInputStatus
from .admin_survey_input_title_type_1 import AdminSurveyInputTitleType1
from .admin_survey_input_type import AdminSurveyInputType
from .admin_survey_status import AdminSurveyStatus
from .admin_survey_title_type_1 import AdminSurveyTitleType1
from .admin_survey_type import AdminSurveyType
from .admin_user_group import AdminUserGroup
from .admin_user_group_description_type_1 import AdminUserGroupDescriptionType1
from .admin_user_group_input import AdminUserGroupInput
from .admin_user_group_input_description_type_1 import AdminUserGroupInputDescriptionType1
from .admin_user_group_input_title_type_1 import AdminUserGroupInputTitleType1
from .admin_user_group_title_type_1 import AdminUserGroupTitleType1
from .admin_webhook import AdminWebhook
from .admin_webhook_input import AdminWebhookInput
from .admin_webhook_input_signature_format import AdminWebhookInputSignatureFormat
from .admin_webhook_signature_format import AdminWebhookSignatureFormat
from .answer_body import AnswerBody
from .audience_error import AudienceError
from .audience_error_data import AudienceErrorData
from .birthday_body import BirthdayBody
from .birthday_reply import BirthdayReply
from .campaign_points import CampaignPoints
from .campaign_schedule import CampaignSchedule
from .campaign_schedule_days_of_week_type_0_item import CampaignScheduleDaysOfWeekType0Item
from .campaign_totals import CampaignTotals
from .coupon import Coupon
from .coupon_change_reply import CouponChangeReply
from .coupon_code import CouponCode
from .coupon_data import CouponData
from .coupon_grant_body import CouponGrantBody
from .coupon_metadata import CouponMetadata
from .coupon_redeem_body import CouponRedeemBody
from .coupon_redeemed import CouponRedeemed
from .coupon_reply import CouponReply
from .coupon_revoke_body import CouponRevokeBody
from .coupon_template import CouponTemplate
from .create_user_body import CreateUserBody
from .customer_summary import CustomerSummary
from .day_stats import DayStats
from .emporix_error import EmporixError
from .emporix_error_fault_type_0 import EmporixErrorFaultType0
from .error_code import ErrorCode
from .event_batch import EventBatch
from .event_batch_item import EventBatchItem
from .event_batch_item_metadata_type_0 import EventBatchItemMetadataType0
from .event_data import EventData
from .event_data_daily_data import EventDataDailyData
from .event_day_stats import EventDayStats
from .event_stats import EventStats
from .event_to_log import EventToLog
from .event_to_log_metadata_type_0 import EventToLogMetadataType0
from .event_totals import EventTotals
from .event_view import EventView
from .event_view_conditions_type_0 import EventViewConditionsType0
from .event_view_metadata_fields_item import EventViewMetadataFieldsItem
from .event_view_reward import EventViewReward
from .expiry_policy import ExpiryPolicy
from .expiry_policy_mode import ExpiryPolicyMode
from .expiry_policy_period_type_0 import ExpiryPolicyPeriodType0
from .export_user_response_200 import ExportUserResponse200
from .get_audience_config_response_200 import GetAudienceConfigResponse200
from .get_audience_history_response_200 import GetAudienceHistoryResponse200
from .get_audience_profile_response_200 import GetAudienceProfileResponse200
from .get_event_stats_period import GetEventStatsPeriod
from .get_event_stats_timeframe import GetEventStatsTimeframe
from .get_leaderboard_period import GetLeaderboardPeriod
from .get_offer_feed_response_200_item import GetOfferFeedResponse200Item
from .get_user_history_sort import GetUserHistorySort
from .get_webhook_delivery_response_200 import GetWebhookDeliveryResponse200
from .global_data import GlobalData
from .global_data_campaign_breakdown import GlobalDataCampaignBreakdown
from .global_data_daily_data import GlobalDataDailyData
from .global_data_event_breakdown import GlobalDataEventBreakdown
from .global_stats import GlobalStats
from .history_entry import HistoryEntry
from .history_entry_description_type_0 import HistoryEntryDescriptionType0
from .history_entry_title_type_0 import HistoryEntryTitleType0
from .hours import Hours
from .import_reply import ImportReply
from .inventory_item import InventoryItem
from .inventory_item_title_type_1 import InventoryItemTitleType1
from .leaderboard import Leaderboard
from .leaderboard_title_type_1 import LeaderboardTitleType1
from .lifecycle_reward import LifecycleReward
from .link import Link
from .list_audience_notifications_response_200 import ListAudienceNotificationsResponse200
from .list_webhook_deliveries_response_200_item import ListWebhookDeliveriesResponse200Item
from .list_webhook_deliveries_status import ListWebhookDeliveriesStatus
from .log_event_batch_response_200 import LogEventBatchResponse200
from .logged_event import LoggedEvent
from .logged_event_data import LoggedEventData
from .logged_event_data_metadata import LoggedEventDataMetadata
from .lynes_error import LynesError
from .lynes_error_data import LynesErrorData
from .mark_audience_notifications_read_response_200 import MarkAudienceNotificationsReadResponse200
from .member_coupon import MemberCoupon
from .message import Message
from .metadata_field import MetadataField
from .metadata_field_type import MetadataFieldType
from .milestone import Milestone
from .milestone_title_type_1 import MilestoneTitleType1
from .mission import Mission
from .mission_conditions_type_0 import MissionConditionsType0
from .mission_title_type_1 import MissionTitleType1
from .mission_type import MissionType
from .money import Money
from .neighbours import Neighbours
from .new_customer import NewCustomer
from .notification import Notification
from .notification_display import NotificationDisplay
from .notification_message_type_1 import NotificationMessageType1
from .notification_title_type_1 import NotificationTitleType1
from .option_count import OptionCount
from .option_count_label_type_0 import OptionCountLabelType0
from .option_metadata import OptionMetadata
from .overview import Overview
from .points_entry import PointsEntry
from .pool_reply import PoolReply
from .ranked_entry import RankedEntry
from .rate_limit import RateLimit
from .read_body import ReadBody
from .redeem_body import RedeemBody
from .redeem_body_metadata_type_0 import RedeemBodyMetadataType0
from .redeem_option import RedeemOption
from .redeem_option_body import RedeemOptionBody
from .redeem_option_coupon import RedeemOptionCoupon
from .redeem_option_coupon_discount_type import RedeemOptionCouponDiscountType
from .redeem_option_coupon_status import RedeemOptionCouponStatus
from .redeem_request import RedeemRequest
from .redeemable import Redeemable
from .redeemed import Redeemed
from .redeemed_entry import RedeemedEntry
from .redeemed_points import RedeemedPoints
from .referral_registered import ReferralRegistered
from .register_referral_body import RegisterReferralBody
from .repeat import Repeat
from .repeat_per import RepeatPer
from .resend_webhook_delivery_response_200 import ResendWebhookDeliveryResponse200
from .reset_body import ResetBody
from .restrictions import Restrictions
from .reversed_event import ReversedEvent
from .reversed_event_data import ReversedEventData
from .reward import Reward
from .reward_type import RewardType
from .rows_import_reply import RowsImportReply
from .screen_body import ScreenBody
from .set_user_group_body import SetUserGroupBody
from .single_sign_on import SingleSignOn
from .single_sign_on_role_mapping import SingleSignOnRoleMapping
from .streak import Streak
from .streak_analytics import StreakAnalytics
from .streak_list import StreakList
from .summary import Summary
from .survey_option import SurveyOption
from .survey_option_label_type_1 import SurveyOptionLabelType1
from .survey_option_view import SurveyOptionView
from .survey_results import SurveyResults
from .survey_view import SurveyView
from .time_window import TimeWindow
from .time_zone_body import TimeZoneBody
from .user_challenge import UserChallenge
from .user_challenge_list import UserChallengeList
from .user_challenge_title_type_0 import UserChallengeTitleType0
from .user_created import UserCreated
from .user_deleted import UserDeleted
from .user_group_membership import UserGroupMembership
from .user_points import UserPoints
from .user_rank import UserRank
from .user_ranks import UserRanks
from .user_referral import UserReferral
from .user_time_zone import UserTimeZone
from .users_metadata import UsersMetadata

__all__ = (
    "ActionResult",
    "ActionResultData",
    "ActionToLog",
    "ActionToLogDataType0",
    "AddedPoints",
    "AdjustmentBody",
    "AdjustmentReply",
    "AdminApiKey",
    "AdminApiKeyCreated",
    "AdminApiKeyInput",
    "AdminApiKeyInputRole",
    "AdminApiKeyRevoked",
    "AdminAuditRecord",
    "AdminAuditRecordAfterType0",
    "AdminAuditRecordBeforeType0",
    "AdminCampaign",
    "AdminCampaignInput",
    "AdminCampaignInputStatus",
    "AdminCampaignInputTitleType1",
    "AdminCampaignStatus",
    "AdminCampaignTitleType1",
    "AdminChallenge",
    "AdminChallengeConditionsType0",
    "AdminChallengeInput",
    "AdminChallengeInputConditionsType0",
    "AdminChallengeInputStatus",
    "AdminChallengeInputSubtitleType1",
    "AdminChallengeInputTitleType1",
    "AdminChallengeInputType",
    "AdminChallengeStatus",
    "AdminChallengeSubtitleType1",
    "AdminChallengeTitleType1",
    "AdminChallengeType",
    "AdminDeleted",
    "AdminEvent",
    "AdminEventConditionsType0",
    "AdminEventHistoryDescriptionType0",
    "AdminEventHistoryTitleType0",
    "AdminEventInput",
    "AdminEventInputConditionsType0",
    "AdminEventInputHistoryDescriptionType0",
    "AdminEventInputHistoryTitleType0",
    "AdminEventInputLimitPeriod",
    "AdminEventInputReward",
    "AdminEventInputStatus",
    "AdminEventInputType",
    "AdminEventLimitPeriod",
    "AdminEventReward",
    "AdminEventStatus",
    "AdminEventType",
    "AdminInventory",
    "AdminInventoryInput",
    "AdminInventoryInputTitleType1",
    "AdminInventoryTitleType1",
    "AdminLeaderboard",
    "AdminLeaderboardDescriptionType1",
    "AdminLeaderboardInput",
    "AdminLeaderboardInputDescriptionType1",
    "AdminLeaderboardInputMetric",
    "AdminLeaderboardInputPeriodsItem",
    "AdminLeaderboardInputStatus",
    "AdminLeaderboardInputTitleType1",
    "AdminLeaderboardMetric",
    "AdminLeaderboardPeriodsItem",
    "AdminLeaderboardStatus",
    "AdminLeaderboardTitleType1",
    "AdminMetric",
    "AdminMetricInput",
    "AdminMetricInputTitleType1",
    "AdminMetricTitleType1",
    "AdminMilestone",
    "AdminMilestoneBasis",
    "AdminMilestoneInput",
    "AdminMilestoneInputBasis",
    "AdminMilestoneInputTitleType1",
    "AdminMilestoneTitleType1",
    "AdminOffer",
    "AdminOfferCouponType0",
    "AdminOfferInput",
    "AdminOfferInputCouponType0",
    "AdminOfferInputMetadataType0",
    "AdminOfferInputStatus",
    "AdminOfferMetadataType0",
    "AdminOfferStatus",
    "AdminReferral",
    "AdminReferralConditionsType0",
    "AdminReferralDescriptionType1",
    "AdminReferralInput",
    "AdminReferralInputConditionsType0",
    "AdminReferralInputDescriptionType1",
    "AdminReferralInputStatus",
    "AdminReferralInputTitleType1",
    "AdminReferralStatus",
    "AdminReferralTitleType1",
    "AdminSettings",
    "AdminSettingsInput",
    "AdminSettingsInputJwksType0",
    "AdminSettingsJwksType0",
    "AdminStreak",
    "AdminStreakDescriptionType1",
    "AdminStreakInput",
    "AdminStreakInputDescriptionType1",
    "AdminStreakInputMilestones",
    "AdminStreakInputStatus",
    "AdminStreakInputTimeFrame",
    "AdminStreakInputTitleType1",
    "AdminStreakMilestones",
    "AdminStreakStatus",
    "AdminStreakTimeFrame",
    "AdminStreakTitleType1",
    "AdminSurvey",
    "AdminSurveyInput",
    "AdminSurveyInputStatus",
    "AdminSurveyInputTitleType1",
    "AdminSurveyInputType",
    "AdminSurveyStatus",
    "AdminSurveyTitleType1",
    "AdminSurveyType",
    "AdminUserGroup",
    "AdminUserGroupDescriptionType1",
    "AdminUserGroupInput",
    "AdminUserGroupInputDescriptionType1",
    "AdminUserGroupInputTitleType1",
    "AdminUserGroupTitleType1",
    "AdminWebhook",
    "AdminWebhookInput",
    "AdminWebhookInputSignatureFormat",
    "AdminWebhookSignatureFormat",
    "AnswerBody",
    "AudienceError",
    "AudienceErrorData",
    "BirthdayBody",
    "BirthdayReply",
    "CampaignPoints",
    "CampaignSchedule",
    "CampaignScheduleDaysOfWeekType0Item",
    "CampaignTotals",
    "Coupon",
    "CouponChangeReply",
    "CouponCode",
    "CouponData",
    "CouponGrantBody",
    "CouponMetadata",
    "CouponRedeemBody",
    "CouponRedeemed",
    "CouponReply",
    "CouponRevokeBody",
    "CouponTemplate",
    "CreateUserBody",
    "CustomerSummary",
    "DayStats",
    "EmporixError",
    "EmporixErrorFaultType0",
    "ErrorCode",
    "EventBatch",
    "EventBatchItem",
    "EventBatchItemMetadataType0",
    "EventData",
    "EventDataDailyData",
    "EventDayStats",
    "EventStats",
    "EventToLog",
    "EventToLogMetadataType0",
    "EventTotals",
    "EventView",
    "EventViewConditionsType0",
    "EventViewMetadataFieldsItem",
    "EventViewReward",
    "ExpiryPolicy",
    "ExpiryPolicyMode",
    "ExpiryPolicyPeriodType0",
    "ExportUserResponse200",
    "GetAudienceConfigResponse200",
    "GetAudienceHistoryResponse200",
    "GetAudienceProfileResponse200",
    "GetEventStatsPeriod",
    "GetEventStatsTimeframe",
    "GetLeaderboardPeriod",
    "GetOfferFeedResponse200Item",
    "GetUserHistorySort",
    "GetWebhookDeliveryResponse200",
    "GlobalData",
    "GlobalDataCampaignBreakdown",
    "GlobalDataDailyData",
    "GlobalDataEventBreakdown",
    "GlobalStats",
    "HistoryEntry",
    "HistoryEntryDescriptionType0",
    "HistoryEntryTitleType0",
    "Hours",
    "ImportReply",
    "InventoryItem",
    "InventoryItemTitleType1",
    "Leaderboard",
    "LeaderboardTitleType1",
    "LifecycleReward",
    "Link",
    "ListAudienceNotificationsResponse200",
    "ListWebhookDeliveriesResponse200Item",
    "ListWebhookDeliveriesStatus",
    "LogEventBatchResponse200",
    "LoggedEvent",
    "LoggedEventData",
    "LoggedEventDataMetadata",
    "LynesError",
    "LynesErrorData",
    "MarkAudienceNotificationsReadResponse200",
    "MemberCoupon",
    "Message",
    "MetadataField",
    "MetadataFieldType",
    "Milestone",
    "MilestoneTitleType1",
    "Mission",
    "MissionConditionsType0",
    "MissionTitleType1",
    "MissionType",
    "Money",
    "Neighbours",
    "NewCustomer",
    "Notification",
    "NotificationDisplay",
    "NotificationMessageType1",
    "NotificationTitleType1",
    "OptionCount",
    "OptionCountLabelType0",
    "OptionMetadata",
    "Overview",
    "PointsEntry",
    "PoolReply",
    "RankedEntry",
    "RateLimit",
    "ReadBody",
    "Redeemable",
    "RedeemBody",
    "RedeemBodyMetadataType0",
    "Redeemed",
    "RedeemedEntry",
    "RedeemedPoints",
    "RedeemOption",
    "RedeemOptionBody",
    "RedeemOptionCoupon",
    "RedeemOptionCouponDiscountType",
    "RedeemOptionCouponStatus",
    "RedeemRequest",
    "ReferralRegistered",
    "RegisterReferralBody",
    "Repeat",
    "RepeatPer",
    "ResendWebhookDeliveryResponse200",
    "ResetBody",
    "Restrictions",
    "ReversedEvent",
    "ReversedEventData",
    "Reward",
    "RewardType",
    "RowsImportReply",
    "ScreenBody",
    "SetUserGroupBody",
    "SingleSignOn",
    "SingleSignOnRoleMapping",
    "Streak",
    "StreakAnalytics",
    "StreakList",
    "Summary",
    "SurveyOption",
    "SurveyOptionLabelType1",
    "SurveyOptionView",
    "SurveyResults",
    "SurveyView",
    "TimeWindow",
    "TimeZoneBody",
    "UserChallenge",
    "UserChallengeList",
    "UserChallengeTitleType0",
    "UserCreated",
    "UserDeleted",
    "UserGroupMembership",
    "UserPoints",
    "UserRank",
    "UserRanks",
    "UserReferral",
    "UsersMetadata",
    "UserTimeZone",
)
