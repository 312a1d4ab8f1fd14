"""The backtest panel: every date of a range, each company's stage as the public could know it then and
as known now, with the rows a hindsight panel gets wrong; as JSON, CSV, Parquet or Arrow."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any, Literal

import orjson
from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import Response, StreamingResponse

from api import inputs
from api.answers.basis import answered_in_read_threads, basis_of
from api.answers.responses import READ_ERRORS
from api.answers.spreadsheets import BOM, spreadsheet_safe
from api.deps import (
    DayOrNone,
    Fresh,
    KnownAt,
    ReplyDep,
    SectorFilter,
    ServicesDep,
    SettingsDep,
    StageWord,
    VenueFilter,
    clocks_for,
    day_query,
    invalid,
    parse_days,
    word,
)
from projections.queries.answers import Panel, PanelLeaks
from projections.queries.panel.asking import PanelFilters, PanelTooLarge, grid

if TYPE_CHECKING:  # Arrow (~60 MB) loads with the first panel asked (projections/queries/panel/asking.py)
    import pyarrow as pa

router = APIRouter(tags=["panel"])

From = Annotated[
    str,
    Query(
        alias="from",
        description="First day",
        examples=["2025-01-01"],
        max_length=40,
        json_schema_extra={"format": "date"},
    ),
]
To = Annotated[DayOrNone, day_query("Last day (default: today in Asia/Shanghai)", "2025-12-31")]
Freq = Annotated[
    Literal["day", "week", "month"], Query(description="Every day, every 7th day from `from`, or month ends")
]
Stage = Annotated[StageWord, Query(description="Only rows at this stage, then or now", examples=["accepted"])]
Company = Annotated[str | None, Query(description="Only this company (any name or code)", examples=["Moore Threads"])]
Format = Annotated[
    Literal["json", "csv", "parquet", "arrow"] | None,
    Query(description="The answer's format (else from Accept; JSON by default)"),
]
WithBom = Annotated[bool, Query(description="CSV: start with a UTF-8 BOM, so Excel shows Chinese names")]
MEDIA = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
    "arrow": "application/vnd.apache.arrow.stream",
}
BATCH_ROWS = 50_000
ROW_GROUP = 1_000_000  # rows per Parquet row group (or Arrow batch): written and sent one at a time


def _chosen(format_: str | None, accept: str | None) -> str:
    if format_ is not None:
        return format_
    for name, media in MEDIA.items():
        if accept and media.split(";")[0] in accept:
            return name
    return "json"


def asked_panel(
    services: ServicesDep,
    settings: SettingsDep,
    from_: From,
    to: To = None,
    freq: Freq = "month",
    venue: VenueFilter = None,
    stage: Stage = None,
    company: Company = None,
    sector: SectorFilter = None,
    known_at: KnownAt = None,
) -> tuple[pa.Table, Panel]:
    """The panel a request asks for (both routes take the same question), and its answer's head."""
    start, end = parse_days("from", from_, "to", to)
    clocks = clocks_for(services, "to", to, known_at, None, False)
    filters = PanelFilters(
        venue=word("venue", venue, inputs.parse_venue),
        stage=word("stage", stage, inputs.parse_stage),
        company_id=services.queries.resolve(company)["company_id"] if company else None,
        sector=word("sector", sector, inputs.parse_text),
    )
    try:
        table = services.queries.panel(grid(start, clocks.as_of, freq), clocks, filters, settings.panel_max_rows)
    except PanelTooLarge as error:
        raise invalid("from", from_, str(error)) from None
    answer: Panel = {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "freq": freq,
        "known_at": None if clocks.is_now else clocks.known_at,
        "rows": [],
    }
    return table, answer


AskedPanel = Annotated[tuple["pa.Table", Panel], Depends(asked_panel)]


