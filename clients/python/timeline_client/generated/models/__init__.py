""" Contains all the data models used in inputs/outputs """

from .cause import Cause
from .change import Change
from .changes import Changes
from .company import Company
from .company_history import CompanyHistory
from .company_in import CompanyIn
from .company_written_out import CompanyWrittenOut
from .correction_in import CorrectionIn
from .correction_in_fields_type_0 import CorrectionInFieldsType0
from .count_move import CountMove
from .counts_point import CountsPoint
from .counts_point_counts import CountsPointCounts
from .curve_point import CurvePoint
from .day_span import DaySpan
from .delivery_made import DeliveryMade
from .error_out import ErrorOut
from .fact import Fact
from .fact_fields import FactFields
from .fact_in import FactIn
from .fact_in_fields import FactInFields
from .fact_kind import FactKind
from .fact_with_history import FactWithHistory
from .fact_with_history_fields import FactWithHistoryFields
from .fact_written_out import FactWrittenOut
from .feed_event import FeedEvent
from .feed_page import FeedPage
from .flag import Flag
from .flags import Flags
from .flags_funding_raised import FlagsFundingRaised
from .funding_total import FundingTotal
from .fuzzy_day import FuzzyDay
from .health import Health
from .health_projections import HealthProjections
from .history_rectangle import HistoryRectangle
from .history_step import HistoryStep
from .history_step_fields import HistoryStepFields
from .http_validation_error import HTTPValidationError
from .kind_word import KindWord
from .listing_cohort import ListingCohort
from .listing_cohort_exits import ListingCohortExits
from .listing_span import ListingSpan
from .log_point import LogPoint
from .market_group import MarketGroup
from .median_bounds import MedianBounds
from .median_interval import MedianInterval
from .money import Money
from .name_retirement_in import NameRetirementIn
from .name_use import NameUse
from .panel import Panel
from .panel_format_type_0 import PanelFormatType0
from .panel_freq import PanelFreq
from .panel_leaks import PanelLeaks
from .panel_leaks_freq import PanelLeaksFreq
from .panel_point import PanelPoint
from .panel_row import PanelRow
from .pipeline import Pipeline
from .pipeline_counts import PipelineCounts
from .pipeline_counts_additional_property import PipelineCountsAdditionalProperty
from .pipeline_counts_granularity import PipelineCountsGranularity
from .pipeline_counts_vintage import PipelineCountsVintage
from .pipeline_entry import PipelineEntry
from .projection_health import ProjectionHealth
from .replica_health import ReplicaHealth
from .retired_name import RetiredName
from .retraction_in import RetractionIn
from .revision import Revision
from .revision_state import RevisionState
from .revisions import Revisions
from .revisions_counts import RevisionsCounts
from .revisions_counts_additional_property import RevisionsCountsAdditionalProperty
from .search import Search
from .search_hit import SearchHit
from .sector import Sector
from .source import Source
from .source_grade import SourceGrade
from .source_in import SourceIn
from .source_kind import SourceKind
from .span import Span
from .span_summary import SpanSummary
from .stage import Stage
from .stats_counts import StatsCounts
from .stock_code import StockCode
from .subscription_in import SubscriptionIn
from .subscription_scope import SubscriptionScope
from .subscription_state import SubscriptionState
from .subscription_written_out import SubscriptionWrittenOut
from .time_in_stage import TimeInStage
from .time_in_stage_vintage import TimeInStageVintage
from .time_to_listing import TimeToListing
from .time_to_listing_cohort import TimeToListingCohort
from .timeline import Timeline
from .validation_error import ValidationError
from .validation_error_context import ValidationErrorContext
from .valuation import Valuation
from .venue import Venue
from .venue_state import VenueState
from .vocabulary import Vocabulary
from .vocabulary_venue_names import VocabularyVenueNames

__all__ = (
    "Cause",
    "Change",
    "Changes",
    "Company",
    "CompanyHistory",
    "CompanyIn",
    "CompanyWrittenOut",
    "CorrectionIn",
    "CorrectionInFieldsType0",
    "CountMove",
    "CountsPoint",
    "CountsPointCounts",
    "CurvePoint",
    "DaySpan",
    "DeliveryMade",
    "ErrorOut",
    "Fact",
    "FactFields",
    "FactIn",
    "FactInFields",
    "FactKind",
    "FactWithHistory",
    "FactWithHistoryFields",
    "FactWrittenOut",
    "FeedEvent",
    "FeedPage",
    "Flag",
    "Flags",
    "FlagsFundingRaised",
    "FundingTotal",
    "FuzzyDay",
    "Health",
    "HealthProjections",
    "HistoryRectangle",
    "HistoryStep",
    "HistoryStepFields",
    "HTTPValidationError",
    "KindWord",
    "ListingCohort",
    "ListingCohortExits",
    "ListingSpan",
    "LogPoint",
    "MarketGroup",
    "MedianBounds",
    "MedianInterval",
    "Money",
    "NameRetirementIn",
    "NameUse",
    "Panel",
    "PanelFormatType0",
    "PanelFreq",
    "PanelLeaks",
    "PanelLeaksFreq",
    "PanelPoint",
    "PanelRow",
    "Pipeline",
    "PipelineCounts",
    "PipelineCountsAdditionalProperty",
    "PipelineCountsGranularity",
    "PipelineCountsVintage",
    "PipelineEntry",
    "ProjectionHealth",
    "ReplicaHealth",
    "RetiredName",
    "RetractionIn",
    "Revision",
    "Revisions",
    "RevisionsCounts",
    "RevisionsCountsAdditionalProperty",
    "RevisionState",
    "Search",
    "SearchHit",
    "Sector",
    "Source",
    "SourceGrade",
    "SourceIn",
    "SourceKind",
    "Span",
    "SpanSummary",
    "Stage",
    "StatsCounts",
    "StockCode",
    "SubscriptionIn",
    "SubscriptionScope",
    "SubscriptionState",
    "SubscriptionWrittenOut",
    "TimeInStage",
    "TimeInStageVintage",
    "Timeline",
    "TimeToListing",
    "TimeToListingCohort",
    "ValidationError",
    "ValidationErrorContext",
    "Valuation",
    "Venue",
    "VenueState",
    "Vocabulary",
    "VocabularyVenueNames",
)
