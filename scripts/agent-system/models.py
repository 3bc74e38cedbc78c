"""SQLAlchemy 2 ORM models of the agent system whose database taskdash reads.

A stand-in written from that system's schema guide (Task, TaskRun, MetricSnapshot, Artifact and
the enums TaskStatus, RunStatus, MetricType, ArtifactType), in its own conventions, so that the
end-to-end tests see exactly what SQLAlchemy's defaults put in a database:

- ``Enum(PyEnum)`` stores member NAMES (``RUNNING``), not values (``running``): a native enum type
  named after the class in lower case on PostgreSQL (``taskstatus``), a VARCHAR on SQLite.
- ``Uuid`` is a native ``uuid`` on PostgreSQL and CHAR(32), hex without dashes, on SQLite.
- ``JSON`` is ``json`` (not ``jsonb``) on PostgreSQL and TEXT on SQLite.
- ``DateTime(timezone=True)`` is ``timestamptz`` on PostgreSQL; on SQLite it is text
  ``YYYY-MM-DD HH:MM:SS.ffffff`` with the offset dropped, so an aware UTC value is stored as
  naive UTC and read back naive.
"""

from __future__ import annotations

import enum
import uuid
from datetime import datetime, timezone
from typing import Any, Optional

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC: the default of every timestamp column."""
    return datetime.now(timezone.utc)


class TaskStatus(enum.Enum):
    """Lifecycle of a task definition."""

    PENDING = "pending"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"
    PAUSED = "paused"


class RunStatus(enum.Enum):
    """Lifecycle of one execution of a task."""

    PENDING = "pending"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"
    TIMEOUT = "timeout"


class MetricType(enum.Enum):
    """Kind of a metric snapshot, in the Prometheus sense."""

    COUNTER = "counter"
    GAUGE = "gauge"
    HISTOGRAM = "histogram"
    TIMER = "timer"


class ArtifactType(enum.Enum):
    """Kind of a file or output a run produced."""

    REPORT = "report"
    DATA = "data"
    LOG = "log"
    CONFIG = "config"
    CODE = "code"
    IMAGE = "image"
    OTHER = "other"


class Base(DeclarativeBase):
    """Declarative base of all models, with the serialization helpers the guide describes."""

    def to_dict(self) -> dict[str, Any]:
        """The row's columns by attribute name (``metadata_`` stays ``metadata_``)."""
        return {attr.key: getattr(self, attr.key) for attr in self.__mapper__.column_attrs}

    def update_from_dict(self, values: dict[str, Any]) -> None:
        """Sets the given attributes; unknown keys are ignored, as in the guide's helper."""
        for key, value in values.items():
            if key in self.__mapper__.column_attrs:
                setattr(self, key, value)


class TimestampMixin:
    """created_at / updated_at, kept by SQLAlchemy on the Python side (no server defaults)."""

    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, nullable=False)
    # onupdate fires only when the flush does not set updated_at itself.
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow, nullable=False
    )


class Task(TimestampMixin, Base):
    """A task definition and its execution statistics (kept by the application, no triggers)."""

    __tablename__ = "tasks"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(255), nullable=False, index=True)
    description: Mapped[Optional[str]] = mapped_column(Text)
    config: Mapped[Optional[dict]] = mapped_column(JSON, default=dict)
    status: Mapped[TaskStatus] = mapped_column(
        Enum(TaskStatus), default=TaskStatus.PENDING, nullable=False, index=True
    )
    max_rounds: Mapped[int] = mapped_column(Integer, default=5, nullable=False)
    memory_size: Mapped[int] = mapped_column(Integer, default=50, nullable=False)
    total_runs: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    successful_runs: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    failed_runs: Mapped[int] = mapped_column(Integer, default=0, nullable=False)

    runs: Mapped[list["TaskRun"]] = relationship(
        back_populates="task", cascade="all, delete-orphan", order_by="TaskRun.run_number"
    )
    metrics: Mapped[list["MetricSnapshot"]] = relationship(back_populates="task")
    artifacts: Mapped[list["Artifact"]] = relationship(back_populates="task")

    @property
    def success_rate(self) -> float:
        """Percentage of counted runs that succeeded; 0 before the first run."""
        return 100.0 * self.successful_runs / self.total_runs if self.total_runs else 0.0

    def __repr__(self) -> str:
        return f"<Task {self.name!r} {self.status.name if self.status else None}>"