@router.get(
    "/panel",
    dependencies=[Fresh],
    response_model=Panel,
    responses={
        **READ_ERRORS,
        200: {
            "description": "The panel (JSON by default; CSV, Parquet or Arrow IPC by format or Accept)",
            "content": {media: {} for name, media in MEDIA.items() if name != "json"},
        },
    },
)
def panel(
    request: Request,
    services: ServicesDep,
    asked: AskedPanel,
    format: Format = None,
    bom: WithBom = False,
    accept: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> Response:
    """For every date of the range, each (company, venue) holding a stage: the stage the public could know
    that day (publication clock = that day) and the stage known now, each with whether it certainly held,
    and `leak` where they differ (the rows a hindsight panel gets wrong). Sorted by date, then board order."""
    table, answer = asked
    chosen = _chosen(format, accept)
    name = f"panel-{answer['from']}-{answer['to']}-{answer['freq']}"
    if chosen == "json":
        answer["basis"] = basis_of(services, "/panel", request.query_params)[0]
        return StreamingResponse(_json(answer, table), media_type=MEDIA["json"])
    if chosen == "csv":
        return StreamingResponse(
            _csv(table, bom),
            media_type=MEDIA["csv"],
            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
        )
    suffix = "parquet" if chosen == "parquet" else "arrows"
    return StreamingResponse(
        _binary(table, chosen),
        media_type=MEDIA[chosen],
        headers={"Content-Disposition": f'attachment; filename="{name}.{suffix}"'},
    )


class _Chunks(io.RawIOBase):
    """A write-only file whose bytes are handed on as they are written, so an answer streams."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.written = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.chunks.append(bytes(data))
        self.written += len(data)
        return len(data)

    def tell(self) -> int:
        return self.written

    def drain(self) -> bytes:
        out, self.chunks = b"".join(self.chunks), []
        return out


def _binary(table: pa.Table, chosen: str) -> Iterator[bytes]:
    """Parquet (a row group per batch) or an Arrow IPC stream, yielded as each batch is written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = _Chunks()
    writer = (
        pq.ParquetWriter(sink, table.schema, compression="zstd")
        if chosen == "parquet"
        else pa.ipc.new_stream(sink, table.schema)
    )
    for batch in table.to_batches(max_chunksize=ROW_GROUP):
        writer.write_batch(batch)
        yield sink.drain()
    writer.close()
    yield sink.drain()


@router.get("/panel/leaks", responses=READ_ERRORS, response_model=PanelLeaks)
@answered_in_read_threads
def panel_leaks(reply: ReplyDep, asked: AskedPanel) -> Response:
    """Per date of the panel: how many rows it has and how many of them a hindsight panel gets wrong."""
    table, answer = asked
    counted = table.group_by("date").aggregate([("leak", "count"), ("leak", "sum")]).sort_by("date")
    leaks: PanelLeaks = {
        "from": answer["from"],
        "to": answer["to"],
        "freq": answer["freq"],
        "known_at": answer["known_at"],
        "points": [
            {"date": day.isoformat(), "rows": rows, "leaks": int(leaked or 0)}
            for day, rows, leaked in zip(
                counted["date"].to_pylist(),
                counted["leak_count"].to_pylist(),
                counted["leak_sum"].to_pylist(),
                strict=True,
            )
        ],
    }
    return reply(leaks)


def _json(answer: Panel, table: pa.Table) -> Iterator[bytes]:
    """The answer with its rows streamed a batch at a time (a daily panel may hold millions)."""
    head = orjson.dumps({key: value for key, value in answer.items() if key != "rows"})
    yield head[:-1] + b',"rows":['
    first = True
    for batch in table.to_batches(max_chunksize=BATCH_ROWS):
        rows = batch.to_pylist()
        for row in rows:
            row["date"] = row["date"].isoformat()
        chunk = orjson.dumps(rows)[1:-1]
        if chunk:
            yield chunk if first else b"," + chunk
            first = False
    yield b"]}"


def _csv(table: pa.Table, bom: bool) -> Iterator[bytes]:
    """Plain text columns, names made spreadsheet-safe (a name never runs as a formula)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pa_csv

    if bom:
        yield BOM.encode()
    plain = table
    for column in (
        "company_id",
        "company",
        "venue",
        "stage_as_published",
        "stage_hindsight",
        "name_en",
        "name_zh",
        "short_name_zh",
    ):
        values = plain[column].combine_chunks()
        safe = pa.array([spreadsheet_safe(v) if v else v for v in values.dictionary.to_pylist()], pa.string())
        plain = plain.set_column(plain.schema.get_field_index(column), column, pc.take(safe, values.indices))
    batches = plain.to_batches(max_chunksize=BATCH_ROWS) or [pa.RecordBatch.from_pylist([], schema=plain.schema)]
    for number, batch in enumerate(batches):
        out = io.BytesIO()
        pa_csv.write_csv(pa.Table.from_batches([batch]), out, pa_csv.WriteOptions(include_header=number == 0))
        yield out.getvalue()
