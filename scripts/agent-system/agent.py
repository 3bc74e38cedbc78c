#!/usr/bin/env python3
"""Command line of the stand-in agent system: makes, fills and fingerprints its database.

Everything goes through the models in models.py and SQLAlchemy sessions (Core only for the
tables Alembic and the application keep outside the models), as the real agent does, so the
database taskdash reads in the end-to-end tests holds exactly what SQLAlchemy writes.

    agent.py create   URL                                  tables, alembic_version, agent_settings
    agent.py write    URL --tasks N --runs M [--seed S] [--prefix P] [--stale-counters]
    agent.py more     URL --prefix P [--seed S]            one more task, written later
    agent.py checksum URL                                  "<sha256 hex>  <row count>"

URL is a SQLAlchemy URL (postgresql+psycopg://..., sqlite:///path); a libpq URL postgresql://...
is taken too and given the psycopg driver.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta

# models.py lives beside this file; the agent is run as a script, not installed as a package.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# No __pycache__ in the source tree, which .gitignore does not cover.
sys.dont_write_bytecode = True

from sqlalchemy import Column, MetaData, String, Table, Text, create_engine, func, insert, select  # noqa: E402
from sqlalchemy.engine import Engine  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from models import (  # noqa: E402
    Artifact,
    ArtifactType,
    Base,
    MetricSnapshot,
    MetricType,
    RunStatus,
    Task,
    TaskRun,
    TaskStatus,
    utcnow,
)

# The revision the real system's migrations end at; any fixed 12-hex id stands in for it.
ALEMBIC_REVISION = "3f2a9c1d7b4e"

# Tables that are not models: Alembic's bookkeeping and one table of the application's own.
side_metadata = MetaData()
alembic_version = Table("alembic_version", side_metadata, Column("version_num", String(32), primary_key=True))
agent_settings = Table(
    "agent_settings", side_metadata, Column("key", String(255), primary_key=True), Column("value", Text)
)

# Every table the checksum covers, in a fixed order.
CHECKSUM_TABLES = [
    Base.metadata.tables["tasks"],
    Base.metadata.tables["task_runs"],
    Base.metadata.tables["metric_snapshots"],
    Base.metadata.tables["artifacts"],
    alembic_version,
    agent_settings,
]

POINTS_PER_METRIC = 20
# (name, type, unit) of the series every run records.
METRICS = [
    ("cpu_percent", MetricType.GAUGE, "%"),
    ("memory_mb", MetricType.GAUGE, "MB"),
    ("tokens_total", MetricType.COUNTER, "tokens"),
    ("latency_ms", MetricType.TIMER, "ms"),
]
TOOLS = ["web_search", "data_analysis", "code_exec", "file_io", "summarize"]
MODELS = ["gpt-4", "gpt-4o", "claude-3-5-sonnet"]
FAILURES = [
    ("TimeoutError", "TimeoutError: step 3 exceeded 30s", 3),
    ("ValueError", "ValueError: tool web_search returned no results", 2),
    ("RuntimeError", "RuntimeError: rate limit exceeded (HTTP 429) after 3 retries", 4),
]


def engine_for(url: str) -> Engine:
    """An engine for a SQLAlchemy URL; a libpq URL (postgresql:// or postgres://) gets psycopg 3."""
    # Without a driver SQLAlchemy would pick psycopg2, which is not installed.
    url = re.sub(r"^postgres(ql)?://", "postgresql+psycopg://", url)
    return create_engine(url)


# ---------------------------------------------------------------------------------------------
# create


def create(engine: Engine) -> None:
    """Creates the model tables, then what Alembic and the application keep beside them."""
    Base.metadata.create_all(engine)
    side_metadata.create_all(engine)
    with engine.begin() as conn:
        # Idempotent like `alembic upgrade head`: a second create changes nothing.
        if conn.execute(select(func.count()).select_from(alembic_version)).scalar_one() == 0:
            conn.execute(insert(alembic_version).values(version_num=ALEMBIC_REVISION))
        if conn.execute(select(agent_settings.c.key).where(agent_settings.c.key == "default_model")).first() is None:
            conn.execute(insert(agent_settings).values(key="default_model", value="gpt-4"))


# ---------------------------------------------------------------------------------------------
# write / more


@dataclass
class Totals:
    """Rows written by one command, for its summary line."""

    tasks: int = 0
    runs: int = 0
    snapshots: int = 0
    artifacts: int = 0


@dataclass
class TaskPlan:
    """What one task will look like: its statuses in run order and its time window."""

    name: str
    statuses: list[RunStatus]
    start: datetime  # the task's created_at
    end: datetime  # finished runs complete before this
    uncounted: int = 0  # leading runs the application "forgets" to count (--stale-counters)
    description: str = ""


def slug(name: str) -> str:
    """A file-name-safe form of a task name."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def plan_statuses(rng: random.Random, tasks: int, runs: int) -> list[list[RunStatus]]:
    """Run statuses per task: mostly COMPLETED, some FAILED, at least one TIMEOUT where there is
    room, and the first task's last run still RUNNING."""
    weights = [(RunStatus.COMPLETED, 0.7), (RunStatus.FAILED, 0.2), (RunStatus.TIMEOUT, 0.1)]
    plans = [
        rng.choices([s for s, _ in weights], [w for _, w in weights], k=runs) for _ in range(tasks)
    ]
    if tasks and runs:
        plans[0][-1] = RunStatus.RUNNING
    # Slots of finished runs, last first, so the guarantees below land away from the RUNNING run.
    finished = [(t, r) for t in range(tasks) for r in range(runs) if plans[t][r] != RunStatus.RUNNING][::-1]
    # TIMEOUT may take the last COMPLETED run of a tiny write; FAILED leaves one COMPLETED.
    for wanted, keep in ((RunStatus.TIMEOUT, 0), (RunStatus.FAILED, 1)):
        present = any(plans[t][r] == wanted for t, r in finished)
        # Only overwrite a COMPLETED slot, so one guarantee does not undo the other.
        spare = [(t, r) for t, r in finished if plans[t][r] == RunStatus.COMPLETED]
        if not present and len(spare) > keep:
            t, r = spare[0]
            plans[t][r] = wanted
    return plans


def write_task(session: Session, rng: random.Random, plan: TaskPlan, now: datetime, totals: Totals) -> Task:
    """Writes one task with its runs, each with metric snapshots and artifacts, keeping the task's
    counters as the application does, then commits."""
    task = Task(
        name=plan.name,
        description=plan.description or f"Stand-in workload '{plan.name}' of the agent system",
        config={
            "model": rng.choice(MODELS),
            "temperature": round(rng.uniform(0.1, 1.0), 1),
            "tools": sorted(rng.sample(TOOLS, 2)),
        },
        status=TaskStatus.PENDING,
        max_rounds=rng.choice([3, 5, 8, 10]),
        memory_size=rng.choice([20, 50, 100]),
        # Column defaults apply only at flush; the counters are incremented before that.
        total_runs=0,
        successful_runs=0,
        failed_runs=0,
        created_at=plan.start,
        updated_at=plan.start,
    )
    session.add(task)
    totals.tasks += 1

    # Finished runs share the window evenly; a RUNNING run (only ever the last) starts a minute
    # ago instead.
    finished = sum(1 for s in plan.statuses if s != RunStatus.RUNNING)
    slot = (plan.end - plan.start) / max(1, finished)
    for index, status in enumerate(plan.statuses):
        number = index + 1
        if status == RunStatus.RUNNING:
            created = now - timedelta(seconds=62)
            started = now - timedelta(seconds=60)
            completed = None
        else:
            created = plan.start + slot * index + slot * rng.uniform(0.0, 0.1)
            started = created + min(slot * 0.05, timedelta(seconds=rng.uniform(0.2, 2.0)))
            completed = started + slot * rng.uniform(0.4, 0.8)
        run = write_run(session, rng, task, number, status, created, started, completed, now, totals)

        # The application's bookkeeping, done as each run is written (there are no triggers).
        if index >= plan.uncounted:
            task.total_runs += 1
            if status == RunStatus.COMPLETED:
                task.successful_runs += 1
            elif status in (RunStatus.FAILED, RunStatus.TIMEOUT):
                task.failed_runs += 1
        task.status = TaskStatus.RUNNING if status == RunStatus.RUNNING else TaskStatus.COMPLETED
        # Set explicitly: otherwise onupdate would stamp the time of this script, not of the run.
        task.updated_at = run.completed_at or run.started_at

    if any(s == RunStatus.RUNNING for s in plan.statuses):
        task.status = TaskStatus.RUNNING
    session.commit()
    # A large write should not keep every object of every task in the identity map.
    session.expunge_all()
    return task


def write_run(
    session: Session,
    rng: random.Random,
    task: Task,
    number: int,
    status: RunStatus,
    created: datetime,
    started: datetime,
    completed: datetime | None,
    now: datetime,
    totals: Totals,
) -> TaskRun:
    """Adds one run of `task` with its metric snapshots and artifacts to the session."""
    steps = [
        {"step": i + 1, "action": rng.choice(task.config["tools"]), "description": f"round {i + 1} of {task.name}"}
        for i in range(rng.randint(3, 6))
    ]
    duration = (completed - started).total_seconds() if completed else None
    run = TaskRun(
        task=task,
        run_number=number,  # assigned by the application, 1..M within the task
        status=status,
        plan={"steps": steps, "max_rounds": task.max_rounds},
        started_at=started,
        completed_at=completed,
        duration=duration,
        created_at=created,
        updated_at=completed or started,
    )
    rounds = rng.randint(1, task.max_rounds)
    if status == RunStatus.COMPLETED:
        run.results = {
            "summary": f"{task.name} run {number} finished in {rounds} rounds",
            "rounds": rounds,
            "score": round(rng.uniform(0.5, 1.0), 3),
        }
    elif status == RunStatus.FAILED:
        exception, message, step = rng.choice(FAILURES)
        run.error_message = message
        run.error_details = {
            "exception": exception,
            "step": step,
            "retries": rng.randint(0, 3),
            "traceback": [
                'File "agent/loop.py", line 88, in run_step',
                f'File "agent/tools/{steps[0]["action"]}.py", line 41, in call',
                message,
            ],
        }
        run.results = {"rounds": rounds, "partial": True}
    elif status == RunStatus.TIMEOUT:
        budget = int(duration)
        run.error_message = f"Run exceeded its time budget of {budget}s"
        run.error_details = {"budget_seconds": budget, "step": rng.randint(1, len(steps))}
    session.add(run)
    totals.runs += 1

    # Metric points spread over the run's life: until now for a run still going.
    end = completed or now
    life = end - started
    labels = {"host": f"worker-{rng.randint(1, 4)}", "model": task.config["model"], "run": number}
    cpu, memory, tokens = rng.uniform(10, 60), rng.uniform(300, 900), 0.0
    for i in range(POINTS_PER_METRIC):
        at = started + life * ((i + 0.5) / POINTS_PER_METRIC)
        cpu = min(100.0, max(0.0, cpu + rng.uniform(-8, 8)))
        memory = max(50.0, memory + rng.uniform(-20, 40))
        tokens += rng.randint(50, 800)
        values = {
            "cpu_percent": round(cpu, 2),
            "memory_mb": round(memory, 1),
            "tokens_total": tokens,
            "latency_ms": round(rng.lognormvariate(5.5, 0.5), 1),
        }
        for name, metric_type, unit in METRICS:
            session.add(
                MetricSnapshot(
                    task=task,
                    task_run=run,
                    name=name,
                    metric_type=metric_type,
                    value=values[name],
                    unit=unit,
                    labels=dict(labels),
                    timestamp=at,
                )
            )
            totals.snapshots += 1

    written = started + life * 0.95  # artifacts appear near the end of the run's life
    for artifact_type, file_name, content_type, content in artifact_contents(rng, task, run, steps, end):
        data = content.encode("utf-8")
        session.add(
            Artifact(
                task=task,
                task_run=run,
                name=file_name,
                artifact_type=artifact_type,
                file_path=f"artifacts/{slug(task.name)}/run-{number:03d}/{file_name}",
                file_size=len(data),
                file_hash=hashlib.sha256(data).hexdigest(),
                content_type=content_type,
                content=content,
                metadata_={"version": "1.0", "generator": "agent", "run": number},
                created_at=written,
                updated_at=written,
            )
        )
        totals.artifacts += 1
    return run


def artifact_contents(
    rng: random.Random, task: Task, run: TaskRun, steps: list[dict], end: datetime
) -> list[tuple[ArtifactType, str, str, str]]:
    """(type, file name, content type, content) of a run's report, log and config."""
    status = run.status.name
    findings = "\n".join(f"- step {s['step']} ({s['action']}): {rng.choice(['ok', 'ok', 'retried', 'slow'])}" for s in steps)
    report = (
        f"# Report for {task.name} run {run.run_number}\n"
        f"\n"
        f"Status: {status}\n"
        f"Started: {run.started_at.isoformat()}\n"
        f"Duration: {'%.1f s' % run.duration if run.duration is not None else 'still running'}\n"
        f"\n"
        f"## Findings\n"
        f"\n"
        f"{findings}\n"
    )
    if run.error_message:
        report += f"\n## Error\n\n    {run.error_message}\n"
    life = end - run.started_at
    log_lines = [f"{run.started_at.isoformat()} INFO run {run.run_number} of {task.name} started"]
    for i, s in enumerate(steps):
        at = run.started_at + life * ((i + 1) / (len(steps) + 1))
        log_lines.append(f"{at.isoformat()} INFO step {s['step']}/{len(steps)}: {s['action']}")
    if run.error_message:
        log_lines.append(f"{end.isoformat()} ERROR {run.error_message}")
    elif run.completed_at:
        log_lines.append(f"{end.isoformat()} INFO run {run.run_number} {status.lower()}")
    config = json.dumps({"task": task.name, "run": run.run_number, **task.config, "steps": len(steps)}, indent=2)
    return [
        (ArtifactType.REPORT, "report.md", "text/markdown", report),
        (ArtifactType.LOG, "run.log", "text/plain", "\n".join(log_lines) + "\n"),
        (ArtifactType.CONFIG, "config.json", "application/json", config + "\n"),
    ]


def write(engine: Engine, tasks: int, runs: int, seed: int, prefix: str, stale_counters: bool) -> Totals:
    """Writes `tasks` tasks of `runs` runs each, created over the last few hours."""
    rng = random.Random(seed)
    now = utcnow()
    statuses = plan_statuses(rng, tasks, runs)
    totals = Totals()
    # Tasks start between five and two hours ago, the first earliest; their finished runs end
    # two minutes ago at the latest, so nothing lies in the future.
    window_start = now - timedelta(hours=5)
    spacing = timedelta(hours=3) / max(1, tasks)
    with Session(engine) as session:
        for t in range(tasks):
            start = window_start + spacing * t + spacing * rng.uniform(0.0, 0.5)
            plan = TaskPlan(
                name=f"{prefix} task {t + 1}",
                statuses=statuses[t],
                start=start,
                end=now - timedelta(minutes=2),
                uncounted=min(2, runs) if stale_counters and t == 0 else 0,
            )
            write_task(session, rng, plan, now, totals)
    return totals


def more(engine: Engine, prefix: str, seed: int) -> str:
    """What the still-running agent writes later: one new task with two COMPLETED runs."""
    rng = random.Random(seed)
    now = utcnow()
    plan = TaskPlan(
        name=f"{prefix} task late",
        statuses=[RunStatus.COMPLETED, RunStatus.COMPLETED],
        start=now - timedelta(minutes=20),
        end=now - timedelta(minutes=1),
    )
    with Session(engine) as session:
        write_task(session, rng, plan, now, Totals())
    return plan.name


# ---------------------------------------------------------------------------------------------
# checksum


def checksum(engine: Engine) -> tuple[str, int]:
    """SHA-256 over every row of the agent's tables in primary-key order, and the row count."""
    digest = hashlib.sha256()
    rows = 0
    with engine.connect() as conn:
        for table in CHECKSUM_TABLES:
            digest.update(f"table {table.name}\n".encode())
            query = select(table).order_by(*table.primary_key.columns)
            for row in conn.execute(query):
                # repr keeps types apart (1 vs '1' vs 1.0, None vs 'None') and shows enums,
                # UUIDs and datetimes with their timezone in full.
                digest.update(("\t".join(repr(value) for value in row) + "\n").encode())
                rows += 1
    return digest.hexdigest(), rows


# ---------------------------------------------------------------------------------------------
# command line


def positive(text: str) -> int:
    """argparse type: an integer of at least 1."""
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a positive integer")
    return value


def main(argv: list[str] | None = None) -> int:
    """Parses the command line and runs one subcommand."""
    parser = argparse.ArgumentParser(prog="agent.py", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("create", help="create the schema, alembic_version and agent_settings")
    p.add_argument("url")

    p = commands.add_parser("write", help="write tasks with runs, metric snapshots and artifacts")
    p.add_argument("url")
    p.add_argument("--tasks", type=positive, required=True)
    p.add_argument("--runs", type=positive, required=True)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--prefix", default="agent")
    p.add_argument(
        "--stale-counters",
        action="store_true",
        help="leave the first task's counters two runs short of its rows",
    )

    p = commands.add_parser("more", help="write one more task, 'PREFIX task late', with two runs")
    p.add_argument("url")
    p.add_argument("--prefix", required=True)
    p.add_argument("--seed", type=int, default=1)

    p = commands.add_parser("checksum", help="print '<sha256>  <rows>' over all the agent's tables")
    p.add_argument("url")

    args = parser.parse_args(argv)
    engine = engine_for(args.url)
    try:
        if args.command == "create":
            create(engine)
        elif args.command == "write":
            totals = write(engine, args.tasks, args.runs, args.seed, args.prefix, args.stale_counters)
            print(f"wrote {totals.tasks} tasks, {totals.runs} runs, {totals.snapshots} snapshots, {totals.artifacts} artifacts")
        elif args.command == "more":
            print(more(engine, args.prefix, args.seed))
        elif args.command == "checksum":
            digest, rows = checksum(engine)
            print(f"{digest}  {rows}")
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
