"""ORM models, one module per aggregate; importing this package registers them all."""

from resolutionflow.models.account import Account, Team, TeamMembership
from resolutionflow.models.ai import AICall, AISettings
from resolutionflow.models.analytics import SessionFact, StepVisit
from resolutionflow.models.assist import AssistConversation, AssistMessage
from resolutionflow.models.attachment import SessionAttachment
from resolutionflow.models.audit import AuditEvent, LoginFailure
from resolutionflow.models.experiment import Experiment
from resolutionflow.models.flow import Flow, FlowVersion, Folder
from resolutionflow.models.handoff import Handoff, Notification
from resolutionflow.models.job import Job, JobState, Misfire, Schedule
from resolutionflow.models.knowledge import KnowledgeChunk, KnowledgeDocument
from resolutionflow.models.maintenance import (
    MaintenanceBatch,
    MaintenanceBatchItem,
    MaintenanceSchedule,
    Target,
    TargetList,
)
from resolutionflow.models.outbound import RedactionReport
from resolutionflow.models.pilot import PilotFact, PilotFix, PilotStep
from resolutionflow.models.proposal import FlywheelState, Proposal, ProposalComment
from resolutionflow.models.psa import PsaConnection, PsaMemberLink, PsaPush
from resolutionflow.models.script import Script
from resolutionflow.models.session import Session, SessionEvent
from resolutionflow.models.share import SessionShare
from resolutionflow.models.sso import SsoConfig, SsoDomain, SsoIdentity, SsoLoginState
from resolutionflow.models.step import Step, StepFlag, StepLink, StepRating
from resolutionflow.models.user import ApiToken, Invite, RefreshToken, Role, User
from resolutionflow.models.vector import TextVector

__all__ = [
    "AICall",
    "AISettings",
    "Account",
    "ApiToken",
    "AssistConversation",
    "AssistMessage",
    "AuditEvent",
    "Experiment",
    "Flow",
    "FlowVersion",
    "FlywheelState",
    "Folder",
    "Handoff",
    "Invite",
    "Job",
    "JobState",
    "KnowledgeChunk",
    "KnowledgeDocument",
    "LoginFailure",
    "MaintenanceBatch",
    "MaintenanceBatchItem",
    "MaintenanceSchedule",
    "Misfire",
    "Notification",
    "PilotFact",
    "PilotFix",
    "PilotStep",
    "Proposal",
    "ProposalComment",
    "PsaConnection",
    "PsaMemberLink",
    "PsaPush",
    "RedactionReport",
    "RefreshToken",
    "Role",
    "Schedule",
    "Script",
    "Session",
    "SessionAttachment",
    "SessionEvent",
    "SessionFact",
    "SessionShare",
    "SsoConfig",
    "SsoDomain",
    "SsoIdentity",
    "SsoLoginState",
    "Step",
    "StepFlag",
    "StepLink",
    "StepRating",
    "StepVisit",
    "Target",
    "TargetList",
    "Team",
    "TeamMembership",
    "TextVector",
    "User",
]