class TaskRun(TimestampMixin, Base):
    """One execution of a task; run_number counts from 1 within its task."""

    __tablename__ = "task_runs"
    __table_args__ = (UniqueConstraint("task_id", "run_number", name="uq_task_runs_task_id_run_number"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    task_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("tasks.id", ondelete="CASCADE"), nullable=False, index=True
    )
    run_number: Mapped[int] = mapped_column(Integer, nullable=False)
    status: Mapped[RunStatus] = mapped_column(
        Enum(RunStatus), default=RunStatus.PENDING, nullable=False, index=True
    )
    plan: Mapped[Optional[dict]] = mapped_column(JSON)
    results: Mapped[Optional[dict]] = mapped_column(JSON)
    started_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    completed_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    duration: Mapped[Optional[float]] = mapped_column(Float)  # seconds
    error_message: Mapped[Optional[str]] = mapped_column(Text)
    error_details: Mapped[Optional[dict]] = mapped_column(JSON)

    task: Mapped[Task] = relationship(back_populates="runs")
    metrics: Mapped[list["MetricSnapshot"]] = relationship(back_populates="task_run")
    artifacts: Mapped[list["Artifact"]] = relationship(back_populates="task_run")

    def __repr__(self) -> str:
        return f"<TaskRun #{self.run_number} {self.status.name if self.status else None}>"


class MetricSnapshot(Base):
    """One measurement, optionally tied to a task and a run; no created_at, only its timestamp."""

    __tablename__ = "metric_snapshots"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    task_id: Mapped[Optional[uuid.UUID]] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    task_run_id: Mapped[Optional[uuid.UUID]] = mapped_column(
        ForeignKey("task_runs.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(255), nullable=False, index=True)
    metric_type: Mapped[MetricType] = mapped_column(Enum(MetricType), nullable=False)
    value: Mapped[float] = mapped_column(Float, nullable=False)
    unit: Mapped[Optional[str]] = mapped_column(String(50))
    labels: Mapped[Optional[dict]] = mapped_column(JSON, default=dict)
    timestamp: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, nullable=False, index=True)

    task: Mapped[Optional[Task]] = relationship(back_populates="metrics")
    task_run: Mapped[Optional[TaskRun]] = relationship(back_populates="metrics")


class Artifact(TimestampMixin, Base):
    """A file or output of a run, its content kept inline."""

    __tablename__ = "artifacts"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    task_id: Mapped[Optional[uuid.UUID]] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    task_run_id: Mapped[Optional[uuid.UUID]] = mapped_column(
        ForeignKey("task_runs.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(255), nullable=False)
    artifact_type: Mapped[ArtifactType] = mapped_column(Enum(ArtifactType), nullable=False, index=True)
    file_path: Mapped[Optional[str]] = mapped_column(String(1024))
    file_size: Mapped[Optional[int]] = mapped_column(BigInteger)  # bytes
    file_hash: Mapped[Optional[str]] = mapped_column(String(64))  # sha256 hex
    content_type: Mapped[Optional[str]] = mapped_column(String(255))
    content: Mapped[Optional[str]] = mapped_column(Text)
    # "metadata" is reserved on declarative classes (it is Base.metadata), so the attribute has a
    # trailing underscore while the column keeps the guide's name.
    metadata_: Mapped[Optional[dict]] = mapped_column("metadata", JSON, default=dict)

    task: Mapped[Optional[Task]] = relationship(back_populates="artifacts")
    task_run: Mapped[Optional[TaskRun]] = relationship(back_populates="artifacts")
